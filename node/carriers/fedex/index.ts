import { digitsOf, mod10Check, weightedModCheck } from '../checkDigits'
import type { CarrierAdapter } from '../types'
import type { FedexTrackResponse } from './contract'
import { parseFedexTracking } from './parse'
import { FEDEX_MAX_BATCH, normalizeFedexNumber } from './request'

export type * from './contract'
export { fedexErrorMessage, parseFedexTracking, validateTrackResponse } from './parse'
export { buildTokenRequest, buildTrackRequest, FEDEX_HOSTS, FEDEX_MAX_BATCH } from './request'
export type { FedexCredentials } from './request'

/**
 * FedEx number formats from tracking-number-data (couriers/fedex.json, MIT): Express 12 digits
 * (weights 3,1,7; mod 11 then mod 10), Ground 15 digits (mod 10, odd positions x3) and Ground
 * "96" 22 digits (mod 10 over the 14-digit serial). A hint only: the courier mapping wins.
 */
export function isFedexTrackingNumber(trackingNumber: string): boolean {
  const d = digitsOf(trackingNumber)
  if (!/^\d+$/.test(d)) return false
  const check = Number(d.slice(-1))
  if (d.length === 12) return weightedModCheck(d.slice(0, 11), [3, 1, 7], 11, 10) === check
  if (d.length === 15) return mod10Check(d.slice(0, 14), { even: 1, odd: 3 }) === check
  if (d.length === 22 && d.startsWith('96')) return mod10Check(d.slice(7, 21), { even: 1, odd: 3 }) === check
  return false
}

export const fedexAdapter: CarrierAdapter<FedexTrackResponse> = {
  code: 'fedex',
  displayName: 'FedEx',
  maxBatchSize: FEDEX_MAX_BATCH,
  matchesTrackingNumber: isFedexTrackingNumber,
  trackingUrl: (trackingNumber) =>
    `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(normalizeFedexNumber(trackingNumber))}`,
  parseTrackingResponse: parseFedexTracking,
}
