import { adapterFor } from '../carriers/registry'
import type { CarrierCode, TrackingResult } from '../carriers/types'
import { AppError, CarrierRateLimitedError } from '../errors'
import { ShipmentRegistry } from '../registry/shipmentRegistry'
import type { AppSettings } from '../settings/appSettings'
import { applyCheckFailure, applyTrackingResult } from '../tracking/applyResult'
import type { ShipmentPatch, ShipmentRecord } from '../tracking/shipment'
import type { AppContext } from '../typings/context'
import { trackBatch } from './carrierGateway'
import { chunk, mapLimit } from './concurrency'
import { asPlatformError, httpStatusOf } from './platformErrors'

/** Parallel requests per carrier: Correios batches 50 numbers a call, UPS takes one. */
const CONCURRENCY: Record<CarrierCode, number> = { correios: 2, ups: 4 }
/** Shipments of one carrier answer written to OMS and Master Data in parallel (OMS allows 6000 req/min). */
const PERSIST_CONCURRENCY = 8

export interface CarrierStats {
  checked: number
  errors: number
  lastError?: string
  lastSuccessAt?: string
}

export interface CheckSummary {
  checked: number
  changed: number
  delivered: number
  orderWrites: number
  errors: number
  errorsByReason: Record<string, number>
  carriers: Partial<Record<CarrierCode, CarrierStats>>
}

export const emptySummary = (): CheckSummary => ({
  checked: 0,
  changed: 0,
  delivered: 0,
  orderWrites: 0,
  errors: 0,
  errorsByReason: {},
  carriers: {},
})

/**
 * Checks active shipments at their carriers and writes what changed to the orders. Shared by the
 * invoiced-event handler (first check), the sweep and the admin's "refresh now". Never throws
 * for one shipment's problem: each failure is recorded on that shipment with a back-off.
 */
export async function checkShipments(
  ctx: AppContext,
  settings: AppSettings,
  records: readonly ShipmentRecord[],
  summary: CheckSummary = emptySummary()
): Promise<CheckSummary> {
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  const byCarrier = groupByCarrier(records)
  await Promise.all(
    [...byCarrier].map(([carrier, group]) => checkCarrier(ctx, settings, registry, carrier, group, summary))
  )
  return summary
}

async function checkCarrier(
  ctx: AppContext,
  settings: AppSettings,
  registry: ShipmentRegistry,
  carrier: CarrierCode,
  records: ShipmentRecord[],
  summary: CheckSummary
): Promise<void> {
  const stats = (summary.carriers[carrier] ??= { checked: 0, errors: 0 })
  let rateLimit: CarrierRateLimitedError | undefined
  const batches = chunk(records, adapterFor(carrier).maxBatchSize)

  await mapLimit(batches, CONCURRENCY[carrier], async (batch) => {
    // Once the carrier says "slow down", nobody in this run calls it again: honour Retry-After.
    if (rateLimit) return recordFailures(ctx, registry, settings, batch, rateLimit, summary, stats)
    let results: TrackingResult[]
    try {
      results = await trackBatch(
        ctx,
        settings,
        carrier,
        batch.map((r) => r.trackingNumber ?? '')
      )
    } catch (error) {
      if (error instanceof CarrierRateLimitedError) rateLimit = error
      return recordFailures(ctx, registry, settings, batch, error, summary, stats)
    }
    stats.lastSuccessAt = new Date().toISOString()
    // Order writes and registry updates are independent per shipment: overlap them.
    await mapLimit([...batch.entries()], PERSIST_CONCURRENCY, async ([index, record]) => {
      await applyAndPersist(ctx, registry, settings, record, results[index], summary)
      stats.checked += 1
    })
  })
}

