import type { TrackingEvent } from '../../tracking/carrierResult'
import { appendAdminLog, MAX_ADMIN_NOTE } from '../../tracking/adminLog'
import { boundEvents, MAX_DESCRIPTION, MAX_EVENTS } from '../../tracking/bounds'
import { closedAcks } from '../../tracking/incidents'
import { deliveredOnTime } from '../../tracking/onTime'
import { eventsHash } from '../../tracking/eventsHash'
import { trackingUpdateFor } from '../../tracking/omsPayloads'
import { nextCheck } from '../../tracking/schedulePolicy'
import type { ShipmentPatch, ShipmentRecord } from '../../tracking/shipment'
import type { TrackingStatus } from '../../tracking/status'
import { isTerminal, TRACKING_STATUSES } from '../../tracking/status'
import type { TrackingUpdate } from '../../typings/orders'
import { AdminRequestError } from './adminErrors'

/** Raw carrier code of events an admin adds by hand (shown in the timeline like any other code). */
export const MANUAL_CARRIER_CODE = 'MANUAL'
/**
 * Statuses only the app sets: PENDING (nothing heard from the carrier yet), the tracking window
 * closing, and codes no table knows. Everything else is what a carrier could have reported.
 */
const NOT_SETTABLE: ReadonlySet<TrackingStatus> = new Set<TrackingStatus>(['PENDING', 'EXPIRED', 'UNKNOWN'])
/** What an admin may set by hand (docs/admin-api.openapi.json SetStatusInput; the page offers the same). */
export const SETTABLE_STATUSES: readonly TrackingStatus[] = TRACKING_STATUSES.filter((s) => !NOT_SETTABLE.has(s))
/** A delivery "a little in the future" is clock skew between the admin's machine and ours. */
const FUTURE_TOLERANCE_MS = 5 * 60_000

export interface ManualStatusInput {
  status: TrackingStatus
  /** ISO instant, only with DELIVERED; defaults to now. */
  deliveredAt?: string
  /** For the support team: kept in the registry with the admin's email, never sent to the order. */
  internalNote?: string
  /** The text of the order's tracking event (the customer sees it); the neutral default when absent. */
  customerMessage?: string
}

export interface ManualStatusContext {
  now: number
  /** The admin's email, recorded on the shipment (never on the order). */
  by: string
  pollingIntervalHours: number
  trackingWindowDays: number
}

/** Validates the request body of POST .../shipments/:id/status. */
export function parseManualStatus(body: unknown, now: number): ManualStatusInput {
  const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const status = input.status
  if (typeof status !== 'string' || !(TRACKING_STATUSES as readonly string[]).includes(status)) {
    throw new AdminRequestError('invalid_status', `status must be one of ${TRACKING_STATUSES.join(', ')}`)
  }
  if (NOT_SETTABLE.has(status as TrackingStatus)) {
    throw new AdminRequestError('status_not_allowed', `${status} is set by the app itself and cannot be set by hand`)
  }
  const result: ManualStatusInput = { status: status as TrackingStatus }
  if (input.deliveredAt !== undefined && input.deliveredAt !== null) {
    if (status !== 'DELIVERED') {
      throw new AdminRequestError('invalid_status', 'deliveredAt goes only with status DELIVERED')
    }
    const time = typeof input.deliveredAt === 'string' ? Date.parse(input.deliveredAt) : NaN
    if (!/^\d{4}-\d{2}-\d{2}T/.test(String(input.deliveredAt)) || Number.isNaN(time)) {
      throw new AdminRequestError(
        'invalid_status',
        'deliveredAt must be an ISO date-time, e.g. 2026-11-04T15:30:00-03:00'
      )
    }
    if (time > now + FUTURE_TOLERANCE_MS) {
      throw new AdminRequestError('invalid_status', 'deliveredAt cannot be in the future')
    }
    result.deliveredAt = String(input.deliveredAt)
  }
  if (input.note !== undefined) {
    // The old single field reached the customer; refuse it rather than guess which one was meant.
    throw new AdminRequestError(
      'invalid_status',
      'note was split in two: internalNote (kept internal) or customerMessage'
    )
  }
  const internalNote = optionalText(input.internalNote, 'internalNote', MAX_ADMIN_NOTE)
  if (internalNote) result.internalNote = internalNote
  const customerMessage = optionalText(input.customerMessage, 'customerMessage', MAX_DESCRIPTION)
  if (customerMessage) result.customerMessage = customerMessage
  return result
}

