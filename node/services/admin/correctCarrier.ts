import { CARRIER_CODES, isCarrierCode } from '../../carriers'
import type { CarrierCode } from '../../tracking/carrierResult'
import { attentionCutoffs } from '../../tracking/attention'
import type { ShipmentPatch, ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import { AdminRequestError } from './adminErrors'
import type { AdminUser } from './adminAuth'
import { secretRedactor } from './secrets'
import { loadShipmentForAction } from './shipmentAction'
import type { ShipmentDetail } from './shipmentViews'
import { toDetail } from './shipmentViews'
import { loadStoreTimeZone } from '../storeCalendar'

export function parseCarrier(body: unknown): CarrierCode {
  const carrier = (body as { carrier?: unknown } | null)?.carrier
  if (!isCarrierCode(carrier)) {
    throw new AdminRequestError('invalid_carrier', `carrier must be one of ${CARRIER_CODES.join(', ')}`)
  }
  return carrier
}

/**
 * The admin says which carrier really has the package: tracking starts over with that carrier,
 * due now (an unresolved shipment becomes active). What the previous carrier reported is dropped,
 * and so is a tracking URL the app itself wrote to the invoice (the merchant's own URL stays).
 */
export async function correctCarrier(
  ctx: AppContext,
  id: string,
  carrier: CarrierCode,
  admin: AdminUser
): Promise<ShipmentDetail | null> {
  const loaded = await loadShipmentForAction(
    ctx,
    id,
    'This package has no tracking number yet; the carrier can be set once the invoice has one'
  )
  if (loaded === null) return null
  const { settings, registry, record } = loaded
  const now = Date.now()
  const patch = carrierCorrection(record, carrier, admin.email, now)
  await registry.patch(id, patch)
  ctx.vtex.logger.info({
    message: 'admin corrected the carrier',
    orderId: record.orderId,
    trackingNumber: record.trackingNumber,
    from: record.carrier,
    to: carrier,
    by: admin.email,
  })
  return toDetail(
    { ...record, ...patch },
    attentionCutoffs(now, settings.stuckAfterHours, await loadStoreTimeZone(ctx, settings)),
    secretRedactor(settings)
  )
}

export function carrierCorrection(
  record: ShipmentRecord,
  carrier: CarrierCode,
  by: string,
  now: number
): ShipmentPatch {
  const appWroteUrl = record.invoicePatchedAt !== null && record.invoicePatchedAt !== undefined
  return {
    carrier,
    state: 'active',
    status: 'PENDING',
    substatus: null,
    events: [],
    eventsHash: null,
    lastWrittenHash: null,
    lastEventAt: null,
    lastEventDescription: null,
    lastEventLocation: null,
    firstEventAt: null,
    estimatedDelivery: null,
    deliveredAt: null,
    nextCheckAt: new Date(now).toISOString(),
    nextCheckReason: 'carrier_corrected',
    consecutiveErrors: 0,
    lastErrorReason: null,
    lastErrorMessage: null,
    lastErrorAt: null,
    lastManualActionBy: by,
    carrierSetBy: by,
    ...(appWroteUrl ? { trackingUrl: null, invoicePatchedAt: null } : {}),
  }
}
