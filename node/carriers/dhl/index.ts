import { digitsOf, mod7Check } from '../checkDigits'
import type { CarrierAdapter } from '../types'
import type { DhlTrackResponse } from './contract'
import { parseDhlTracking } from './parse'
import { DHL_MAX_BATCH, normalizeDhlNumber } from './request'

export type * from './contract'
export { DHL_SERVICES, DHL_STATUS_CODES } from './contract'
export { dhlProblemMessage, parseDhlTracking, validateTrackResponse } from './parse'
export { buildTrackRequest, DHL_HOST, DHL_MAX_BATCH, isDhlService } from './request'
export type { DhlCredentials } from './request'

/**
 * DHL formats from tracking-number-data (couriers/dhl.json, MIT): Express waybills of 10-11 digits
 * (mod 7 check digit) and Express piece ids "J" + two or three letters + digits ("JJD..."). A hint
 * only: the courier mapping wins.
 */
export function isDhlTrackingNumber(trackingNumber: string): boolean {
  const number = normalizeDhlNumber(trackingNumber)
  if (/^J[A-Z]{2,3}\d{9,10}$/.test(number)) return true
  const d = digitsOf(number)
  if (!/^\d{10,11}$/.test(d)) return false
  return mod7Check(d.slice(0, -1)) === Number(d.slice(-1))
}

export const dhlAdapter: CarrierAdapter<DhlTrackResponse> = {
  code: 'dhl',
  displayName: 'DHL',
  maxBatchSize: DHL_MAX_BATCH,
  matchesTrackingNumber: isDhlTrackingNumber,
  trackingUrl: (trackingNumber) =>
    `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${encodeURIComponent(normalizeDhlNumber(trackingNumber))}&submit=1`,
  parseTrackingResponse: parseDhlTracking,
}
