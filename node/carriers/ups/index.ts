import type { CarrierAdapter } from '../types'
import type { UpsTrackResponse } from './parse'
import { parseUpsTracking } from './parse'
import { normalizeInquiryNumber } from './request'

export { parseUpsTracking, upsErrorMessage } from './parse'
export type { UpsErrorResponse, UpsTrackApiResponse, UpsTrackResponse } from './parse'
export { buildTokenRequest, buildTrackRequest } from './request'
export type { UpsCredentials } from './request'

/**
 * "1Z" + 6-character shipper number + 2-character service + 7-character package id + check digit
 * (tracking-number-data couriers/ups.json). Only the 1Z form is detected: the 11-character waybill
 * form (K1506235620) collides with other carriers' numbers, and detection is only a hint anyway.
 */
export function isUpsTrackingNumber(trackingNumber: string): boolean {
  const m = /^1Z([A-Z0-9]{15})(\d)$/.exec(normalizeInquiryNumber(trackingNumber))
  return m !== null && mod10CheckDigit(m[1]) === Number(m[2])
}

/**
 * The "mod10" of tracking-number-data for UPS: letters become (charCode - 3) % 10 (A=2 ... I=0),
 * characters at odd 0-based positions are doubled (no digit sum, unlike Luhn), and the check digit
 * brings the total to a multiple of 10.
 */
function mod10CheckDigit(serial: string): number {
  let total = 0
  for (let i = 0; i < serial.length; i++) {
    const c = serial[i]
    const value = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 3) % 10
    total += i % 2 === 1 ? value * 2 : value
  }
  return (10 - (total % 10)) % 10
}

export const upsAdapter: CarrierAdapter<UpsTrackResponse> = {
  code: 'ups',
  displayName: 'UPS',
  // The Track API takes one inquiry number per call.
  maxBatchSize: 1,
  matchesTrackingNumber: isUpsTrackingNumber,
  trackingUrl: (trackingNumber) =>
    `https://www.ups.com/track?loc=en_US&tracknum=${encodeURIComponent(normalizeInquiryNumber(trackingNumber))}`,
  parseTrackingResponse: parseUpsTracking,
}
