import { defineCarrier } from '../shared/module'
import { AftershipClient } from './client'
import type { AftershipEnvelope } from './contract'
import { parseAftershipTracking } from './parse'
import { aftershipPush } from './push'
import { AFTERSHIP_MAX_BATCH, normalizeAftershipNumber, slugFor } from './request'
import { AFTERSHIP_SETTINGS, aftershipCredentials } from './settings'
import { matchesNoNumber } from './trackingNumber'

export type * from './contract'
export { AFTERSHIP_TAGS } from './contract'
export { aftershipErrorMessage, parseAftershipTracking, validateEnvelope } from './parse'
export { AFTERSHIP_SIGNATURE_HEADER, aftershipPush } from './push'
export { AFTERSHIP_HOST, AFTERSHIP_MAX_BATCH, buildListRequest, slugFor } from './request'

/** Between two creates: about 6 a second, with room for the list calls running beside them. */
const REGISTER_SPACING_MS = 150
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * AfterShip, an aggregator: numbers are registered (POST /trackings, with the courier slug from
 * the invoice's courier name, else AfterShip detects it), read 50 at a time through the list
 * filter, pushed to the webhook route when AfterShip hears news, and marked completed when they
 * end. AfterShip documents 10 requests a second per account; the app stays well under it.
 */
export const aftership = defineCarrier<AftershipClient, AftershipEnvelope>({
  code: 'aftership',
  displayName: 'AfterShip',
  courierNameWords: ['aftership'],
  limits: { batchSize: AFTERSHIP_MAX_BATCH, concurrency: 2, requestsPerSecond: 5 },
  settings: AFTERSHIP_SETTINGS,
  client: { implementation: AftershipClient, options: { retries: 0, timeout: 10000 } },
  matchesTrackingNumber: matchesNoNumber,
  trackingUrl: (trackingNumber) =>
    `https://track.aftership.com/${encodeURIComponent(normalizeAftershipNumber(trackingNumber))}`,
  fetch: (client, settings, numbers) => client.listTrackings(aftershipCredentials(settings), numbers),
  parse: parseAftershipTracking,
  push: aftershipPush,
  register: async (client, settings, numbers, courierNames) => {
    const credentials = aftershipCredentials(settings)
    // One POST per number (AfterShip has no batch create), spaced to stay under its 10 per second.
    for (const [index, number] of numbers.entries()) {
      if (index > 0) await sleep(REGISTER_SPACING_MS)
      await client.createTracking(credentials, number, slugFor(credentials, number, courierNames?.[index]))
    }
  },
  stop: (client, settings, numbers) => client.stopTrackings(aftershipCredentials(settings), numbers),
})
