/**
 * The HTTP face of the Master Data v2 emulator: `/api/dataentities/{entity}/(documents|search|scroll|schemas)`
 * on api.vtex.com (the @vtex/api MasterData client, `?an=`), portal.vtexcommercestable.com.br (`?an=`)
 * and {account}.vtexcommercestable.com.br. Status codes, bodies and headers follow the v2 OpenAPI.
 */
import type { EmuModule, EmuRequest, EmuResponse } from '../../http'
import { accountOf, header, json, noContent } from '../../http'
import { MasterDataError } from './errors'
import { parseFields, parseRange } from './query'
import { isObject } from './schema'
import type { Doc, EntityScope, MasterDataStore } from './store'
import { WhereSyntaxError } from './where'

const ROUTE = /^\/api\/dataentities\/([A-Za-z0-9_-]+)\/(documents|search|scroll|schemas)(?:\/([^/]+))?\/?$/
const SHARED_HOSTS = new Set(['api.vtex.com', 'portal.vtexcommercestable.com.br'])
const ACCOUNT_HOST = /^[a-z0-9-]+\.vtexcommercestable\.com\.br$/

const SCHEMA_SAVED = 'JSON Schema persisted successfully. Revalidation and indexing process running in background.'

export function createMasterDataModule(store: MasterDataStore): EmuModule {
  return { name: 'masterdata', handle: (req) => handle(store, req) }
}

function handle(store: MasterDataStore, req: EmuRequest): EmuResponse | undefined {
  if (!SHARED_HOSTS.has(req.host) && !ACCOUNT_HOST.test(req.host)) return undefined
  const match = ROUTE.exec(req.path)
  if (!match) return undefined
  const [, entity, resource, id] = match
  try {
    if (!authenticated(req))
      return message(401, 'Unauthorized: send VtexIdclientAutCookie or X-VTEX-API-AppKey/AppToken')
    // On shared hosts the account comes only from ?an= (accountOf would read "portal" off the host name).
    const account = SHARED_HOSTS.has(req.host) ? req.query.get('an') : accountOf(req)
    if (!account) return message(400, 'Missing account: use ?an={account} or {account}.vtexcommercestable.com.br')
    const scope: EntityScope = { account, entity, schema: req.query.get('_schema') || undefined }
    if (resource === 'documents')
      return id === undefined ? documents(store, req, scope) : document(store, req, scope, id)
    if (resource === 'search') return req.method === 'GET' ? search(store, req, scope) : notAllowed(req)
    if (resource === 'scroll') return req.method === 'GET' ? scroll(store, req, scope) : notAllowed(req)
    return schemas(store, req, scope, id)
  } catch (error) {
    if (error instanceof MasterDataError) return message(error.status, error.message)
    if (error instanceof WhereSyntaxError) return message(400, error.message)
    throw error
  }
}

/** POST (201), PATCH (200, upsert by body id) and PUT (200, @vtex/api createOrUpdateEntireDocument). */
function documents(store: MasterDataStore, req: EmuRequest, scope: EntityScope): EmuResponse {
  const body = bodyOf(req)
  if (req.method === 'POST') return json(201, created(scope, store.create(scope, body).id))
  if (req.method === 'PATCH') return json(200, created(scope, store.upsertPartial(scope, body).id))
  if (req.method === 'PUT') return json(200, created(scope, store.upsertEntire(scope, body).id))
  return notAllowed(req)
}

function document(store: MasterDataStore, req: EmuRequest, scope: EntityScope, id: string): EmuResponse {
  if (req.method === 'GET') {
    const doc = store.get(scope, id, parseFields(req.query.get('_fields')))
    return doc ? json(200, doc) : notFound(id)
  }
  if (req.method === 'DELETE') return store.delete(scope, id) ? noContent() : notFound(id)
  if (req.method !== 'PUT' && req.method !== 'PATCH') return notAllowed(req)
  if (req.query.get('_where')) return message(400, 'The emulator does not support _where on document updates')
  if (req.method === 'PUT') {
    store.replace(scope, id, bodyOf(req))
    return noContent()
  }
  return store.patch(scope, id, bodyOf(req)) ? noContent() : notFound(id)
}

