import type { TrackingEvent } from './carrierResult'
import type { TrackingUpdate } from '../typings/orders'

/** The spec caps an event description at 5000 characters. */
const MAX_DESCRIPTION = 5000

/**
 * The body of PUT .../invoice/{invoiceNumber}/tracking: always the full event list (VTEX replaces
 * it), and `deliveredDate` always present (the spec requires the key; null until delivered).
 * Event dates are ISO instants with the carrier's offset so same-day events keep their order.
 */
export function trackingUpdateFor(events: readonly TrackingEvent[], deliveredAt: string | null): TrackingUpdate {
  return {
    isDelivered: deliveredAt !== null,
    deliveredDate: deliveredAt === null ? null : toVtexDeliveredDate(deliveredAt),
    events: events.map((event) => ({
      city: event.location?.city ?? event.location?.country ?? '',
      state: event.location?.state ?? '',
      description: event.description.slice(0, MAX_DESCRIPTION),
      date: event.occurredAt,
    })),
  }
}

/**
 * "yyyy-mm-dd hh:mm" (the spec's format), in the wall-clock time of the offset the carrier gave,
 * i.e. the time the customer saw on the doorstep, not the server's zone.
 */
export function toVtexDeliveredDate(isoWithOffset: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(isoWithOffset)
  if (match && /([+-]\d{2}:\d{2}|Z)$/.test(isoWithOffset)) return `${match[1]} ${match[2]}`
  const date = new Date(isoWithOffset)
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${isoWithOffset}`)
  return date.toISOString().slice(0, 16).replace('T', ' ')
}
