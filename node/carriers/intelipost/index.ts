import { defineCarrier } from '../shared/module'
import { IntelipostClient } from './client'
import type { IntelipostAnswer } from './contract'
import { parseIntelipostTracking } from './parse'
import { intelipostPush } from './push'
import { INTELIPOST_SETTINGS, intelipostCredentials } from './settings'
import { isIntelipostTrackingNumber } from './trackingNumber'

export type * from './contract'
export { historyEvent, intelipostErrorMessage, parseIntelipostTracking, INTELIPOST_ZONE } from './parse'
export {
  INTELIPOST_SECRET_HEADER,
  INTELIPOST_SECRET_QUERY,
  intelipostPush,
  parseIntelipostPush,
  verifyIntelipostPush,
} from './push'
export { buildTrackRequest, INTELIPOST_HOST, INTELIPOST_TRACKING_PATH } from './request'
export type { IntelipostCredentials } from './request'
export { mapIntelipostState } from './statusMap'

/**
 * Intelipost (Brazilian TMS hub): one shipment order per GET, looked up by the invoice's tracking
 * code. Intelipost publishes no rate limit; 4 requests a second per worker is a polite pace, and a
 * 429 is honoured with its Retry-After. Parcels reach this module through the courier names the
 * merchant routes here (settings `couriers`), never by number format. No registration is needed:
 * the merchant's own integration creates the shipment orders; and no "stop" call exists.
 */
export const intelipost = defineCarrier<IntelipostClient, IntelipostAnswer[]>({
  code: 'intelipost',
  displayName: 'Intelipost',
  courierNameWords: ['intelipost'],
  limits: { batchSize: 1, concurrency: 4, requestsPerSecond: 4 },
  settings: INTELIPOST_SETTINGS,
  client: { implementation: IntelipostClient, options: { retries: 0, timeout: 10000 } },
  matchesTrackingNumber: isIntelipostTrackingNumber,
  // Intelipost's customer page (status.ondeestameupedido.com/tracking/<client id>/<order>) needs
  // ids the invoice does not carry. Melhor Rastreio is a public multi-carrier page by code; the
  // invoice's own trackingUrl, when the merchant sends one, is kept instead.
  trackingUrl: (trackingNumber) =>
    `https://www.melhorrastreio.com.br/rastreio/${encodeURIComponent(trackingNumber.trim())}`,
  fetch: (client, settings, numbers) => client.fetchTracking(intelipostCredentials(settings), numbers),
  parse: parseIntelipostTracking,
  // An Intelipost webhook is one state change, not the history: it triggers a check.
  push: { ...intelipostPush, partial: true, secretInUrl: true },
})
