import { createHash } from 'crypto'

import type { TrackingEvent } from './carrierResult'
import type { TrackingStatus } from './status'

/**
 * Fingerprint of what the customer would see: the status and the event list. Equal hashes mean
 * nothing to write, which keeps repeated sweeps from re-sending identical tracking to the order.
 */
export function eventsHash(status: TrackingStatus, events: readonly TrackingEvent[]): string {
  const material = JSON.stringify([
    status,
    events.map((e) => [e.occurredAt, e.carrierCode, e.description, e.location?.city ?? '', e.location?.state ?? '']),
  ])
  return createHash('sha256').update(material).digest('hex').slice(0, 32)
}
