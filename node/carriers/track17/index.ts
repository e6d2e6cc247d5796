import { defineCarrier } from '../shared/module'
import { Track17Client } from './client'
import type { Track17Envelope } from './contract'
import { parseTrack17Tracking } from './parse'
import { track17Push } from './push'
import { carrierKeyFor, normalizeTrack17Number, TRACK17_MAX_BATCH } from './request'
import { TRACK17_SETTINGS, track17Credentials } from './settings'
import { matchesNoNumber } from './trackingNumber'

export type * from './contract'
export { parseTrack17Tracking, track17ErrorMessage, validateEnvelope } from './parse'
export { TRACK17_SIGNATURE_HEADER, track17Push } from './push'
export { carrierKeyFor, TRACK17_HOST, TRACK17_MAX_BATCH } from './request'

/**
 * 17TRACK, an aggregator: numbers are registered (40 per call, with the carrier key from the
 * invoice's courier name, else auto-detection), read 40 at a time with gettrackinfo, pushed to the
 * webhook route, and stopped with stoptrack when they end. 17TRACK allows 3 requests a second.
 */
export const track17 = defineCarrier<Track17Client, Track17Envelope>({
  code: 'track17',
  displayName: '17TRACK',
  courierNameWords: ['17track'],
  limits: { batchSize: TRACK17_MAX_BATCH, concurrency: 1, requestsPerSecond: 2 },
  settings: TRACK17_SETTINGS,
  client: { implementation: Track17Client, options: { retries: 0, timeout: 10000 } },
  matchesTrackingNumber: matchesNoNumber,
  trackingUrl: (trackingNumber) =>
    `https://t.17track.net/en#nums=${encodeURIComponent(normalizeTrack17Number(trackingNumber))}`,
  fetch: (client, settings, numbers) => client.getTrackInfo(track17Credentials(settings), numbers),
  parse: parseTrack17Tracking,
  push: track17Push,
  register: (client, settings, numbers, courierNames) => {
    const credentials = track17Credentials(settings)
    return client.register(
      credentials,
      numbers.map((number, index) => {
        const carrier = carrierKeyFor(credentials, number, courierNames?.[index])
        return carrier === undefined ? { number } : { number, carrier }
      })
    )
  },
  stop: (client, settings, numbers) => client.stop(track17Credentials(settings), numbers),
})
