import { ShipmentRegistry } from '../../registry/shipmentRegistry'
import { attentionCutoffs } from '../../tracking/attention'
import type { AppContext } from '../../typings/context'
import { loadSettings } from '../settings'
import type { AdminUser } from './adminAuth'
import type { IncidentAckInput } from './incidentAck'
import { incidentAck } from './incidentAck'
import { secretRedactor } from './secrets'
import { isShipmentId } from './shipmentDetail'
import type { ShipmentDetail } from './shipmentViews'
import { toDetail } from './shipmentViews'
import { loadStoreTimeZone } from '../storeCalendar'

/** Resolves or snoozes one incident of a shipment (any shipment: awaiting ones have no number). */
export async function ackIncident(
  ctx: AppContext,
  id: string,
  input: IncidentAckInput,
  admin: AdminUser
): Promise<ShipmentDetail | null> {
  if (!isShipmentId(id)) return null
  const settings = await loadSettings(ctx)
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  await registry.ensureSchema()
  const record = await registry.get(id)
  if (record === null) return null
  const now = Date.now()
  const cutoffs = attentionCutoffs(now, settings.stuckAfterHours, await loadStoreTimeZone(ctx, settings))
  const patch = incidentAck(record, input, { now, by: admin.email, cutoffs })
  await registry.patch(id, patch)
  ctx.vtex.logger.info({
    message: `admin ${input.action === 'resolve' ? 'resolved' : 'snoozed'} an incident`,
    orderId: record.orderId,
    trackingNumber: record.trackingNumber,
    kind: input.kind,
    until: input.until,
    by: admin.email,
  })
  return toDetail({ ...record, ...patch }, cutoffs, secretRedactor(settings))
}
