import { InvalidInputError, SettingsError } from '../../errors'
import type { DhlService } from './contract'
import { DHL_SERVICES } from './contract'

/**
 * Pure request builder for DHL Shipment Tracking - Unified. One number per call (the API takes a
 * single trackingNumber and may answer with several shipments from different divisions); the
 * key goes in the DHL-API-Key header, never in the URL.
 */

export interface DhlCredentials {
  apiKey: string
  /** The division to ask; without it DHL searches them all and may answer with several. */
  service?: DhlService
}

export const DHL_MAX_BATCH = 1
export const DHL_HOST = 'api-eu.dhl.com'
export const DHL_TRACK_PATH = '/track/shipments'

export const normalizeDhlNumber = (trackingNumber: string): string => trackingNumber.replace(/\s+/g, '').toUpperCase()

export const isDhlService = (value: unknown): value is DhlService =>
  typeof value === 'string' && (DHL_SERVICES as readonly string[]).includes(value)

export interface DhlTrackRequest {
  path: typeof DHL_TRACK_PATH
  query: { trackingNumber: string; language: 'en'; service?: DhlService }
  headers: { 'DHL-API-Key': string; Accept: 'application/json' }
}

export function buildTrackRequest(credentials: DhlCredentials, trackingNumber: string): DhlTrackRequest {
  const apiKey = credentials.apiKey.trim()
  if (!apiKey) throw new SettingsError('DHL needs an API key')
  const number = normalizeDhlNumber(trackingNumber)
  if (!/^[A-Z0-9-]{5,40}$/.test(number)) throw new InvalidInputError(`not a DHL tracking number: "${trackingNumber}"`)
  if (credentials.service !== undefined && !isDhlService(credentials.service)) {
    throw new SettingsError(`unknown DHL service "${String(credentials.service)}"`)
  }
  return {
    path: DHL_TRACK_PATH,
    query: { trackingNumber: number, language: 'en', ...(credentials.service ? { service: credentials.service } : {}) },
    headers: { 'DHL-API-Key': apiKey, Accept: 'application/json' },
  }
}
