import { ShipmentRegistry } from '../../registry/shipmentRegistry'
import { attentionCutoffs } from '../../tracking/attention'
import type { AppContext } from '../../typings/context'
import { loadSettings } from '../settings'
import { secretRedactor } from './secrets'
import type { ShipmentDetail } from './shipmentViews'
import { toDetail } from './shipmentViews'
import { loadStoreTimeZone } from '../storeCalendar'

/** Registry ids are 40 lower-case hex characters (registry/shipmentId.ts). */
export const isShipmentId = (id: string): boolean => /^[0-9a-f]{40}$/.test(id)

/** Everything stored about one shipment (timeline, raw carrier codes, order writes, next check). */
export async function shipmentDetail(ctx: AppContext, id: string): Promise<ShipmentDetail | null> {
  if (!isShipmentId(id)) return null
  const settings = await loadSettings(ctx)
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  await registry.ensureSchema()
  const record = await registry.get(id)
  if (record === null) return null
  return toDetail(
    record,
    attentionCutoffs(Date.now(), settings.stuckAfterHours, await loadStoreTimeZone(ctx, settings)),
    secretRedactor(settings)
  )
}
