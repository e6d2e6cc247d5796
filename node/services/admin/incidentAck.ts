import type { IncidentAction } from '../../tracking/adminLog'
import { appendAdminLog, INCIDENT_ACTIONS, MAX_ADMIN_NOTE } from '../../tracking/adminLog'
import type { AttentionCutoffs } from '../../tracking/attention'
import type { IncidentKind } from '../../tracking/incidents'
import { ACK_FIELDS, hasProblem, INCIDENT_KINDS, RESOLVED_UNTIL } from '../../tracking/incidents'
import type { ShipmentPatch, ShipmentRecord } from '../../tracking/shipment'
import { AdminRequestError } from './adminErrors'

/** A reason says something: "ok" is not one. */
const MIN_REASON = 3
/** Longest snooze: past it, the problem is back in the queue and needs another look. */
export const MAX_SNOOZE_DAYS = 30
const DAY = 24 * 3600_000

export interface IncidentAckInput {
  kind: IncidentKind
  action: IncidentAction
  reason: string
  /** ISO instant, only with snooze. */
  until?: string
}

/** Validates the body of POST .../shipments/:id/incidents. */
export function parseIncidentAck(body: unknown, now: number): IncidentAckInput {
  const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const { kind, action, reason, until } = input
  if (typeof kind !== 'string' || !(INCIDENT_KINDS as readonly string[]).includes(kind)) {
    invalid(`kind must be one of ${INCIDENT_KINDS.join(', ')}`)
  }
  if (typeof action !== 'string' || !(INCIDENT_ACTIONS as readonly string[]).includes(action)) {
    invalid(`action must be one of ${INCIDENT_ACTIONS.join(', ')}`)
  }
  const text = typeof reason === 'string' ? reason.trim() : ''
  if (text.length < MIN_REASON || text.length > MAX_ADMIN_NOTE) {
    invalid(`reason is required: ${MIN_REASON} to ${MAX_ADMIN_NOTE} characters saying why`)
  }
  const result: IncidentAckInput = { kind: kind as IncidentKind, action: action as IncidentAction, reason: text }
  if (action === 'resolve') {
    if (until !== undefined && until !== null) invalid('until goes only with snooze')
    return result
  }
  const time = typeof until === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(until) ? Date.parse(until) : NaN
  if (Number.isNaN(time) || time <= now || time > now + MAX_SNOOZE_DAYS * DAY) {
    invalid(`snooze needs until: an ISO date-time in the next ${MAX_SNOOZE_DAYS} days`)
  }
  return { ...result, until: new Date(time).toISOString() }
}

/**
 * An admin deals with one open problem of a shipment: silenced until the snooze ends, or until
 * the problem ends by itself when resolved; who, when and why go to the shipment's admin log.
 */
export function incidentAck(
  record: ShipmentRecord,
  input: IncidentAckInput,
  ctx: { now: number; by: string; cutoffs: AttentionCutoffs }
): ShipmentPatch {
  if (!hasProblem(input.kind, withNulls(record), ctx.cutoffs)) {
    throw new AdminRequestError('no_open_incident', `This shipment has no ${input.kind} problem now`)
  }
  const until = input.action === 'snooze' ? (input.until ?? null) : null
  return {
    [ACK_FIELDS[input.kind]]: until ?? RESOLVED_UNTIL,
    lastManualActionBy: ctx.by,
    adminLog: appendAdminLog(record.adminLog, {
      action: input.action,
      at: new Date(ctx.now).toISOString(),
      by: ctx.by,
      kind: input.kind,
      reason: input.reason,
      until,
    }),
  }
}

/** Master Data omits null fields; the rules expect explicit nulls. */
export const withNulls = (record: ShipmentRecord): ShipmentRecord => ({
  ...record,
  promisedDelivery: record.promisedDelivery ?? null,
  estimatedDelivery: record.estimatedDelivery ?? null,
  lastEventAt: record.lastEventAt ?? null,
  consecutiveErrors: record.consecutiveErrors ?? 0,
})

function invalid(message: string): never {
  throw new AdminRequestError('invalid_incident', message)
}
