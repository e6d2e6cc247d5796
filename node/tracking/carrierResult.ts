import type { Substatus, TrackingStatus } from './status'

/**
 * The domain's vocabulary for what a carrier reports. Carrier modules (node/carriers/<code>/)
 * produce these; the domain never imports from node/carriers/.
 */

/**
 * A carrier module's code ("correios", "ups"). The domain treats it as an opaque name: which codes
 * exist is decided by the module list (node/carriers/index.ts), which validates them at the edges
 * (settings, admin input) with `isCarrierCode`.
 */
export type CarrierCode = string

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
