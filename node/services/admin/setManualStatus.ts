import { attentionCutoffs } from '../../tracking/attention'
import type { AppContext } from '../../typings/context'
import type { TrackingUpdate } from '../../typings/orders'
import type { ShipmentRecord } from '../../tracking/shipment'
import { asPlatformError, httpStatusOf } from '../platformErrors'
import { AdminRequestError } from './adminErrors'
import type { AdminUser } from './adminAuth'
import type { ManualStatusInput } from './manualStatus'
import { manualStatusUpdate } from './manualStatus'
import { secretRedactor } from './secrets'
import { loadShipmentForAction } from './shipmentAction'
import type { ShipmentDetail } from './shipmentViews'
import { toDetail } from './shipmentViews'
import { notifyShipment } from '../notifications/notifyShipment'
import { loadStoreTimeZone } from '../storeCalendar'

/**
 * Sets a status by hand (mark delivered included): writes the order first, through the same
 * tracking PUT a carrier check uses, then the registry, so a failed write changes nothing.
 */
export async function setManualStatus(
  ctx: AppContext,
  id: string,
  input: ManualStatusInput,
  admin: AdminUser
): Promise<ShipmentDetail | null> {
  const loaded = await loadShipmentForAction(
    ctx,
    id,
    'VTEX accepts tracking updates only for invoices with a tracking number; this package has none yet'
  )
  if (loaded === null) return null
  const { settings, registry, record } = loaded
  const now = Date.now()
  const { patch, trackingUpdate } = manualStatusUpdate(record, input, {
    now,
    by: admin.email,
    pollingIntervalHours: settings.pollingIntervalHours,
    trackingWindowDays: settings.trackingWindowDays,
  })
  await writeTracking(ctx, record, trackingUpdate)
  // A status set by hand is news for the customer like a carrier's (never throws); its email
  // counts are saved with the status, in one registry write.
  const emails = await notifyShipment(ctx, {
    record: { ...record, ...patch },
    changed: true,
    invoicePatched: false,
    settings,
  })
  Object.assign(patch, emails)
  await registry.patch(id, patch)
  ctx.vtex.logger.info({
    message: 'admin set the status by hand',
    orderId: record.orderId,
    invoiceNumber: record.invoiceNumber,
    trackingNumber: record.trackingNumber,
    status: input.status,
    by: admin.email,
  })
  return toDetail(
    { ...record, ...patch },
    attentionCutoffs(now, settings.stuckAfterHours, await loadStoreTimeZone(ctx, settings)),
    secretRedactor(settings)
  )
}

async function writeTracking(ctx: AppContext, record: ShipmentRecord, update: TrackingUpdate): Promise<void> {
  try {
    await ctx.clients.oms.putTracking(record.orderId, record.invoiceNumber, update)
  } catch (error) {
    const typed = asPlatformError('oms', error)
    if (typed !== error) throw typed
    const status = httpStatusOf(error)
    ctx.vtex.logger.warn({ message: 'order refused the manual tracking update', orderId: record.orderId, status })
    if (status === 404) {
      throw new AdminRequestError(
        'order_invoice_not_found',
        `Order ${record.orderId} has no invoice ${record.invoiceNumber}`
      )
    }
    throw new AdminRequestError('order_write_rejected', `VTEX refused the tracking update (HTTP ${status ?? 'error'})`)
  }
}
