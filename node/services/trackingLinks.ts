import type { ShipmentRegistry } from '../registry/shipmentRegistry'
import type { RegistrationContext } from '../tracking/newShipment'
import { resolveCarrier } from '../tracking/resolveCarrier'
import { recheckLater } from '../tracking/schedulePolicy'
import type { ShipmentRecord } from '../tracking/shipment'
import { linkInvoicePatch } from '../tracking/trackingLink'
import type { AppContext } from '../typings/context'
import { messageOf } from './checks/summary'
import { asPlatformError } from './platformErrors'

/** A link-only shipment whose tracking page is not on its invoice yet (Master Data omits null fields). */
export const needsTrackingLink = (record: ShipmentRecord): boolean =>
  record.state === 'link_only' && (record.trackingUrl ?? null) === null && (record.nextCheckAt ?? null) !== null

/**
 * Writes the merchant's tracking page (settings `trackingLinks`) to a link-only shipment's invoice,
 * so VTEX has number and URL for its shipping email although nobody polls the courier. Returns
 * whether it was written; a failed write is recorded and stays due, for the sweep to retry.
 */
export async function writeTrackingLink(
  ctx: AppContext,
  registry: ShipmentRegistry,
  record: ShipmentRecord,
  rules: RegistrationContext
): Promise<boolean> {
  const resolution = resolveCarrier(record.courierName, record.trackingNumber, rules)
  const patch = resolution.via === 'tracking_link' ? linkInvoicePatch(record, resolution.urlTemplate) : undefined
  if (patch === undefined) return false
  const log = { orderId: record.orderId, invoiceNumber: record.invoiceNumber, trackingNumber: record.trackingNumber }
  const nowIso = new Date(rules.now).toISOString()
  try {
    await ctx.clients.oms.patchInvoiceTracking(record.orderId, record.invoiceNumber, patch)
  } catch (error) {
    const typed = asPlatformError('oms', error)
    ctx.vtex.logger.error({ message: 'writing the tracking link to the invoice failed', ...log, error: String(typed) })
    await registry.patch(record.id, {
      consecutiveErrors: record.consecutiveErrors + 1,
      lastErrorReason: 'order_write_failed',
      lastErrorMessage: messageOf(typed),
      lastErrorAt: nowIso,
      nextCheckAt: new Date(recheckLater(rules.now, rules.pollingIntervalHours)).toISOString(),
      nextCheckReason: 'tracking_link_pending',
    })
    return false
  }
  await registry.patch(record.id, {
    trackingUrl: patch.trackingUrl,
    invoicePatchedAt: nowIso,
    lastOmsWriteAt: nowIso,
    consecutiveErrors: 0,
    lastErrorReason: null,
    lastErrorMessage: null,
    nextCheckAt: null,
    nextCheckReason: 'tracking_link_written',
  })
  ctx.vtex.logger.info({ message: 'tracking link written to the invoice', ...log })
  return true
}
