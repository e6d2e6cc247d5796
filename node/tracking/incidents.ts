import type { AttentionCutoffs, AttentionFields } from './attention'
import { EXCEPTION_STATUSES, isNeverPickedUp, isOverdue, isStuck } from './attention'
import type { ShipmentPatch, ShipmentRecord } from './shipment'

/**
 * A problem on a shipment is an incident: open while its condition holds (tracking/attention.ts
 * rules) and nobody has dealt with it. It closes by itself when the condition ends (the parcel
 * moves, is delivered, a check succeeds, a number arrives) or when an admin resolves it or snoozes
 * it with a reason (tracking/adminLog.ts keeps who, when and why).
 *
 * "Dealt with" is one indexed field per kind holding the instant until which the incident is
 * silenced (far in the future when resolved), so every queue is still a Master Data count:
 * `condition AND (ack is null OR ack < now)`. The field is cleared when the incident ends by
 * itself (closedAcks below), so the same problem coming back later opens a new incident.
 *
 * "Never picked up" is not a kind of its own: it is the stuck incident of a parcel without any
 * carrier scan, resolved or snoozed together with it.
 */
export const INCIDENT_KINDS = [
  'overdue',
  'stuck',
  'attempt',
  'exception',
  'returned',
  'failing',
  'expired',
  'awaiting',
  'unresolved',
] as const
export type IncidentKind = (typeof INCIDENT_KINDS)[number]

export const ACK_FIELDS = {
  overdue: 'ackOverdue',
  stuck: 'ackStuck',
  attempt: 'ackAttempt',
  exception: 'ackException',
  returned: 'ackReturned',
  failing: 'ackFailing',
  expired: 'ackExpired',
  awaiting: 'ackAwaiting',
  unresolved: 'ackUnresolved',
} as const satisfies Record<IncidentKind, keyof ShipmentRecord>
export type AckField = (typeof ACK_FIELDS)[IncidentKind]

/** What "resolved" stores: silenced until the incident ends by itself. */
export const RESOLVED_UNTIL = '9999-12-31T23:59:59.999Z'

export type IncidentFields = AttentionFields &
  Pick<ShipmentRecord, 'consecutiveErrors'> &
  Partial<Record<AckField, string | null>>

/** Is the condition of `kind` true for this shipment now (dealt with or not)? */
export function hasProblem(kind: IncidentKind, record: IncidentFields, cutoffs: AttentionCutoffs): boolean {
  switch (kind) {
    case 'overdue':
      return isOverdue(record, cutoffs)
    case 'stuck':
      return isStuck(record, cutoffs)
    case 'attempt':
      return record.status === 'ATTEMPT_FAIL'
    case 'exception':
      return EXCEPTION_STATUSES.includes(record.status)
    case 'returned':
      return record.status === 'RETURNED'
    case 'failing':
      return record.consecutiveErrors > 0
    case 'expired':
      return record.state === 'expired'
    case 'awaiting':
      return record.state === 'awaiting_tracking'
    case 'unresolved':
      return record.state === 'unresolved_carrier'
  }
}

export interface Incident {
  kind: IncidentKind
  /** Silenced (resolved or snoozed) until this instant; null while open. */
  silencedUntil: string | null
  resolved: boolean
  /** Only for stuck: the parcel has had no carrier scan at all. */
  neverPickedUp: boolean
}

/** Every problem the shipment has now, open or dealt with. */
export function incidentsOf(record: IncidentFields, cutoffs: AttentionCutoffs): Incident[] {
  return INCIDENT_KINDS.filter((kind) => hasProblem(kind, record, cutoffs)).map((kind) => {
    const ack = record[ACK_FIELDS[kind]] ?? null
    const silenced = ack !== null && ack >= cutoffs.now
    return {
      kind,
      silencedUntil: silenced ? ack : null,
      resolved: silenced && ack === RESOLVED_UNTIL,
      neverPickedUp: kind === 'stuck' && isNeverPickedUp(record, cutoffs),
    }
  })
}

/**
 * The acknowledgements a change ends: the parcel moved (a new last event), its status changed, or
 * a check succeeded after failures. A silenced incident whose cause is gone is closed, so the same
 * problem returning later is a new, open incident.
 */
export function closedAcks(before: ShipmentRecord, patch: ShipmentPatch): ShipmentPatch {
  const cleared: ShipmentPatch = {}
  const clear = (kind: IncidentKind): void => {
    if ((before[ACK_FIELDS[kind]] ?? null) !== null) cleared[ACK_FIELDS[kind]] = null
  }
  const moved = patch.lastEventAt !== undefined && patch.lastEventAt !== (before.lastEventAt ?? null)
  const statusChanged = patch.status !== undefined && patch.status !== before.status
  const stateChanged = patch.state !== undefined && patch.state !== before.state
  if (moved) clear('stuck')
  if (statusChanged) {
    clear('attempt')
    clear('exception')
  }
  if (patch.consecutiveErrors === 0 && before.consecutiveErrors > 0) clear('failing')
  if (stateChanged) {
    clear('awaiting')
    clear('unresolved')
  }
  return cleared
}
