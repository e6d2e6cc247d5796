/**
 * The Orders API (OMS) subset of the emulator, as the app reaches it through the forward proxy:
 * `http://portal.vtexcommercestable.com.br/api/oms/pvt/orders...?an={account}` (JanusClient) or
 * `http://{account}.vtexcommercestable.com.br/api/oms/pvt/orders...`.
 */
import type { EmuModule, EmuRequest, EmuResponse } from '../../http'
import { accountOf, header, json } from '../../http'
import { broadcastEvents } from './events'
import type { OrderStore } from './store'
import type { PackageWrite } from '../mail/orderEmails'
import type { InvoiceRequest, OrderStateChange, PatchInvoiceRequest, TrackingRequest } from './types'
import { OmsError } from './types'
import { checkBody, PATHS } from './validation'

export interface OmsModuleDeps {
  store: OrderStore
  /** Receives what `vtex.orders-broadcast` would send; called after the write commits, before the answer. */
  onStateChange: (event: OrderStateChange) => void
  /** Every committed invoice, invoice PATCH and tracking PUT, with the order before and after (VTEX's emails). */
  onPackageWrite?: (write: PackageWrite) => void
}

type Route =
  | { kind: 'list' }
  | { kind: 'get'; orderId: string }
  | { kind: 'invoice'; orderId: string }
  | { kind: 'patch'; orderId: string; invoiceNumber: string }
  | { kind: 'tracking'; orderId: string; invoiceNumber: string }

const PREFIX = '/api/oms/pvt/orders'
const SHARED_HOST = 'portal.vtexcommercestable.com.br'
const ACCOUNT_HOST = /^[a-z0-9-]+\.vtexcommercestable\.com\.br$/

export const vtexError = (status: number, message: string, code = '1'): EmuResponse =>
  json(status, { error: { code, message, exception: null } })

export function createOmsModule(deps: OmsModuleDeps): EmuModule {
  return { name: 'oms', handle: (req) => handle(deps, req) }
}

function handle(deps: OmsModuleDeps, req: EmuRequest): EmuResponse | undefined {
  if (req.host !== SHARED_HOST && !ACCOUNT_HOST.test(req.host)) return undefined
  const route = matchRoute(req.method, req.path)
  if (!route) return undefined
  const account = req.host === SHARED_HOST ? req.query.get('an') : accountOf(req)
  if (!account) return vtexError(400, `Missing account: call ${SHARED_HOST} with ?an={accountName}`)
  if (!isAuthenticated(req)) return vtexError(401, 'Unauthorized access')
  try {
    return answer(deps, account, route, req)
  } catch (error) {
    if (error instanceof OmsError) return vtexError(error.status, error.message, error.code)
    throw error
  }
}

/** Either VtexIdclientAutCookie or the appKey + appToken pair, as the spec's global `security` says. */
function isAuthenticated(req: EmuRequest): boolean {
  if (header(req, 'vtexidclientautcookie')) return true
  return Boolean(header(req, 'x-vtex-api-appkey') && header(req, 'x-vtex-api-apptoken'))
}

function matchRoute(method: string, path: string): Route | undefined {
  if (path === PREFIX || path === `${PREFIX}/`) return method === 'GET' ? { kind: 'list' } : undefined
  if (!path.startsWith(`${PREFIX}/`)) return undefined
  const [orderId, section, ...rest] = path.slice(PREFIX.length + 1).split('/')
  if (!orderId) return undefined
  if (section === undefined) return method === 'GET' ? { kind: 'get', orderId } : undefined
  if (section !== 'invoice') return undefined
  if (rest.length === 0) return method === 'POST' ? { kind: 'invoice', orderId } : undefined
  // req.path arrives decoded, so an invoice number with '/' (even sent as %2F) spans several segments.
  if (method === 'PATCH') return { kind: 'patch', orderId, invoiceNumber: rest.join('/') }
  if (method === 'PUT' && rest.length > 1 && rest[rest.length - 1] === 'tracking') {
    return { kind: 'tracking', orderId, invoiceNumber: rest.slice(0, -1).join('/') }
  }
  return undefined
}

function answer(deps: OmsModuleDeps, account: string, route: Route, req: EmuRequest): EmuResponse {
  const { store } = deps
  switch (route.kind) {
    case 'list':
      return json(200, store.listOrders(account, Object.fromEntries(req.query)))
    case 'get': {
      const order = store.getOrder(account, route.orderId)
      return order ? json(200, order) : vtexError(404, `Order ${route.orderId} not found`)
    }
    case 'invoice': {
      const body = checkBody<InvoiceRequest>(PATHS.invoice, 'post', req.body)
      const before = store.getOrder(account, route.orderId)
      const result = store.invoice(account, route.orderId, body)
      packageWritten(deps, {
        account,
        kind: 'invoice',
        invoiceNumber: body.invoiceNumber ?? '',
        before,
        after: result.order,
      })
      if (result.transition) {
        for (const event of broadcastEvents(account, result.order, result.transition)) notify(deps, event)
      }
      return json(200, result.receipt)
    }
    case 'patch': {
      checkInvoiceNumber(route.invoiceNumber)
      const body = checkBody<PatchInvoiceRequest>(PATHS.patchInvoice, 'patch', req.body)
      const before = store.getOrder(account, route.orderId)
      const receipt = store.patchInvoice(account, route.orderId, route.invoiceNumber, body)
      afterWrite(deps, account, 'patch', route.orderId, route.invoiceNumber, before)
      return json(200, receipt)
    }
    case 'tracking': {
      checkInvoiceNumber(route.invoiceNumber)
      const body = checkBody<TrackingRequest>(PATHS.tracking, 'put', req.body)
      const before = store.getOrder(account, route.orderId)
      const receipt = store.putTracking(account, route.orderId, route.invoiceNumber, body)
      afterWrite(deps, account, 'tracking', route.orderId, route.invoiceNumber, before)
      return json(200, receipt)
    }
  }
}

/**
 * Known issues "Tracking update fails when invoiceNumber contains '/'" (404 even when sent as %2F)
 * and "An error has occurred when adding tracking information" (spaces). The emulator keeps them so
 * the app's handling of such invoices is exercised locally.
 */
function checkInvoiceNumber(invoiceNumber: string): void {
  if (invoiceNumber.includes('/')) {
    throw new OmsError(404, `Invoice Not Found: invoice numbers containing '/' cannot be updated (VTEX known issue)`)
  }
  if (/\s/.test(invoiceNumber)) {
    throw new OmsError(
      400,
      `Invoice number '${invoiceNumber}' contains spaces, which OMS cannot update (VTEX known issue)`
    )
  }
}

/** A failing listener must not turn a committed invoice into a 500 the app would retry. */
function notify(deps: OmsModuleDeps, event: OrderStateChange): void {
  try {
    deps.onStateChange(event)
  } catch (error) {
    console.error(`oms: onStateChange failed for ${event.orderId} (${event.domain})`, error)
  }
}

function afterWrite(
  deps: OmsModuleDeps,
  account: string,
  kind: PackageWrite['kind'],
  orderId: string,
  invoiceNumber: string,
  before: PackageWrite['before']
): void {
  const after = deps.store.getOrder(account, orderId)
  if (after) packageWritten(deps, { account, kind, invoiceNumber, before, after })
}

/** Like notify: the write is committed, a failing listener must not turn it into an error. */
function packageWritten(deps: OmsModuleDeps, write: PackageWrite): void {
  try {
    deps.onPackageWrite?.(write)
  } catch (error) {
    console.error(`oms: onPackageWrite failed for ${write.after.orderId}`, error)
  }
}
