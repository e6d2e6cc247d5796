import { readCarrierTimestamp, zoneOffsetAt, formatAtOffset } from '../../tracking/carrierTime'
import type { Substatus, TrackingStatus } from '../../tracking/status'
import { isTerminal } from '../../tracking/status'
import { zoneOfPlace } from '../../tracking/placeZones'
import type {
  CarrierCode,
  CarrierMessage,
  EventLocation,
  TrackingEvent,
  TrackingResult,
} from '../../tracking/carrierResult'

/**
 * Pieces every carrier parser needs and none should reinvent: event times read as the carrier
 * means them, the status-model rules for the current status, and the not-found result.
 */

export interface Place {
  country?: string
  state?: string
}

export interface EventTime {
  occurredAt: string
  occurredAtLocal: string
  instant: number
}

/**
 * An event time from an ISO text. Its own offset wins; without one, the first place (event
 * location, then the shipment's destination and origin) whose zone is known decides. With no
 * zone anywhere, the wall time is read as UTC and `zoneUnknown` says so, so the caller can report
 * it: a silent guess is never made. Undefined when the text is not a date-time at all.
 */
export function eventTimeOf(
  raw: string,
  places: ReadonlyArray<Place | undefined>
): (EventTime & { zoneUnknown: boolean }) | undefined {
  const zone = places.map((p) => (p ? zoneOfPlace(p) : undefined)).find((z) => z !== undefined)
  const read = readCarrierTimestamp(raw, zone) ?? readCarrierTimestamp(raw, 'UTC')
  if (!read) return undefined
  const zoneUnknown = zone === undefined && readCarrierTimestamp(raw, undefined) === undefined
  return { occurredAt: read.occurredAt, occurredAtLocal: raw, instant: read.instant, zoneUnknown }
}

/** An instant shown with a known offset in minutes (USPS GMTTimestamp + GMTOffset). */
export const atOffset = (instant: number, offsetMinutes: number): string => formatAtOffset(instant, offsetMinutes)

/** An instant shown in the zone of a place, when that zone is known. */
export function inZoneOf(instant: number, place: Place | undefined): string | undefined {
  const zone = place ? zoneOfPlace(place) : undefined
  return zone === undefined ? undefined : formatAtOffset(instant, zoneOffsetAt(instant, zone))
}

export interface MappedEvent {
  event: TrackingEvent
  instant: number
  /** false for notes that never move the status (delivery-option changes, return-label emails). */
  setsStatus: boolean
}

/**
 * Status model rules 1-2: the latest status-setting event wins, except that once a terminal status
 * (DELIVERED, RETURNED, FAILURE) is reached a later non-terminal event does not reopen it.
 */
export function currentEvent(mapped: readonly MappedEvent[]): TrackingEvent | undefined {
  let current: TrackingEvent | undefined
  for (const { event, setsStatus } of mapped) {
    if (!setsStatus) continue
    if (current && isTerminal(current.status) && !isTerminal(event.status)) continue
    current = event
  }
  return current
}

/** Ascending by instant; events with the same instant keep the carrier's (reversed) order. */
export const ascending = (mapped: MappedEvent[]): MappedEvent[] => mapped.sort((a, b) => a.instant - b.instant)

export const notFound = (carrier: CarrierCode, trackingNumber: string, message: string): TrackingResult => ({
  carrier,
  trackingNumber,
  found: false,
  status: 'PENDING',
  events: [],
  messages: [{ code: 'NOT_FOUND', message }],
})

