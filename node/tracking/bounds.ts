import type { CarrierMessage, EventLocation, TrackingEvent, TrackingResult } from './carrierResult'

/**
 * How much of what a carrier says is kept. A carrier answer is untrusted input: a 10,000-event
 * history or a 1 MB description must not become a multi-megabyte registry document, an order
 * tracking PUT of the same size, or a table row nobody can read.
 *
 * Master Data v2 documents are JSON; VTEX's API reference (contracts/vtex) gives no per-document
 * maximum, so the app sets its own: MAX_DOCUMENT_BYTES. The caps below keep a registry document
 * under it even in the worst case (every string at its cap, in 3-byte UTF-8 characters; control
 * characters, which JSON would escape to 6 bytes, are removed), as bounds.test.ts checks.
 */
export const MAX_DOCUMENT_BYTES = 128 * 1024
/** Events kept per shipment: the newest ones (real parcels have 5-40). */
export const MAX_EVENTS = 50
export const MAX_DESCRIPTION = 250
/** City, state, postal code, country. */
export const MAX_LOCATION_PART = 60
/** Raw carrier code and the carrier's own timestamp text. */
export const MAX_CODE = 40
/** Carrier messages and error text stored as lastErrorMessage. */
export const MAX_MESSAGE = 500
const MAX_MESSAGES = 10

/** Control characters out, whitespace runs folded, then cut to `max` (with an ellipsis when cut). */
export function boundText(text: string, max: number): string {
  const clean = text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`
}

/**
 * The one gate every carrier result passes before it is applied (tracking/applyResult.ts): at most
 * MAX_EVENTS events, the newest kept (events are ascending, so the tail), every carrier string cut
 * to its cap. `droppedEvents` says how many older events were left out.
 */
export function boundResult(result: TrackingResult): { result: TrackingResult; droppedEvents: number } {
  const droppedEvents = Math.max(0, result.events.length - MAX_EVENTS)
  return {
    droppedEvents,
    result: {
      ...result,
      events: boundEvents(result.events),
      estimatedDelivery:
        result.estimatedDelivery === undefined ? undefined : boundText(result.estimatedDelivery, MAX_CODE),
      deliveredAt: result.deliveredAt === undefined ? undefined : boundText(result.deliveredAt, MAX_CODE),
      messages: result.messages.slice(0, MAX_MESSAGES).map(boundMessage),
    },
  }
}

/** The newest MAX_EVENTS events of an ascending list, each bounded. */
export const boundEvents = (events: readonly TrackingEvent[]): TrackingEvent[] =>
  events.slice(Math.max(0, events.length - MAX_EVENTS)).map(boundEvent)

function boundEvent(event: TrackingEvent): TrackingEvent {
  return {
    ...event,
    occurredAt: boundText(event.occurredAt, MAX_CODE),
    ...(event.occurredAtLocal === undefined ? {} : { occurredAtLocal: boundText(event.occurredAtLocal, MAX_CODE) }),
    carrierCode: boundText(event.carrierCode, MAX_CODE),
    description: boundText(event.description, MAX_DESCRIPTION),
    ...(event.location === undefined ? {} : { location: boundLocation(event.location) }),
  }
}

function boundLocation(location: EventLocation): EventLocation {
  const bounded: EventLocation = {}
  for (const key of ['city', 'state', 'postalCode', 'country'] as const) {
    const value = location[key]
    if (value !== undefined) bounded[key] = boundText(value, MAX_LOCATION_PART)
  }
  return bounded
}

const boundMessage = (message: CarrierMessage): CarrierMessage => ({
  ...message,
  message: boundText(message.message, MAX_MESSAGE),
})
