import { defineCarrier } from '../shared/module'
import { FedexClient } from './client'
import type { FedexTrackResponse } from './contract'
import { parseFedexTracking } from './parse'
import { FEDEX_MAX_BATCH, normalizeFedexNumber } from './request'
import { FEDEX_SETTINGS, fedexCredentials } from './settings'
import { isFedexTrackingNumber } from './trackingNumber'

export type * from './contract'
export { fedexErrorMessage, parseFedexTracking, validateTrackResponse } from './parse'
export { buildTokenRequest, buildTrackRequest, FEDEX_HOSTS, FEDEX_MAX_BATCH } from './request'
export type { FedexCredentials } from './request'
export { fedexExpressCheckDigit, isFedexTrackingNumber } from './trackingNumber'

/**
 * FedEx Track API: up to 30 numbers per request, OAuth client credentials (one-hour tokens). FedEx
 * publishes no rate limit for Basic Integrated Visibility; 5 requests a second is a polite pace.
 */
export const fedex = defineCarrier<FedexClient, FedexTrackResponse>({
  code: 'fedex',
  displayName: 'FedEx',
  courierNameWords: ['fedex'],
  limits: { batchSize: FEDEX_MAX_BATCH, concurrency: 2, requestsPerSecond: 5 },
  settings: FEDEX_SETTINGS,
  client: { implementation: FedexClient, options: { retries: 0, timeout: 10000 } },
  matchesTrackingNumber: isFedexTrackingNumber,
  trackingUrl: (trackingNumber) =>
    `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(normalizeFedexNumber(trackingNumber))}`,
  fetch: (client, settings, numbers) => client.fetchTracking(fedexCredentials(settings), numbers),
  parse: parseFedexTracking,
})
