import { AppError } from '../errors'
import { ShipmentRegistry } from '../registry/shipmentRegistry'
import type { AppSettings } from '../settings/appSettings'
import { recheckLater } from '../tracking/schedulePolicy'
import type { ShipmentRecord } from '../tracking/shipment'
import type { AppContext } from '../typings/context'
import { loadOrder, registerShipments } from './registerShipments'
import { monotonicNow } from './budget'

/**
 * Re-reads the orders of shipments that had no tracking number or no carrier. A number PATCHed
 * onto an invoice later fires no order event, so only this pass can find it. Returns the
 * shipments that became trackable, for the caller to check now.
 */
export async function recheckWaiting(
  ctx: AppContext,
  settings: AppSettings,
  waiting: readonly ShipmentRecord[],
  deadline = Number.POSITIVE_INFINITY
): Promise<ShipmentRecord[]> {
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  const now = Date.now()
  const trackable: ShipmentRecord[] = []
  const byOrder = new Map<string, ShipmentRecord[]>()
  for (const record of waiting) byOrder.set(record.orderId, [...(byOrder.get(record.orderId) ?? []), record])

  for (const [orderId, records] of byOrder) {
    // Out of time: the rest stay due and are re-read by the next run.
    if (monotonicNow() >= deadline) break
    let becameDue: Set<string>
    try {
      const outcome = await registerShipments(ctx, await loadOrder(ctx, orderId), settings)
      trackable.push(...outcome.due)
      // Due now, or link-only with its tracking page just written: neither is waiting any more.
      becameDue = new Set([...outcome.due.map((r) => r.id), ...outcome.linked])
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      ctx.vtex.logger.warn({ message: 'could not re-read order', orderId, reason: error.reason })
      for (const record of records) {
        await registry.patch(record.id, {
          lastErrorReason: error.reason,
          lastErrorMessage: error.message,
          lastErrorAt: new Date(now).toISOString(),
          consecutiveErrors: record.consecutiveErrors + 1,
          ...stillWaiting(record, settings, now),
        })
      }
      continue
    }
    for (const record of records) {
      if (!becameDue.has(record.id)) await registry.patch(record.id, stillWaiting(record, settings, now))
    }
  }
  return trackable
}

/** Still no number/carrier (or link not written): look again later, or flag it once the tracking window has closed. */
function stillWaiting(record: ShipmentRecord, settings: AppSettings, now: number) {
  const windowEnd = Date.parse(record.invoicedAt) + settings.trackingWindowDays * 24 * 3600_000
  if (now >= windowEnd) {
    return {
      state: 'expired' as const,
      status: 'EXPIRED' as const,
      nextCheckAt: null,
      nextCheckReason: 'window_closed',
    }
  }
  const at = Math.min(recheckLater(now, settings.pollingIntervalHours), windowEnd)
  return { nextCheckAt: new Date(at).toISOString(), nextCheckReason: record.state }
}
