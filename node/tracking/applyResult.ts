import type { TrackingResult } from './carrierResult'
import { boundResult, boundText, MAX_MESSAGE } from './bounds'
import type { InvoiceTrackingPatch, TrackingUpdate } from '../typings/orders'
import { eventsHash } from './eventsHash'
import { closedAcks } from './incidents'
import { trackingUpdateFor } from './omsPayloads'
import { deliveredOnTime } from './onTime'
import type { ScheduleMode } from './schedulePolicy'
import { nextCheck, retryAfterFailure } from './schedulePolicy'
import type { ShipmentPatch, ShipmentRecord } from './shipment'

export interface ApplyContext {
  now: number
  pollingIntervalHours: number
  trackingWindowDays: number
  /** adaptive or vtex_fixed (settings.scheduleMode); adaptive when absent. */
  scheduleMode?: ScheduleMode
  /** The carrier's public tracking page for this number. */
  trackingUrl: string
  /** Name written on the invoice when it has none. */
  carrierDisplayName: string
}

/** What a successful carrier check changes: the registry patch, and the order writes to make first. */
export interface CheckOutcome {
  patch: ShipmentPatch
  invoicePatch?: InvoiceTrackingPatch
  trackingUpdate?: TrackingUpdate
  /** True when the carrier reported something new since the last write. */
  changed: boolean
}

/**
 * Pure decision for one shipment after one carrier answer. The order writes are values, made by
 * the caller before it saves `patch`, so a failed write leaves the registry asking for it again.
 * Whatever the carrier said is bounded first (tracking/bounds.ts): no carrier's answer reaches the
 * registry or the order unbounded.
 */
export function applyTrackingResult(
  record: ShipmentRecord,
  carrierResult: TrackingResult,
  ctx: ApplyContext
): CheckOutcome {
  const { result, droppedEvents } = boundResult(carrierResult)
  const nowIso = new Date(ctx.now).toISOString()
  const base: ShipmentPatch = { lastCheckedAt: nowIso, checkCount: record.checkCount + 1 }

  if (!result.found) {
    const retry = retryAfterFailure({
      now: ctx.now,
      consecutiveErrors: record.consecutiveErrors + 1,
      pollingIntervalHours: ctx.pollingIntervalHours,
    })
    const message = boundText(
      result.messages.map((m) => m.message).join('; ') || 'the carrier does not know this number yet',
      MAX_MESSAGE
    )
    return {
      changed: false,
      patch: {
        ...base,
        ...scheduleOrExpire(record, ctx, retry.at, 'tracking_number_not_found'),
        consecutiveErrors: record.consecutiveErrors + 1,
        lastErrorReason: 'tracking_number_not_found',
        lastErrorMessage: message,
        lastErrorAt: nowIso,
      },
      invoicePatch: invoicePatchFor(record, ctx),
    }
  }

  const hash = eventsHash(result.status, result.events)
  const last = result.events[result.events.length - 1]
  const deliveredAt = result.status === 'DELIVERED' ? (result.deliveredAt ?? last?.occurredAt ?? null) : null
  const decision = nextCheck({
    now: ctx.now,
    status: result.status,
    invoicedAt: Date.parse(record.invoicedAt),
    pollingIntervalHours: ctx.pollingIntervalHours,
    trackingWindowDays: ctx.trackingWindowDays,
    mode: ctx.scheduleMode,
    expectedDelivery: expectedDeliveryOf(result.estimatedDelivery ?? record.estimatedDelivery, record.promisedDelivery),
    timeZone: record.destinationTimeZone ?? null,
    jitterKey: record.id,
    lastPushAt: record.lastPushAt ? Date.parse(record.lastPushAt) : null,
  })
  const changed = hash !== record.lastWrittenHash && result.events.length > 0

  const patch: ShipmentPatch = {
    ...base,
    status: result.status,
    substatus: result.substatus ?? null,
    events: result.events,
    droppedEvents,
    eventsHash: hash,
    lastEventAt: last ? new Date(last.occurredAt).toISOString() : null,
    lastEventDescription: last?.description ?? null,
    lastEventLocation: last ? formatLocation(last.location) : null,
    // The real first scan, even when it is among the events dropped to stay bounded.
    firstEventAt: carrierResult.events[0] ? new Date(carrierResult.events[0].occurredAt).toISOString() : null,
    estimatedDelivery: result.estimatedDelivery ?? record.estimatedDelivery,
    deliveredAt: deliveredAt === null ? null : new Date(deliveredAt).toISOString(),
    deliveredOnTime: deliveredOnTime(deliveredAt, record.promisedDelivery),
    consecutiveErrors: 0,
    lastErrorReason: null,
    lastErrorMessage: null,
    lastErrorAt: null,
    ...(decision.kind === 'stop'
      ? { state: 'done' as const, nextCheckAt: null, nextCheckReason: 'terminal_status' }
      : decision.kind === 'expire'
        ? { state: 'expired' as const, status: 'EXPIRED' as const, nextCheckAt: null, nextCheckReason: 'window_closed' }
        : { nextCheckAt: new Date(decision.at).toISOString(), nextCheckReason: decision.reason }),
  }
  // The parcel moved, its status changed, the check succeeded: incidents dealt with for those end.
  Object.assign(patch, closedAcks(record, patch))
  if (changed) {
    patch.lastWrittenHash = hash
    patch.lastOmsWriteAt = nowIso
  }
  return {
    changed,
    patch,
    invoicePatch: invoicePatchFor(record, ctx),
    trackingUpdate: changed ? trackingUpdateFor(result.events, deliveredAt) : undefined,
  }
}

