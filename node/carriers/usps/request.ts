import { InvalidInputError, SettingsError } from '../../errors'
import type { UspsTokenRequestBody } from './contract'

/**
 * Pure request builders for USPS OAuth 2.0 v3 (JSON client credentials) and Tracking v3
 * (shared/contracts/carriers/usps/tracking.yaml). One number per call: the spec's GET takes one,
 * and the newer v3r2 batch POST is not in any spec we have, so its limit is unknown.
 */

export interface UspsCredentials {
  clientId: string
  clientSecret: string
  environment?: 'production' | 'sandbox'
}

export const USPS_MAX_BATCH = 1
export const USPS_TOKEN_PATH = '/oauth2/v3/token'
export const USPS_TRACK_PATH_PREFIX = '/tracking/v3/tracking/'
/** Production and the Testing Environment for Mailers (TEM). */
export const USPS_HOSTS = { production: 'apis.usps.com', sandbox: 'apis-tem.usps.com' } as const

export const normalizeUspsNumber = (trackingNumber: string): string =>
  trackingNumber.replace(/[\s-]/g, '').toUpperCase()

export interface UspsTrackRequest {
  path: string
  query: { expand: 'DETAIL' }
  headers: { Accept: 'application/json' }
}

export function buildTrackRequest(trackingNumber: string): UspsTrackRequest {
  const number = normalizeUspsNumber(trackingNumber)
  if (!/^[A-Z0-9]{10,40}$/.test(number)) throw new InvalidInputError(`not a USPS tracking number: "${trackingNumber}"`)
  return {
    path: `${USPS_TRACK_PATH_PREFIX}${number}`,
    query: { expand: 'DETAIL' },
    headers: { Accept: 'application/json' },
  }
}

export interface UspsTokenRequest {
  path: typeof USPS_TOKEN_PATH
  headers: { 'Content-Type': 'application/json' }
  body: UspsTokenRequestBody
}

export function buildTokenRequest(credentials: UspsCredentials): UspsTokenRequest {
  const clientId = credentials.clientId.trim()
  const clientSecret = credentials.clientSecret.trim()
  if (!clientId || !clientSecret) throw new SettingsError('USPS needs both a consumer key and a consumer secret')
  return {
    path: USPS_TOKEN_PATH,
    headers: { 'Content-Type': 'application/json' },
    body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'tracking' },
  }
}
