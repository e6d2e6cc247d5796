import { InvalidInputError, SettingsError } from '../../errors'
import type { FedexTrackRequestBody } from './contract'

/**
 * Pure request builders for FedEx OAuth (client credentials, form body) and Track by Tracking
 * Number (shared/contracts/carriers/fedex/track.json). No I/O: the client sends what these return.
 */

export interface FedexCredentials {
  clientId: string
  clientSecret: string
  environment?: 'production' | 'sandbox'
}

/** Full_Schema_Tracking_Numbers.trackingInfo: "Maximum limit is 30." */
export const FEDEX_MAX_BATCH = 30
export const FEDEX_TOKEN_PATH = '/oauth/token'
export const FEDEX_TRACK_PATH = '/track/v1/trackingnumbers'
/** Plain http: the IO egress proxy upgrades to TLS when it sees X-Vtex-Use-Https. */
export const FEDEX_HOSTS = { production: 'apis.fedex.com', sandbox: 'apis-sandbox.fedex.com' } as const

/** Tracking numbers arrive from invoices with spaces and dashes ("7946 1234 5678"). */
export const normalizeFedexNumber = (trackingNumber: string): string =>
  trackingNumber.replace(/[\s-]/g, '').toUpperCase()

export interface FedexTrackRequest {
  path: typeof FEDEX_TRACK_PATH
  headers: { 'Content-Type': 'application/json'; 'X-locale': 'en_US' }
  body: FedexTrackRequestBody
}

/** One POST for 1-30 numbers, with every scan (includeDetailedScans), in request order. */
export function buildTrackRequest(trackingNumbers: readonly string[]): FedexTrackRequest {
  if (trackingNumbers.length === 0 || trackingNumbers.length > FEDEX_MAX_BATCH) {
    throw new RangeError(`FedEx tracks 1-${FEDEX_MAX_BATCH} numbers per request, got ${trackingNumbers.length}`)
  }
  const numbers = trackingNumbers.map((raw) => {
    const number = normalizeFedexNumber(raw)
    if (!/^[A-Z0-9]{8,40}$/.test(number)) throw new InvalidInputError(`not a FedEx tracking number: "${raw}"`)
    return number
  })
  return {
    path: FEDEX_TRACK_PATH,
    headers: { 'Content-Type': 'application/json', 'X-locale': 'en_US' },
    body: {
      includeDetailedScans: true,
      trackingInfo: numbers.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
    },
  }
}

export interface FedexTokenRequest {
  path: typeof FEDEX_TOKEN_PATH
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
  body: string
}

/** POST /oauth/token with the credentials in the form body, as FedEx documents it. */
export function buildTokenRequest(credentials: FedexCredentials): FedexTokenRequest {
  const clientId = credentials.clientId.trim()
  const clientSecret = credentials.clientSecret.trim()
  if (!clientId || !clientSecret) throw new SettingsError('FedEx needs both an API key and a secret key')
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  })
  return {
    path: FEDEX_TOKEN_PATH,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  }
}
