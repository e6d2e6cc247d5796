import { isValidS10 } from '../correios'
import { digitsOf, mod10Check } from '../checkDigits'
import type { CarrierAdapter } from '../types'
import type { UspsTrackResponse } from './contract'
import { parseUspsTracking } from './parse'
import { normalizeUspsNumber, USPS_MAX_BATCH } from './request'

export type * from './contract'
export { parseUspsTracking, uspsErrorMessage, validateTrackResponse } from './parse'
export { buildTokenRequest, buildTrackRequest, USPS_HOSTS, USPS_MAX_BATCH } from './request'
export type { UspsCredentials } from './request'

/**
 * USPS formats from tracking-number-data (couriers/usps.json, MIT): IMpb 22 digits starting 92-95
 * (mod 10 over the 21 digits read right to left, x3 then x1), optionally behind a "420" + ZIP
 * routing prefix, and UPU S10 numbers ending in "US". A hint only: the courier mapping wins.
 */
export function isUspsTrackingNumber(trackingNumber: string): boolean {
  if (isValidS10(trackingNumber)) return normalizeUspsNumber(trackingNumber).endsWith('US')
  let d = digitsOf(trackingNumber)
  if (!/^\d+$/.test(d)) return false
  if (d.startsWith('420') && (d.length === 30 || d.length === 34)) d = d.slice(d.length - 22)
  if (d.length !== 22 || !/^9[2-5]/.test(d)) return false
  return mod10Check(d.slice(0, 21), { even: 3, odd: 1 }, true) === Number(d[21])
}

export const uspsAdapter: CarrierAdapter<UspsTrackResponse> = {
  code: 'usps',
  displayName: 'USPS',
  maxBatchSize: USPS_MAX_BATCH,
  matchesTrackingNumber: isUspsTrackingNumber,
  trackingUrl: (trackingNumber) =>
    `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(normalizeUspsNumber(trackingNumber))}`,
  parseTrackingResponse: parseUspsTracking,
}
