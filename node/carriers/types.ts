import type { Substatus, TrackingStatus } from '../tracking/status'

export const CARRIER_CODES = ['correios', 'ups'] as const
export type CarrierCode = (typeof CARRIER_CODES)[number]

export const isCarrierCode = (value: unknown): value is CarrierCode =>
  typeof value === 'string' && (CARRIER_CODES as readonly string[]).includes(value)

export interface EventLocation {
  city?: string
  /** State or province code (VTEX wants the two-letter code, e.g. "SP"). */
  state?: string
  postalCode?: string
  /** ISO 3166-1 alpha-2 when the carrier gives one. */
  country?: string
}

export interface TrackingEvent {
  /** ISO-8601 instant WITH offset, e.g. "2022-03-11T17:03:00-03:00". */
  occurredAt: string
  /** The carrier's own timestamp text, unmodified, for support and debugging. */
  occurredAtLocal?: string
  status: TrackingStatus
  substatus?: Substatus
  /** Raw carrier code, e.g. "BDE/01" (Correios) or "D/FS/011" (UPS type/code/statusCode). */
  carrierCode: string
  description: string
  location?: EventLocation
}

export type CarrierMessageCode =
  /** The carrier does not know this number (yet). Not an error: labels exist before scans. */
  | 'NOT_FOUND'
  /** The carrier knows the number but has no scan events yet. */
  | 'NO_EVENTS'
  /** An event code that is not in the status table: mapped to UNKNOWN, logged, never guessed. */
  | 'UNMAPPED_CODE'
  /** Anything else the carrier said about this one number (per-number error inside a 200). */
  | 'CARRIER_MESSAGE'

export interface CarrierMessage {
  code: CarrierMessageCode
  message: string
}

/**
 * What one carrier said about one tracking number, normalised. Carrier-level problems that
 * concern only this number are data (`messages`); transport and auth failures are thrown as
 * typed errors by the client instead (see node/errors.ts).
 */
export interface TrackingResult {
  carrier: CarrierCode
  trackingNumber: string
  /** false when the carrier does not know the number; status is then PENDING. */
  found: boolean
  /** Status of the latest non-correction event; PENDING/INFO_RECEIVED when there are none. */
  status: TrackingStatus
  substatus?: Substatus
  /** ISO instant with offset, only when status is DELIVERED. */
  deliveredAt?: string
  /** Carrier's estimated delivery (ISO date or instant with offset) when it gives one. */
  estimatedDelivery?: string
  /** Ascending by occurredAt. Corrections (Correios EST) already applied. */
  events: TrackingEvent[]
  messages: CarrierMessage[]
}

/**
 * The pure half of a carrier: no I/O. The HTTP half lives in node/clients/carriers/<code>.ts.
 */
export interface CarrierAdapter<Raw = unknown> {
  code: CarrierCode
  /** Human name shown to merchants. */
  displayName: string
  /** Most tracking numbers one request may carry (Correios 50, UPS 1). */
  maxBatchSize: number
  /** Whether a tracking number has this carrier's format (a hint; settings mapping wins). */
  matchesTrackingNumber(trackingNumber: string): boolean
  /** Public tracking page for customers (goes into the invoice's trackingUrl). */
  trackingUrl(trackingNumber: string): string
  /**
   * Turns one raw carrier response into one result per requested number, in request order.
   * Throws CarrierResponseError when the body is not the carrier's documented shape.
   */
  parseTrackingResponse(raw: Raw, requested: readonly string[]): TrackingResult[]
}