async function applyAndPersist(
  ctx: AppContext,
  registry: ShipmentRegistry,
  settings: AppSettings,
  record: ShipmentRecord,
  result: TrackingResult,
  summary: CheckSummary
): Promise<void> {
  const now = Date.now()
  const adapter = adapterFor(result.carrier)
  const outcome = applyTrackingResult(record, result, {
    now,
    pollingIntervalHours: settings.pollingIntervalHours,
    trackingWindowDays: settings.trackingWindowDays,
    trackingUrl: adapter.trackingUrl(result.trackingNumber),
    carrierDisplayName: adapter.displayName,
  })
  const log = { orderId: record.orderId, invoiceNumber: record.invoiceNumber, trackingNumber: record.trackingNumber }
  for (const message of result.messages) {
    if (message.code === 'UNMAPPED_CODE')
      ctx.vtex.logger.warn({ message: 'unmapped carrier code', ...log, detail: message.message })
  }

  const written: ShipmentPatch = {}
  try {
    if (outcome.invoicePatch) {
      await ctx.clients.oms.patchInvoiceTracking(record.orderId, record.invoiceNumber, outcome.invoicePatch)
      written.trackingUrl = outcome.invoicePatch.trackingUrl
      written.invoicePatchedAt = new Date(now).toISOString()
      summary.orderWrites += 1
    }
    if (outcome.trackingUpdate) {
      await ctx.clients.oms.putTracking(record.orderId, record.invoiceNumber, outcome.trackingUpdate)
      summary.orderWrites += 1
    }
  } catch (error) {
    const reason = httpStatusOf(error) === 404 ? 'order_invoice_not_found' : 'order_write_failed'
    const typed = asPlatformError('oms', error)
    ctx.vtex.logger.error({ message: 'writing tracking to the order failed', ...log, reason, error: String(typed) })
    countError(summary, reason)
    // Keep what was written; the carrier data is fetched again and re-written on the next try.
    await registry.patch(record.id, {
      ...written,
      ...applyCheckFailure(record, { reason, message: messageOf(typed) }, checkCtx(settings, now)),
    })
    return
  }

  await registry.patch(record.id, { ...outcome.patch, ...written })
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
}

async function recordFailures(
  ctx: AppContext,
  registry: ShipmentRegistry,
  settings: AppSettings,
  batch: ShipmentRecord[],
  error: unknown,
  summary: CheckSummary,
  stats: CarrierStats
): Promise<void> {
  const typed = error instanceof AppError ? error : undefined
  if (!typed) {
    // A programming error, not a carrier problem: still recorded per shipment, never dropped.
    ctx.vtex.logger.error({ message: 'unexpected error while checking shipments', error: String(error) })
  }
  const reason = typed?.reason ?? 'unexpected_error'
  const retryAfterMs = error instanceof CarrierRateLimitedError ? error.retryAfterMs : undefined
  const now = Date.now()
  stats.errors += batch.length
  stats.lastError = `${reason}: ${messageOf(error)}`
  for (const record of batch) {
    countError(summary, reason)
    ctx.vtex.logger.warn({
      message: 'carrier check failed',
      orderId: record.orderId,
      trackingNumber: record.trackingNumber,
      carrier: record.carrier,
      reason,
      retryAfterMs,
    })
    await registry.patch(
      record.id,
      applyCheckFailure(record, { reason, message: messageOf(error), retryAfterMs }, checkCtx(settings, now))
    )
  }
}

function groupByCarrier(records: readonly ShipmentRecord[]): Map<CarrierCode, ShipmentRecord[]> {
  const groups = new Map<CarrierCode, ShipmentRecord[]>()
  for (const record of records) {
    if (record.state !== 'active' || record.carrier === null || record.trackingNumber === null) continue
    const group = groups.get(record.carrier) ?? []
    group.push(record)
    groups.set(record.carrier, group)
  }
  return groups
}

const checkCtx = (settings: AppSettings, now: number) => ({
  now,
  pollingIntervalHours: settings.pollingIntervalHours,
  trackingWindowDays: settings.trackingWindowDays,
})

function countError(summary: CheckSummary, reason: string): void {
  summary.errors += 1
  summary.errorsByReason[reason] = (summary.errorsByReason[reason] ?? 0) + 1
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
