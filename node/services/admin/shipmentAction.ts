import { ShipmentRegistry } from '../../registry/shipmentRegistry'
import type { AppSettings } from '../../settings/appSettings'
import type { ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import { loadSettings } from '../settings'
import { AdminRequestError } from './adminErrors'
import { isShipmentId } from './shipmentDetail'

export interface ShipmentAction {
  settings: AppSettings
  registry: ShipmentRegistry
  record: ShipmentRecord & { trackingNumber: string }
}

/**
 * What every admin action on one shipment starts with: settings, the registry, and the record,
 * which must have a tracking number (VTEX accepts tracking only for invoices that have one).
 * null when the id is malformed or unknown (the route answers 404).
 */
export async function loadShipmentForAction(
  ctx: AppContext,
  id: string,
  noNumberMessage: string
): Promise<ShipmentAction | null> {
  if (!isShipmentId(id)) return null
  const settings = await loadSettings(ctx)
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  await registry.ensureSchema()
  const record = await registry.get(id)
  if (record === null) return null
  if (!record.trackingNumber) throw new AdminRequestError('no_tracking_number', noNumberMessage)
  return { settings, registry, record: { ...record, trackingNumber: record.trackingNumber } }
}
