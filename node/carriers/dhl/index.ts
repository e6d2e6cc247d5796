import { defineCarrier } from '../shared/module'
import { DhlClient } from './client'
import type { DhlTrackResponse } from './contract'
import { parseDhlTracking } from './parse'
import { DHL_MAX_BATCH, normalizeDhlNumber } from './request'
import { DHL_SETTINGS, dhlCredentials } from './settings'
import { isDhlTrackingNumber } from './trackingNumber'

export type * from './contract'
export { DHL_SERVICES, DHL_STATUS_CODES } from './contract'
export { dhlProblemMessage, parseDhlTracking, validateTrackResponse } from './parse'
export { buildTrackRequest, DHL_HOST, DHL_MAX_BATCH, isDhlService } from './request'
export type { DhlCredentials } from './request'
export { isDhlTrackingNumber } from './trackingNumber'

/**
 * DHL Shipment Tracking - Unified: one number per GET, the DHL-API-Key header. DHL sets a quota per
 * app (the default is small, e.g. 250 calls a day, and about one call a second), so the pace is slow.
 */
export const dhl = defineCarrier<DhlClient, DhlTrackResponse>({
  code: 'dhl',
  displayName: 'DHL',
  courierNameWords: ['dhl'],
  limits: { batchSize: DHL_MAX_BATCH, concurrency: 1, requestsPerSecond: 1 },
  settings: DHL_SETTINGS,
  client: { implementation: DhlClient, options: { retries: 0, timeout: 10000 } },
  matchesTrackingNumber: isDhlTrackingNumber,
  trackingUrl: (trackingNumber) =>
    `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${encodeURIComponent(normalizeDhlNumber(trackingNumber))}&submit=1`,
  fetch: (client, settings, numbers) => client.fetchTracking(dhlCredentials(settings), numbers),
  parse: parseDhlTracking,
})
