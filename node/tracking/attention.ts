import type { ShipmentRecord } from './shipment'
import type { TrackingStatus } from './status'
import { localParts } from './localTime'

/**
 * The rules that flag a shipment for the merchant's attention: overdue, stuck, never picked up,
 * exception. One source for both sides: the admin API turns the same cutoffs into Master Data
 * `_where` clauses (counts, filters) and applies these predicates to each row it returns, so a
 * row flagged "stuck" is always one the "stuck" filter finds.
 *
 * Comparisons are on the stored strings, exactly as Master Data compares them: instants the app
 * writes are UTC ISO (`toISOString`), so text order is time order. Carrier estimates are dates
 * (UPS `2026-11-05`) or local instants (Correios `2026-11-05T23:59:00-03:00`): an estimate has
 * passed once its calendar date is before today's date in the store's time zone.
 */

/** A package without a carrier scan this long after invoicing was never handed over. */
export const NEVER_PICKED_UP_AFTER_HOURS = 48

/** Statuses that mean the carrier knows the label at most: no physical scan yet. */
export const NOT_PICKED_UP_STATUSES: readonly TrackingStatus[] = ['PENDING', 'INFO_RECEIVED']

/** Statuses that need the merchant to act (contact the customer or the carrier, reship). */
export const EXCEPTION_STATUSES: readonly TrackingStatus[] = ['EXCEPTION', 'RETURN_TO_SENDER', 'FAILURE']

const HOUR = 3600_000

export interface AttentionCutoffs {
  /** Now, as a UTC ISO instant: a promised delivery before it has passed. */
  now: string
  /** Today's date (YYYY-MM-DD) in the store's time zone: a carrier estimate dated before it has passed. */
  today: string
  /** The store's IANA time zone: day filters start and end at its midnights. */
  timeZone: string
  /** A last carrier event before this instant makes an active shipment stuck. */
  stuckBefore: string
  /** Invoiced before this instant and still not picked up: never picked up. */
  pickupBefore: string
}

export function attentionCutoffs(now: number, stuckAfterHours: number, timeZone = 'UTC'): AttentionCutoffs {
  const nowIso = new Date(now).toISOString()
  return {
    now: nowIso,
    today: localParts(now, timeZone).date,
    timeZone,
    stuckBefore: new Date(now - stuckAfterHours * HOUR).toISOString(),
    pickupBefore: new Date(now - NEVER_PICKED_UP_AFTER_HOURS * HOUR).toISOString(),
  }
}

/** The record fields the rules read (list queries fetch at least these). */
export type AttentionFields = Pick<
  ShipmentRecord,
  'state' | 'status' | 'promisedDelivery' | 'estimatedDelivery' | 'lastEventAt' | 'invoicedAt'
>

export const ATTENTION_FIELDS: ReadonlyArray<keyof AttentionFields> = [
  'state',
  'status',
  'promisedDelivery',
  'estimatedDelivery',
  'lastEventAt',
  'invoicedAt',
]

/**
 * Not delivered (polling not finished at a final status) and past the date the store promised,
 * or past the carrier's estimate when that is later. With neither date, nothing is overdue.
 */
export function isOverdue(record: AttentionFields, cutoffs: AttentionCutoffs): boolean {
  if (record.state === 'done') return false
  const { promisedDelivery: promised, estimatedDelivery: estimate } = record
  if (promised === null && estimate === null) return false
  const promiseMissed = promised === null || promised < cutoffs.now
  const estimateMissed = estimate === null || estimate < cutoffs.today
  return promiseMissed && estimateMissed
}

/** Still polled, invoiced more than 48 hours ago, and the carrier has not scanned it yet. */
export function isNeverPickedUp(record: AttentionFields, cutoffs: AttentionCutoffs): boolean {
  return (
    record.state === 'active' &&
    NOT_PICKED_UP_STATUSES.includes(record.status) &&
    record.invoicedAt < cutoffs.pickupBefore
  )
}

/** Still polled and no new carrier event for `stuckAfterHours`, or never picked up. */
export function isStuck(record: AttentionFields, cutoffs: AttentionCutoffs): boolean {
  if (record.state !== 'active') return false
  const silent = record.lastEventAt !== null && record.lastEventAt < cutoffs.stuckBefore
  return silent || isNeverPickedUp(record, cutoffs)
}

export const isException = (record: Pick<ShipmentRecord, 'status'>): boolean =>
  EXCEPTION_STATUSES.includes(record.status)
