import { InvalidInputError, SettingsError } from '../../errors'

/**
 * Pure request builders for Intelipost API v1 (shared/contracts/carriers/intelipost/CONTRACT.md).
 * The app reads one shipment order per call, by the tracking code on the invoice:
 * `GET /api/v1/shipment_order/tracking_code/{code}` (used against the live API by third-party
 * clients; Intelipost's own SDKs read `shipment_order/{order_number}`, which the app does not have).
 * Intelipost publishes no batch read and no rate limit.
 */
export const INTELIPOST_HOST = 'api.intelipost.com.br'
export const INTELIPOST_TRACKING_PATH = '/api/v1/shipment_order/tracking_code/'
/** Sent as `platform`, as Intelipost's own modules identify themselves. */
export const INTELIPOST_PLATFORM = 'vtex-order-tracking'

export interface IntelipostCredentials {
  apiKey: string
}

export interface IntelipostTrackRequest {
  path: string
  headers: { 'api-key': string; platform: string; Accept: 'application/json' }
}

/** Codes arrive from invoices with stray spaces. */
export const normalizeIntelipostCode = (code: string): string => code.trim()

export function buildTrackRequest(credentials: IntelipostCredentials, trackingCode: string): IntelipostTrackRequest {
  const apiKey = credentials.apiKey.trim()
  if (!apiKey) throw new SettingsError('Intelipost needs an API key')
  const code = normalizeIntelipostCode(trackingCode)
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{2,59}$/.test(code)) {
    throw new InvalidInputError(`not an Intelipost tracking code: "${trackingCode}"`)
  }
  return {
    path: `${INTELIPOST_TRACKING_PATH}${encodeURIComponent(code)}`,
    // `api-key` (hyphen): what the live API answers to in third-party clients and Intelipost's
    // tracking module; its newer Magento module sends `api_key`. The simulator accepts both.
    headers: { 'api-key': apiKey, platform: INTELIPOST_PLATFORM, Accept: 'application/json' },
  }
}
