import type { TrackingEvent } from '../tracking/carrierResult'
import type { TrackingStatus } from '../tracking/status'
import type { ShipmentRecord } from '../tracking/shipment'
import type { NoticeKind } from './kinds'

/** A status change worth telling the customer about, keyed by the event that made it. */
export interface Milestone {
  kind: NoticeKind
  /** Stable across retries, redeliveries and re-reads: kind plus the instant of its event. */
  key: string
  /** When it happened at the carrier (or when the invoice got its tracking link). */
  at: string
  event: TrackingEvent | null
}

/** The statuses a shopper cares about; anything else (more scans in transit, unknown codes) is noise. */
const KIND_OF_STATUS: Partial<Record<TrackingStatus, NoticeKind>> = {
  IN_TRANSIT: 'in_transit',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  ATTEMPT_FAIL: 'attempt_fail',
  AVAILABLE_FOR_PICKUP: 'available_for_pickup',
  EXCEPTION: 'exception',
  RETURN_TO_SENDER: 'exception',
  DELIVERED: 'delivered',
}

/** Kinds that say more than "there is news" and so win over "first update" on the first event. */
const SPECIFIC: ReadonlySet<NoticeKind> = new Set<NoticeKind>([
  'out_for_delivery',
  'attempt_fail',
  'available_for_pickup',
  'exception',
  'delivered',
])

/**
 * Every milestone of a shipment, oldest first, from what the registry holds: the tracking link
 * once the invoice has one, the first carrier event, then each change to a status that matters.
 * Pure and replayable: the same record always gives the same keys.
 */
export function milestonesOf(
  record: Pick<ShipmentRecord, 'trackingUrl' | 'invoicePatchedAt' | 'invoicedAt' | 'events' | 'droppedEvents'>
): Milestone[] {
  const milestones: Milestone[] = []
  if (record.trackingUrl !== null) {
    milestones.push({ kind: 'shipped', key: 'shipped', at: record.invoicePatchedAt ?? record.invoicedAt, event: null })
  }
  let previous: NoticeKind | null = null
  record.events.forEach((event, index) => {
    const kind = KIND_OF_STATUS[event.status] ?? null
    const at = new Date(event.occurredAt).toISOString()
    // When older events were dropped to keep the document bounded, the first one kept is not the first.
    if (index === 0 && record.droppedEvents === 0) {
      const first: NoticeKind = kind !== null && SPECIFIC.has(kind) ? kind : 'first_update'
      milestones.push({ kind: first, key: `${first}@${at}`, at, event })
    } else if (kind !== null && kind !== previous) {
      milestones.push({ kind, key: `${kind}@${at}`, at, event })
    }
    if (kind !== null) previous = kind
  })
  return milestones
}
