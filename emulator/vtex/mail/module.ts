import type { EmuModule, EmuRequest, EmuResponse } from '../../http'
import { accountOf, header, json } from '../../http'
import { compile, TemplateError } from './handlebars'
import type { Mailbox } from './mailbox'

/**
 * Message Center as apps reach it through Janus (`portal.vtexcommercestable.com.br/...?an=` or
 * `{account}.vtexcommercestable.com.br`): template-render templates and mail-service sendmail.
 * No OpenAPI documents them (reference/vtex-api-contracts.md section 6); the shapes are those of
 * VTEX's own apps (return-app, availability-notify), enforced: a template must exist, compile and
 * be active, and its `To` must render to an address, or sendmail refuses.
 */
export interface MailModuleDeps {
  mailbox: Mailbox
  now: () => number
}

interface StoredTemplate {
  Name: string
  Templates: {
    email: { To: string; CC?: string | null; BCC?: string | null; Subject: string; Message: string; IsActive: boolean }
  }
  [field: string]: unknown
}

const TEMPLATES = '/api/template-render/pvt/templates'
const SENDMAIL = '/api/mail-service/pvt/sendmail'
const SHARED_HOST = 'portal.vtexcommercestable.com.br'
const ACCOUNT_HOST = /^[a-z0-9-]+\.vtexcommercestable\.com\.br$/

export function createMailModule(deps: MailModuleDeps): EmuModule & { templates(account: string): StoredTemplate[] } {
  const templates = new Map<string, Map<string, StoredTemplate>>()
  const of = (account: string): Map<string, StoredTemplate> => {
    let map = templates.get(account)
    if (!map) templates.set(account, (map = new Map()))
    return map
  }
  return {
    name: 'mail',
    templates: (account) => [...of(account).values()],
    handle(req) {
      if (req.host !== SHARED_HOST && !ACCOUNT_HOST.test(req.host)) return undefined
      if (!req.path.startsWith(TEMPLATES) && req.path !== SENDMAIL) return undefined
      const account = accountOf(req)
      if (!account) return error(400, `Missing account: call ${SHARED_HOST} with ?an={accountName}`)
      if (!header(req, 'vtexidclientautcookie')) return error(401, 'Unauthorized')
      if (req.path === SENDMAIL)
        return req.method === 'POST' ? sendmail(deps, of(account), account, req) : error(405, 'Method not allowed')
      const name = decodeURIComponent(req.path.slice(TEMPLATES.length + 1))
      if (req.method === 'GET' && name) {
        const found = of(account).get(name)
        return found ? json(200, found) : error(404, `Template ${name} not found`)
      }
      if (req.method === 'POST' && !name) return saveTemplate(of(account), req.body)
      return error(405, 'Method not allowed')
    },
  }
}

function saveTemplate(store: Map<string, StoredTemplate>, body: unknown): EmuResponse {
  const template = body as Partial<StoredTemplate> | null
  const email = template?.Templates?.email
  if (!template || typeof template.Name !== 'string' || !/^[\w.-]+$/.test(template.Name)) {
    return error(400, 'Name is required (letters, digits, "-", "_", ".")')
  }
  if (
    !email ||
    typeof email.To !== 'string' ||
    typeof email.Subject !== 'string' ||
    typeof email.Message !== 'string'
  ) {
    return error(400, 'Templates.email needs To, Subject and Message')
  }
  try {
    for (const part of [email.To, email.Subject, email.Message, email.CC ?? '', email.BCC ?? '']) compile(part)
  } catch (failure) {
    if (failure instanceof TemplateError) return error(400, `Template does not compile: ${failure.message}`)
    throw failure
  }
  store.set(template.Name, template as StoredTemplate)
  return json(200, template)
}

function sendmail(
  deps: MailModuleDeps,
  store: Map<string, StoredTemplate>,
  account: string,
  req: EmuRequest
): EmuResponse {
  const body = (req.body ?? {}) as Record<string, unknown>
  // return-app sends camelCase, availability-notify PascalCase: both reach the same service.
  const name = body.templateName ?? body.TemplateName
  const data = body.jsonData ?? body.JsonData
  if (typeof name !== 'string' || !name) return error(400, 'templateName is required')
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return error(400, 'jsonData must be an object')
  const template = store.get(name)
  if (!template) return error(404, `Template ${name} not found`)
  const email = template.Templates.email
  if (!email.IsActive) return error(400, `Template ${name} has its email channel disabled`)
  const to = compile(email.To)(data).trim()
  if (!/^[^@\s]+@[^@\s]+$/.test(to)) return error(400, `Template ${name}: "To" rendered to no valid address`)
  const orderId = (data as { data?: { orderId?: unknown } }).data?.orderId
  deps.mailbox.add(
    {
      account,
      sender: 'app',
      templateName: name,
      to,
      subject: compile(email.Subject)(data),
      html: compile(email.Message)(data),
      orderId: typeof orderId === 'string' ? orderId : null,
      jsonData: data,
    },
    deps.now()
  )
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify('Email sent'),
  }
}

const error = (status: number, message: string): EmuResponse => json(status, { error: { message } })