function search(store: MasterDataStore, req: EmuRequest, scope: EntityScope): EmuResponse {
  const { from, to } = parseRange(header(req, 'rest-range'))
  const { docs, total } = store.search({ ...scope, ...queryOf(req), from, to })
  // The spec's text shows `resources 0-100/136108`; @vtex/api reads the total after '/'.
  return json(200, docs, { 'REST-Content-Range': `resources ${from}-${from + docs.length}/${total}` })
}

function scroll(store: MasterDataStore, req: EmuRequest, scope: EntityScope): EmuResponse {
  const rawSize = req.query.get('_size')
  const size = rawSize ? Number(rawSize) : undefined
  const token = req.query.get('_token') || undefined
  const page = store.scroll({ ...scope, ...queryOf(req), size, token })
  return json(200, page.docs, { 'X-VTEX-MD-TOKEN': page.token, 'REST-Content-Total': String(page.total) })
}

function schemas(store: MasterDataStore, req: EmuRequest, scope: EntityScope, name: string | undefined): EmuResponse {
  if (name === undefined) {
    if (req.method !== 'GET') return notAllowed(req)
    const list = store.listSchemas(scope)
    // Spec: "In case there is only one existing schema, it will be an object instead" (the bare schema).
    return json(200, list.length === 1 ? list[0].schema : list)
  }
  if (req.method === 'GET') {
    const body = store.getSchema(scope, name)
    return body ? json(200, body) : message(404, `Schema '${name}' not found`)
  }
  if (req.method === 'PUT') {
    store.saveSchema(scope, name, req.body)
    return message(200, SCHEMA_SAVED)
  }
  if (req.method === 'DELETE')
    return store.deleteSchema(scope, name) ? noContent() : message(404, `Schema '${name}' not found`)
  return notAllowed(req)
}

/** `_where`, `_fields`, `_sort` and simple `field=value` filters from the query string. */
function queryOf(req: EmuRequest): {
  where?: string
  fields?: string[]
  sort?: string
  filters: Record<string, string>
} {
  const filters: Record<string, string> = {}
  for (const [key, value] of req.query) {
    if (key === 'keyword') throw new MasterDataError(400, 'The emulator does not support the keyword parameter')
    if (key !== 'an' && !key.startsWith('_')) filters[key] = value
  }
  return {
    where: req.query.get('_where') ?? undefined,
    fields: parseFields(req.query.get('_fields')),
    sort: req.query.get('_sort') ?? undefined,
    filters,
  }
}

function authenticated(req: EmuRequest): boolean {
  if (header(req, 'vtexidclientautcookie')) return true
  if (header(req, 'x-vtex-api-appkey') && header(req, 'x-vtex-api-apptoken')) return true
  return /(^|;\s*)VtexIdclientAutCookie=[^;]+/i.test(header(req, 'cookie') ?? '')
}

function bodyOf(req: EmuRequest): Doc {
  if (!isObject(req.body)) throw new MasterDataError(400, 'Invalid information in JSON: expected a JSON object')
  return req.body
}

/** `{Id: "Entity-uuid", Href, DocumentId}` as in the spec's CreateDocumentResponse example. */
function created(scope: EntityScope, id: string): { Id: string; Href: string; DocumentId: string } {
  const href = `http://${scope.account}.vtexcommercestable.com.br/api/dataentities/${scope.entity}/documents/${id}`
  return { Id: `${scope.entity}-${id}`, Href: href, DocumentId: id }
}

const message = (status: number, text: string): EmuResponse => json(status, { Message: text })
const notFound = (id: string): EmuResponse => message(404, `Document '${id}' not found`)
const notAllowed = (req: EmuRequest): EmuResponse => message(405, `Method ${req.method} not allowed on ${req.path}`)