function optionalText(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new AdminRequestError('invalid_status', `${name} must be text`)
  const text = value.trim()
  if (text.length > max) throw new AdminRequestError('invalid_status', `${name} is limited to ${max} characters`)
  return text || undefined
}

/**
 * VTEX's own workaround for a status the carrier never reports, made safe: the order gets the
 * same tracking PUT a carrier check would send (every event so far plus one manual event), the
 * registry records who did it, and a final status stops polling. A non-final status stays until
 * the carrier reports something newer.
 */
export function manualStatusUpdate(
  record: ShipmentRecord,
  input: ManualStatusInput,
  ctx: ManualStatusContext
): { patch: ShipmentPatch; trackingUpdate: TrackingUpdate } {
  const nowIso = new Date(ctx.now).toISOString()
  const delivered = input.status === 'DELIVERED'
  const event: TrackingEvent = {
    occurredAt: delivered ? (input.deliveredAt ?? nowIso) : nowIso,
    status: input.status,
    carrierCode: MANUAL_CARRIER_CODE,
    description: input.customerMessage ?? defaultDescription(input.status),
  }
  const all = [...(record.events ?? []), event].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))
  const events = boundEvents(all)
  const deliveredAt = delivered ? event.occurredAt : null
  const hash = eventsHash(input.status, events)
  const last = events[events.length - 1]
  const terminal = isTerminal(input.status)
  const patch: ShipmentPatch = {
    status: input.status,
    substatus: null,
    events,
    droppedEvents: (record.droppedEvents ?? 0) + Math.max(0, all.length - MAX_EVENTS),
    eventsHash: hash,
    lastWrittenHash: hash,
    lastOmsWriteAt: nowIso,
    lastEventAt: new Date(last.occurredAt).toISOString(),
    lastEventDescription: last.description,
    lastEventLocation: formatLocation(last.location),
    firstEventAt: new Date(all[0].occurredAt).toISOString(),
    deliveredAt: deliveredAt === null ? null : new Date(deliveredAt).toISOString(),
    deliveredOnTime: deliveredOnTime(deliveredAt, record.promisedDelivery),
    lastManualActionBy: ctx.by,
    adminLog: appendAdminLog(record.adminLog, {
      action: 'set_status',
      at: nowIso,
      by: ctx.by,
      status: input.status,
      note: input.internalNote ?? null,
      customerMessage: input.customerMessage ?? null,
    }),
    // A final status settles the shipment: past carrier errors no longer need attention.
    ...(terminal ? { consecutiveErrors: 0, lastErrorReason: null, lastErrorMessage: null, lastErrorAt: null } : {}),
    ...schedule(record, input.status, ctx),
  }
  Object.assign(patch, closedAcks(record, patch))
  return { patch, trackingUpdate: trackingUpdateFor(events, deliveredAt) }
}

function schedule(record: ShipmentRecord, status: TrackingStatus, ctx: ManualStatusContext): ShipmentPatch {
  if (isTerminal(status)) return { state: 'done', nextCheckAt: null, nextCheckReason: 'manual_status' }
  // Still waiting for a number or a carrier: the sweep keeps re-reading the order as before.
  if (record.state === 'awaiting_tracking' || record.state === 'unresolved_carrier') return {}
  const decision = nextCheck({
    now: ctx.now,
    status,
    invoicedAt: Date.parse(record.invoicedAt),
    pollingIntervalHours: ctx.pollingIntervalHours,
    trackingWindowDays: ctx.trackingWindowDays,
  })
  if (decision.kind === 'next') {
    return { state: 'active', nextCheckAt: new Date(decision.at).toISOString(), nextCheckReason: 'manual_status' }
  }
  return { state: 'expired', nextCheckAt: null, nextCheckReason: 'window_closed' }
}

/**
 * The event text customers see on the order when the admin wrote no customer message: it says the
 * store confirmed it, not who. The admin's email and internal note stay in the registry
 * (lastManualActionBy, adminLog) and the logs, never on the customer's order.
 */
const defaultDescription = (status: TrackingStatus): string =>
  status === 'DELIVERED' ? 'Delivered (confirmed by the store)' : `Status updated by the store: ${status}`

const formatLocation = (location: TrackingEvent['location']): string | null =>
  location ? [location.city, location.state, location.country].filter(Boolean).join(', ') || null : null
