import type { TrackingResult } from '../../tracking/carrierResult'
import { defineCarrier } from '../shared/module'
import { CorreiosClient } from './client'
import { normaliseCode, parseRastroResponse } from './parse'
import type { CorreiosRastroResponse } from './parse'
import { CORREIOS_MAX_BATCH } from './request'
import { correiosCredentials, CORREIOS_SETTINGS } from './settings'
import { isCorreiosTrackingNumber } from './trackingNumber'

export type { CorreiosErrorBody, CorreiosEvento, CorreiosObjeto, CorreiosRastroResponse } from './parse'
export { CORREIOS_MAX_BATCH } from './request'
export { isCorreiosTrackingNumber, s10CheckDigit } from './trackingNumber'

const TRACKING_PAGE = 'https://rastreamento.correios.com.br/app/index.php'

/**
 * The one documented function that turns a raw API Rastro response into TrackingResults.
 *
 * - `raw` is the parsed JSON body of `GET /srorastro/v1/objetos` (single or batch form).
 * - Returns one result per entry of `requested`, in that order (codes are compared ignoring
 *   spaces and case). A code the response does not mention is `found: false` + NOT_FOUND.
 * - `SRO-020` objects are `found: false`, status PENDING, message NOT_FOUND. Known objects with no
 *   events are INFO_RECEIVED + NO_EVENTS. Unmapped codes become UNKNOWN + UNMAPPED_CODE.
 * - Event times are Brasília local time in the feed; `occurredAt` gets America/Sao_Paulo's offset and
 *   `occurredAtLocal` keeps the raw text. Events are ascending, with EST corrections applied.
 * - Throws CarrierResponseError when `raw` is not the documented shape (including a `{msgs}` body).
 */
export function parseCorreiosTracking(raw: unknown, requested: readonly string[]): TrackingResult[] {
  return parseRastroResponse(raw, requested)
}

/** Correios API Rastro: batches of 50, a 24 h token per contract, no published rate limit. */
export const correios = defineCarrier<CorreiosClient, CorreiosRastroResponse>({
  code: 'correios',
  displayName: 'Correios',
  courierNameWords: ['correios', 'sedex', 'pac'],
  limits: { batchSize: CORREIOS_MAX_BATCH, concurrency: 2, requestsPerSecond: 2 },
  settings: CORREIOS_SETTINGS,
  client: { implementation: CorreiosClient, options: { retries: 0, timeout: 10000 } },
  matchesTrackingNumber: isCorreiosTrackingNumber,
  trackingUrl: (trackingNumber) => `${TRACKING_PAGE}?objeto=${encodeURIComponent(normaliseCode(trackingNumber))}`,
  fetch: (client, settings, numbers) => client.fetchTracking(correiosCredentials(settings), numbers),
  parse: parseCorreiosTracking,
})
