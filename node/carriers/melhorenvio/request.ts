import { SettingsError } from '../../errors'

/**
 * Pure request builders for Melhor Envio API v2 (shared/contracts/carriers/melhor-envio/CONTRACT.md):
 * `POST /api/v2/me/shipment/tracking` with `{"orders": [<order id>, ...]}` (official plugin), and,
 * for a number that is not an order id (the carrier's code or Melhor Envio's protocol on the
 * invoice), `GET /api/v2/me/orders/search?q=<code>` first to find its order (Melhor Envio's
 * "pesquisar etiqueta"; not in the contract notes: unverified).
 */
export const MELHOR_ENVIO_HOSTS = { production: 'melhorenvio.com.br', sandbox: 'sandbox.melhorenvio.com.br' } as const
export const MELHOR_ENVIO_TRACKING_PATH = '/api/v2/me/shipment/tracking'
export const MELHOR_ENVIO_SEARCH_PATH = '/api/v2/me/orders/search'
/** The size of `orders[]` is not documented; 20 keeps one answer small. */
export const MELHOR_ENVIO_MAX_BATCH = 20

export interface MelhorEnvioCredentials {
  token: string
  /** Melhor Envio requires `User-Agent: <app name> (<contact e-mail>)`. */
  contactEmail: string
  environment?: 'production' | 'sandbox'
}

export interface MelhorEnvioHeaders {
  Authorization: string
  Accept: 'application/json'
  'Content-Type': 'application/json'
  'User-Agent': string
}

const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A Melhor Envio order id (a UUID): tracked as is, without a search. */
export const isMelhorEnvioOrderId = (value: string): boolean => ORDER_ID.test(value.trim())

export function headersOf(credentials: MelhorEnvioCredentials): MelhorEnvioHeaders {
  const token = credentials.token.trim()
  const email = credentials.contactEmail.trim()
  if (!token) throw new SettingsError('Melhor Envio needs an access token')
  if (!/^[^\s@()]+@[^\s@()]+$/.test(email)) throw new SettingsError('Melhor Envio needs a contact e-mail')
  return {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'User-Agent': `Order Tracking for VTEX (${email})`,
  }
}

export function buildTrackingRequest(
  credentials: MelhorEnvioCredentials,
  orderIds: readonly string[]
): { path: string; headers: MelhorEnvioHeaders; body: { orders: string[] } } {
  if (orderIds.length === 0 || orderIds.length > MELHOR_ENVIO_MAX_BATCH) {
    throw new RangeError(`Melhor Envio tracking takes 1-${MELHOR_ENVIO_MAX_BATCH} orders, got ${orderIds.length}`)
  }
  return { path: MELHOR_ENVIO_TRACKING_PATH, headers: headersOf(credentials), body: { orders: [...orderIds] } }
}

export function buildSearchRequest(
  credentials: MelhorEnvioCredentials,
  code: string
): { path: string; headers: MelhorEnvioHeaders; query: { q: string } } {
  return { path: MELHOR_ENVIO_SEARCH_PATH, headers: headersOf(credentials), query: { q: code.trim() } }
}
