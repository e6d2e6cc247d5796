import { defineCarrier } from '../shared/module'
import { UspsClient } from './client'
import type { UspsTrackResponse } from './contract'
import { parseUspsTracking } from './parse'
import { normalizeUspsNumber, USPS_MAX_BATCH } from './request'
import { USPS_SETTINGS, uspsCredentials } from './settings'
import { isUspsTrackingNumber } from './trackingNumber'

export type * from './contract'
export { parseUspsTracking, uspsErrorMessage, validateTrackResponse } from './parse'
export { buildTokenRequest, buildTrackRequest, USPS_HOSTS, USPS_MAX_BATCH } from './request'
export type { UspsCredentials } from './request'
export { isUspsTrackingNumber } from './trackingNumber'

/**
 * USPS Tracking v3: one number per GET, OAuth client credentials (eight-hour tokens). USPS grants
 * new API apps a small hourly quota by default, so requests are paced gently.
 */
export const usps = defineCarrier<UspsClient, UspsTrackResponse>({
  code: 'usps',
  displayName: 'USPS',
  courierNameWords: ['usps'],
  limits: { batchSize: USPS_MAX_BATCH, concurrency: 2, requestsPerSecond: 2 },
  settings: USPS_SETTINGS,
  client: { implementation: UspsClient, options: { retries: 0, timeout: 10000 } },
  matchesTrackingNumber: isUspsTrackingNumber,
  trackingUrl: (trackingNumber) =>
    `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(normalizeUspsNumber(trackingNumber))}`,
  fetch: (client, settings, numbers) => client.fetchTracking(uspsCredentials(settings), numbers),
  parse: parseUspsTracking,
})
