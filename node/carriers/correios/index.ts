import type { CarrierAdapter, TrackingResult } from '../types'
import { normaliseCode, parseRastroResponse } from './parse'
import type { CorreiosRastroResponse } from './parse'
import { CORREIOS_MAX_BATCH } from './request'

export type { CorreiosErrorBody, CorreiosEvento, CorreiosObjeto, CorreiosRastroResponse } from './parse'
export { CORREIOS_MAX_BATCH } from './request'

const TRACKING_PAGE = 'https://rastreamento.correios.com.br/app/index.php'

/** UPU S10: two service letters, 8-digit serial, check digit, two-letter country. */
const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const

/** S10 check digit of an 8-digit serial: mod 11 with weights 8,6,4,2,3,5,9,7 (0 -> 5, 1 -> 0, else 11 − r). */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError('an S10 serial has exactly 8 digits')
  const sum = S10_WEIGHTS.reduce((total, weight, i) => total + weight * Number(serial[i]), 0)
  const remainder = sum % 11
  if (remainder === 0) return 5
  if (remainder === 1) return 0
  return 11 - remainder
}

/** Any country's S10 number with a correct check digit ("RB123456785GB"). Spaces and case are ignored. */
export function isValidS10(trackingNumber: string): boolean {
  const match = S10.exec(normaliseCode(trackingNumber))
  return match !== null && s10CheckDigit(match[2]) === Number(match[3])
}

/** Correios-issued: a valid S10 number ending in BR ("DG049186226BR"). */
export const isCorreiosTrackingNumber = (trackingNumber: string): boolean =>
  isValidS10(trackingNumber) && normaliseCode(trackingNumber).endsWith('BR')

/**
 * The one documented function that turns a raw API Rastro response into TrackingResults.
 *
 * - `raw` is the parsed JSON body of `GET /srorastro/v1/objetos` (single or batch form).
 * - Returns one result per entry of `requested`, in that order (codes are compared ignoring
 *   spaces and case). A code the response does not mention is `found: false` + NOT_FOUND.
 * - `SRO-020` objects are `found: false`, status PENDING, message NOT_FOUND. Known objects with no
 *   events are INFO_RECEIVED + NO_EVENTS. Unmapped codes become UNKNOWN + UNMAPPED_CODE.
 * - Event times are Brasília local time in the feed; `occurredAt` gets the −03:00 offset and
 *   `occurredAtLocal` keeps the raw text. Events are ascending, with EST corrections applied.
 * - Throws CarrierResponseError when `raw` is not the documented shape (including a `{msgs}` body).
 */
export function parseCorreiosTracking(raw: unknown, requested: readonly string[]): TrackingResult[] {
  return parseRastroResponse(raw, requested)
}

export const correiosAdapter: CarrierAdapter<CorreiosRastroResponse> = {
  code: 'correios',
  displayName: 'Correios',
  maxBatchSize: CORREIOS_MAX_BATCH,
  matchesTrackingNumber: isCorreiosTrackingNumber,
  trackingUrl: (trackingNumber) => `${TRACKING_PAGE}?objeto=${encodeURIComponent(normaliseCode(trackingNumber))}`,
  parseTrackingResponse: parseCorreiosTracking,
}
