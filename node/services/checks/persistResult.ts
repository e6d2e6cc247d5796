import { carrierModule } from '../../carriers'
import type { TrackingResult } from '../../tracking/carrierResult'
import { AppError, CarrierRateLimitedError } from '../../errors'
import { mustVerifyOrder } from '../claims/ledger'
import type { ClaimSet } from '../claims/shipmentClaims'
import type { AppSettings } from '../../settings/appSettings'
import { applyCheckFailure, applyTrackingResult } from '../../tracking/applyResult'
import type { CheckOutcome } from '../../tracking/applyResult'
import type { ShipmentPatch, ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import { notifyShipment } from '../notifications/notifyShipment'
import { asPlatformError, httpStatusOf, retryAfterMsOf } from '../platformErrors'
import { orderAlreadyShows } from './orderAlreadyShows'
import type { CarrierStats, CheckSummary } from './summary'
import { countError, messageOf } from './summary'

export interface PersistContext {
  ctx: AppContext
  settings: AppSettings
  summary: CheckSummary
  /** The claims this work runs under: each record's new lastCheckedAt is stamped on it. */
  claim: ClaimSet
  /** Saves a check's patch: a PATCH, or the whole document for a record registration deferred. */
  save(record: ShipmentRecord, patch: ShipmentPatch): Promise<void>
}

/**
 * Applies one carrier answer to one shipment: order writes first (only what changed), then the
 * registry. Never throws: whatever fails (Orders API, Master Data, a bug) is recorded on this
 * shipment with a back-off and counted, and the other shipments go on.
 * `verifyOrder` is set when the claim was taken over from a worker that died: it may have written
 * the order and not the registry, so the order is read and what it already shows is not re-sent.
 * `extra` is saved with the check (a webhook's lastPushAt). Returns the record as saved, or
 * undefined when the check was recorded as a failure.
 */
export async function persistResult(
  pc: PersistContext,
  record: ShipmentRecord,
  result: TrackingResult,
  verifyOrder: boolean,
  extra: ShipmentPatch = {}
): Promise<ShipmentRecord | undefined> {
  const { ctx, settings, summary } = pc
  const now = Date.now()
  const log = { orderId: record.orderId, invoiceNumber: record.invoiceNumber, trackingNumber: record.trackingNumber }
  let outcome: CheckOutcome
  try {
    const adapter = carrierModule(result.carrier)
    outcome = applyTrackingResult(record, result, {
      now,
      pollingIntervalHours: settings.pollingIntervalHours,
      trackingWindowDays: settings.trackingWindowDays,
      scheduleMode: settings.scheduleMode,
      trackingUrl: adapter.trackingUrl(result.trackingNumber),
      carrierDisplayName: adapter.displayName,
    })
  } catch (error) {
    ctx.vtex.logger.error({ message: 'could not apply the carrier answer', ...log, error: messageOf(error) })
    await recordOne(pc, record, 'unexpected_error', error, now, extra, verifyOrder)
    return undefined
  }
  for (const message of result.messages) {
    if (message.code === 'UNMAPPED_CODE')
      ctx.vtex.logger.warn({ message: 'unmapped carrier code', ...log, detail: message.message })
  }

  const written: ShipmentPatch = { ...extra }
  // Until the registry has saved what the order shows, the next worker must compare with the order.
  let orderMayBeAhead = verifyOrder
  try {
    const skip = verifyOrder ? await orderAlreadyShows(ctx, record, outcome) : { invoice: false, tracking: false }
    if (outcome.invoicePatch && !skip.invoice) {
      await ctx.clients.oms.patchInvoiceTracking(record.orderId, record.invoiceNumber, outcome.invoicePatch)
      orderMayBeAhead = true
      summary.orderWrites += 1
    }
    if (outcome.invoicePatch) {
      written.trackingUrl = outcome.invoicePatch.trackingUrl
      written.invoicePatchedAt = new Date(now).toISOString()
    }
    if (outcome.trackingUpdate && !skip.tracking) {
      await ctx.clients.oms.putTracking(record.orderId, record.invoiceNumber, outcome.trackingUpdate)
      orderMayBeAhead = true
      summary.orderWrites += 1
    }
  } catch (error) {
    const reason = httpStatusOf(error) === 404 ? 'order_invoice_not_found' : 'order_write_failed'
    // No answer at all (a timeout): the write may still have landed.
    if (httpStatusOf(error) === undefined) orderMayBeAhead = true
    const typed = asPlatformError('oms', error)
    ctx.vtex.logger.error({ message: 'writing tracking to the order failed', ...log, reason, error: String(typed) })
    // Keep what was written; the carrier data is fetched again and re-written on the next try.
    await recordOne(pc, record, reason, typed, now, written, orderMayBeAhead)
    return undefined
  }

  // The emails this news calls for go out before the registry write, so that their counts ride on
  // it (one Master Data write per check). Safe to redo: a check redone after a failed registry
  // write finds its emails in the notice ledger and sends none twice. Never throws.
  const emails = await notifyShipment(ctx, {
    record: { ...record, ...outcome.patch, ...written },
    changed: outcome.changed,
    invoicePatched: outcome.invoicePatch !== undefined,
    settings,
  })
  try {
    await pc.save(record, { ...outcome.patch, ...written, ...emails })
  } catch (error) {
    ctx.vtex.logger.error({ message: 'saving the check to the registry failed', ...log, error: messageOf(error) })
    countError(summary, 'registry_write_failed')
    pc.claim.stamp(record.id, record.lastCheckedAt, orderMayBeAhead)
    return undefined
  }
  pc.claim.stamp(record.id, outcome.patch.lastCheckedAt ?? null)
  summary.checked += 1
  if (outcome.changed) summary.changed += 1
  if (outcome.patch.status === 'DELIVERED') summary.delivered += 1
  if (outcome.changed || outcome.invoicePatch) {
    ctx.vtex.logger.info({
      message: 'tracking written to order',
      ...log,
      status: outcome.patch.status,
      events: outcome.trackingUpdate?.events.length ?? 0,
      invoicePatched: outcome.invoicePatch !== undefined,
    })
  }
  return { ...record, ...outcome.patch, ...written, ...emails }
}

/** A whole batch the carrier did not answer for (outage, rate limit, auth): each shipment records it. */
export async function recordFailures(
  pc: PersistContext,
  batch: readonly ShipmentRecord[],
  error: unknown,
  stats: CarrierStats
): Promise<void> {
  const typed = error instanceof AppError ? error : undefined
  if (!typed) {
    // A programming error, not a carrier problem: still recorded per shipment, never dropped.
    pc.ctx.vtex.logger.error({ message: 'unexpected error while checking shipments', error: String(error) })
  }
  const reason = typed?.reason ?? 'unexpected_error'
  const now = Date.now()
  stats.errors += batch.length
  stats.lastError = `${reason}: ${messageOf(error)}`
  for (const record of batch) {
    pc.ctx.vtex.logger.warn({
      message: 'carrier check failed',
      orderId: record.orderId,
      trackingNumber: record.trackingNumber,
      carrier: record.carrier,
      reason,
      retryAfterMs: error instanceof CarrierRateLimitedError ? error.retryAfterMs : undefined,
    })
    await recordOne(pc, record, reason, error, now, {}, mustVerifyOrder(pc.claim.origins.get(record.id)))
  }
}

/**
 * Records a failed check on the shipment (reason, back-off). `orderMayBeAhead`: an order write of
 * this check went through before the failure, or an earlier one may have; the flag travels in the
 * claim's release stamp so the next worker reads the order before writing the same news again.
 */
async function recordOne(
  pc: PersistContext,
  record: ShipmentRecord,
  reason: string,
  error: unknown,
  now: number,
  extra: ShipmentPatch = {},
  orderMayBeAhead = false
): Promise<void> {
  countError(pc.summary, reason)
  // Carrier 429s and Orders API 429s alike: the next check waits at least their Retry-After.
  const retryAfterMs = retryAfterMsOf(error)
  const patch = applyCheckFailure(
    record,
    { reason, message: messageOf(error), retryAfterMs },
    {
      now,
      pollingIntervalHours: pc.settings.pollingIntervalHours,
      trackingWindowDays: pc.settings.trackingWindowDays,
    }
  )
  try {
    await pc.save(record, { ...extra, ...patch })
    pc.claim.stamp(record.id, patch.lastCheckedAt ?? null, orderMayBeAhead)
  } catch (saveError) {
    pc.claim.stamp(record.id, record.lastCheckedAt, orderMayBeAhead || Object.keys(extra).length > 0)
    // Master Data refused even the failure note: the shipment stays due and is retried next run.
    pc.ctx.vtex.logger.error({
      message: 'could not record a failed check',
      orderId: record.orderId,
      reason,
      error: messageOf(saveError),
    })
    countError(pc.summary, 'registry_write_failed')
  }
}