/** After a transient failure (carrier down, rate limited, auth): keep the shipment, back off. */
export function applyCheckFailure(
  record: ShipmentRecord,
  error: { reason: string; message: string; retryAfterMs?: number },
  ctx: Pick<ApplyContext, 'now' | 'pollingIntervalHours' | 'trackingWindowDays'>
): ShipmentPatch {
  const consecutiveErrors = record.consecutiveErrors + 1
  const retry = retryAfterFailure({
    now: ctx.now,
    consecutiveErrors,
    pollingIntervalHours: ctx.pollingIntervalHours,
    retryAfterMs: error.retryAfterMs,
  })
  return {
    lastCheckedAt: new Date(ctx.now).toISOString(),
    consecutiveErrors,
    lastErrorReason: error.reason,
    lastErrorMessage: boundText(error.message, MAX_MESSAGE),
    lastErrorAt: new Date(ctx.now).toISOString(),
    ...scheduleOrExpire(record, ctx, retry.at, retry.reason),
  }
}

function scheduleOrExpire(
  record: ShipmentRecord,
  ctx: Pick<ApplyContext, 'now' | 'trackingWindowDays'>,
  at: number,
  reason: string
): ShipmentPatch {
  const windowEnd = Date.parse(record.invoicedAt) + ctx.trackingWindowDays * 24 * 3600_000
  if (ctx.now >= windowEnd) {
    return { state: 'expired', status: 'EXPIRED', nextCheckAt: null, nextCheckReason: 'window_closed' }
  }
  return { nextCheckAt: new Date(Math.min(at, windowEnd)).toISOString(), nextCheckReason: reason }
}

/** VTEX sends the "order shipped" email only once the invoice has both number and URL. */
function invoicePatchFor(record: ShipmentRecord, ctx: ApplyContext): InvoiceTrackingPatch | undefined {
  // trackingUrl holds what the invoice already has; the merchant's own URL is never overwritten.
  if (record.trackingUrl !== null || record.trackingNumber === null) return undefined
  return {
    // What the store typed stays on its invoice; the normalized form is ours.
    trackingNumber: record.trackingNumberRaw ?? record.trackingNumber,
    trackingUrl: ctx.trackingUrl,
    dispatchedDate: null,
    courier: record.courierName ?? ctx.carrierDisplayName,
  }
}

const formatLocation = (location: { city?: string; state?: string; country?: string } | undefined): string | null => {
  if (!location) return null
  const text = [location.city, location.state, location.country].filter(Boolean).join(', ')
  return text || null
}

/** The carrier's estimate when it gives one, else what the store promised; epoch ms or null. */
function expectedDeliveryOf(carrierEstimate: string | null | undefined, promised: string | null): number | null {
  for (const candidate of [carrierEstimate, promised]) {
    const time = candidate ? Date.parse(candidate) : NaN
    if (Number.isFinite(time)) return time
  }
  return null
}
