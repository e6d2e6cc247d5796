import type { CarrierCode, TrackingEvent } from './carrierResult'
import type { AdminLogEntry } from './adminLog'
import type { Substatus, TrackingStatus } from './status'

/**
 * Where a shipment is in the app's own lifecycle (independent of the carrier status):
 * - active: polled at the carrier on its schedule
 * - awaiting_tracking: invoiced without a tracking number; the sweep re-reads the order
 * - unresolved_carrier: has a number but no carrier matches, or several do (candidates kept);
 *   re-resolved by the sweep
 * - link_only: the courier is one the app cannot query; the merchant's tracking page is written to
 *   the invoice and nothing is polled
 * - done: terminal carrier status reached, polling stopped
 * - expired: tracking window closed without a terminal status (flagged, never silent)
 */
export const SHIPMENT_STATES = [
  'active',
  'awaiting_tracking',
  'unresolved_carrier',
  'link_only',
  'done',
  'expired',
] as const
export type ShipmentState = (typeof SHIPMENT_STATES)[number]

/** States whose due shipments are re-read from the order (not checked at a carrier). */
export const isWaitingState = (state: ShipmentState): boolean =>
  state === 'awaiting_tracking' || state === 'unresolved_carrier' || state === 'link_only'

/** One registry document per package (order + invoice). Instants are UTC ISO strings. */
export interface ShipmentRecord {
  id: string
  orderId: string
  invoiceNumber: string
  /** Normalized (tracking/trackingNumber.ts): what carriers are asked about and search matches. */
  trackingNumber: string | null
  /** The number as the invoice has it ("on 7310 00764 br"), shown to the merchant. */
  trackingNumberRaw: string | null
  courierName: string | null
  carrier: CarrierCode | null
  /** Carriers whose number format matched when more than one did: the merchant chooses (never guessed). */
  carrierCandidates: CarrierCode[]
  state: ShipmentState
  status: TrackingStatus
  substatus: Substatus | null
  /** Ascending; at most MAX_EVENTS (tracking/bounds.ts), the newest. */
  events: TrackingEvent[]
  /** How many older carrier events were left out to keep the document bounded (0 for almost every parcel). */
  droppedEvents: number
  eventsHash: string | null
  lastEventAt: string | null
  lastEventDescription: string | null
  lastEventLocation: string | null
  firstEventAt: string | null
  estimatedDelivery: string | null
  /** The destination's IANA time zone (from the shipping address): the schedule's quiet hours. */
  destinationTimeZone?: string | null
  /**
   * When the carrier (an aggregator's webhook) last pushed an update for this shipment: polling is
   * then only a slow fallback (tracking/schedulePolicy.ts). Absent when nothing was ever pushed.
   */
  lastPushAt?: string | null
  /** From the order's shipping estimate: what the store promised the customer. */
  promisedDelivery: string | null
  invoicedAt: string
  registeredAt: string
  deliveredAt: string | null
  /** Set at delivery: delivered by the promised date? null when not delivered or nothing was promised. */
  deliveredOnTime: boolean | null
  /** null once polling has stopped (done, expired). */
  nextCheckAt: string | null
  /** Why nextCheckAt was chosen, shown on the admin page. */
  nextCheckReason: string | null
  lastCheckedAt: string | null
  checkCount: number
  consecutiveErrors: number
  lastErrorReason: string | null
  lastErrorMessage: string | null
  lastErrorAt: string | null
  /** The invoice's tracking URL, only when it is an absolute http(s) URL (tracking/trackingUrl.ts). */
  trackingUrl: string | null
  /** A tracking URL the invoice had that is not http(s) (`javascript:` …): never a link, never written back. */
  rejectedTrackingUrl: string | null
  invoicePatchedAt: string | null
  /** Hash of what was last written with the tracking PUT: no change, no write. */
  lastWrittenHash: string | null
  lastOmsWriteAt: string | null
  /** Admin who last acted on it manually (mark delivered, set status), for the audit trail. */
  lastManualActionBy: string | null
  /** Admin who set the carrier by hand; re-reading the order then never overrides it. */
  carrierSetBy: string | null
  /** Customer emails the app sent for this package (the audit itself is in VBase, services/notifications/). */
  emailsSent: number
  /** Emails the app considered and did not send (VTEX sends it, disabled, scan noise, ...). */
  emailsSuppressed: number
  /** failed when any send failed or has an unknown outcome; else sent, suppressed, or null before any. */
  emailOutcome: EmailOutcome | null
  /**
   * Set on shipments the backfill registered (orders invoiced before the app was installed): the
   * backfill's start. Carrier news from before it is never emailed, whatever its age.
   */
  emailsFrom?: string | null
  /** What admins did and wrote (internal notes, incident reasons); absent on records nobody touched. */
  adminLog?: AdminLogEntry[]
  /*
   * Incidents dealt with (tracking/incidents.ts): silenced until this instant (resolved: far
   * future), cleared when the incident ends by itself. Absent or null: open while the problem lasts.
   */
  ackOverdue?: string | null
  ackStuck?: string | null
  ackAttempt?: string | null
  ackException?: string | null
  ackReturned?: string | null
  ackFailing?: string | null
  ackExpired?: string | null
  ackAwaiting?: string | null
  ackUnresolved?: string | null
}

export const EMAIL_OUTCOMES = ['sent', 'suppressed', 'failed'] as const
export type EmailOutcome = (typeof EMAIL_OUTCOMES)[number]

export type ShipmentPatch = Partial<Omit<ShipmentRecord, 'id'>>