/** A result for a known number from its mapped events (ascending) and the messages so far. */
export function resultFrom(
  carrier: CarrierCode,
  trackingNumber: string,
  mapped: readonly MappedEvent[],
  messages: CarrierMessage[],
  extra: {
    estimatedDelivery?: string
    fallback?: { status: TrackingStatus; substatus?: Substatus }
    deliveredAt?: string
  }
): TrackingResult {
  const events = mapped.map((m) => m.event)
  const base: TrackingResult = { carrier, trackingNumber, found: true, status: 'INFO_RECEIVED', events, messages }
  if (extra.estimatedDelivery !== undefined) base.estimatedDelivery = extra.estimatedDelivery
  const current = currentEvent(mapped)
  if (!current) {
    const fallback = extra.fallback ?? { status: 'INFO_RECEIVED', substatus: 'label_created' }
    if (events.length === 0)
      messages.push({ code: 'NO_EVENTS', message: `${carrier} knows the number but has no scans yet` })
    base.status = fallback.status
    if (fallback.substatus !== undefined) base.substatus = fallback.substatus
    if (fallback.status === 'DELIVERED' && extra.deliveredAt !== undefined) base.deliveredAt = extra.deliveredAt
    return base
  }
  base.status = current.status
  if (current.substatus !== undefined) base.substatus = current.substatus
  if (current.status === 'DELIVERED') base.deliveredAt = current.occurredAt
  return base
}

/** A location with only the parts the carrier filled in; undefined when it gave none. */
export function locationOf(parts: {
  city?: string
  state?: string
  postalCode?: string
  country?: string
}): EventLocation | undefined {
  const location: EventLocation = {}
  const text = (v: string | undefined): string | undefined => (v?.trim() ? v.trim() : undefined)
  const city = text(parts.city)
  const state = text(parts.state)
  const postalCode = text(parts.postalCode)
  const country = text(parts.country)
  if (city) location.city = city
  if (state) location.state = state
  if (postalCode) location.postalCode = postalCode
  if (country) location.country = country
  return Object.keys(location).length > 0 ? location : undefined
}

/** First non-empty trimmed text. */
export const firstText = (...values: Array<string | undefined>): string | undefined =>
  values.map((v) => v?.trim()).find((v): v is string => v !== undefined && v.length > 0)

/** Records an unmapped code once per result, with the carrier's own words. */
export function unmappedMessage(carrierName: string, code: string, description: string): CarrierMessage {
  return {
    code: 'UNMAPPED_CODE',
    message: `${carrierName} status ${code} ("${description}") is not in the status table`,
  }
}

/* ------------------------------------------------------------------ shape checks */

export type Fail = (why: string) => never

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function checkArray(value: unknown, path: string, fail: Fail): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : fail(`${path} is not an array`)
}

export function checkStrings(value: Record<string, unknown>, keys: readonly string[], path: string, fail: Fail): void {
  for (const key of keys) {
    const v = value[key]
    if (v !== undefined && v !== null && typeof v !== 'string') fail(`${path}.${key} is not a string`)
  }
}

export function checkObject(value: unknown, path: string, fail: Fail): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined
  return isRecord(value) ? value : fail(`${path} is not an object`)
}

/**
 * Once a carrier says the package is going back (RETURN_TO_SENDER), its later ordinary movement
 * scans on the same number are the return leg, and its "delivered" is the shipper receiving it
 * (RETURNED). Applies to events already in ascending order; no-change notes inherit the status
 * before them, so the timeline never shows a jump.
 */
export function applyReturnLeg(sorted: MappedEvent[]): MappedEvent[] {
  let previous: TrackingStatus = 'INFO_RECEIVED'
  let returning = false
  for (const m of sorted) {
    if (!m.setsStatus) m.event.status = previous
    else previous = m.event.status = onReturnLeg(m.event.status, returning)
    if (m.event.status === 'RETURN_TO_SENDER') returning = true
  }
  return sorted
}

const RETURN_LEG: ReadonlySet<TrackingStatus> = new Set([
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'AVAILABLE_FOR_PICKUP',
  'ATTEMPT_FAIL',
])

function onReturnLeg(status: TrackingStatus, returning: boolean): TrackingStatus {
  if (!returning) return status
  if (status === 'DELIVERED') return 'RETURNED'
  return RETURN_LEG.has(status) ? 'RETURN_TO_SENDER' : status
}
