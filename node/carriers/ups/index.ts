import { defineCarrier } from '../shared/module'
import { UpsClient } from './client'
import { parseUpsTracking } from './parse'
import type { UpsTrackResponse } from './parse'
import { normalizeInquiryNumber } from './request'
import { UPS_SETTINGS, upsCredentials } from './settings'
import { isUpsTrackingNumber } from './trackingNumber'

export { parseUpsTracking, upsErrorMessage } from './parse'
export type { UpsErrorResponse, UpsTrackApiResponse, UpsTrackResponse } from './parse'
export { buildTokenRequest, buildTrackRequest } from './request'
export type { UpsCredentials } from './request'
export { isUpsTrackingNumber } from './trackingNumber'

/** UPS Track API v1: one inquiry number per call, OAuth client credentials (tokens live about 4 h). */
export const ups = defineCarrier<UpsClient, UpsTrackResponse>({
  code: 'ups',
  displayName: 'UPS',
  courierNameWords: ['ups'],
  limits: { batchSize: 1, concurrency: 16, requestsPerSecond: 20 },
  settings: UPS_SETTINGS,
  client: { implementation: UpsClient, options: { retries: 0, timeout: 10000 } },
  matchesTrackingNumber: isUpsTrackingNumber,
  trackingUrl: (trackingNumber) =>
    `https://www.ups.com/track?loc=en_US&tracknum=${encodeURIComponent(normalizeInquiryNumber(trackingNumber))}`,
  fetch: (client, settings, numbers) => client.fetchTracking(upsCredentials(settings), numbers),
  parse: parseUpsTracking,
})
