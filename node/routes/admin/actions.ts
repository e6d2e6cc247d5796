import { ackIncident } from '../../services/admin/ackIncident'
import { correctCarrier, parseCarrier } from '../../services/admin/correctCarrier'
import { parseIncidentAck } from '../../services/admin/incidentAck'
import { parseManualStatus } from '../../services/admin/manualStatus'
import { parseRefreshIds, refreshShipments } from '../../services/admin/refreshShipments'
import { setManualStatus } from '../../services/admin/setManualStatus'
import type { RouteContext } from '../../typings/context'
import { notFound, readJsonBody, routeParam } from './requestInput'
import { adminOf } from './requireAdmin'

/** POST /_v/private/order-tracking/admin/refresh-shipments `{ ids }` */
export async function refreshNow(ctx: RouteContext): Promise<void> {
  const ids = parseRefreshIds(await readJsonBody(ctx))
  ctx.body = await refreshShipments(ctx, ids, adminOf(ctx))
}

/** POST /_v/private/order-tracking/admin/shipments/:id/carrier `{ carrier }` */
export async function setCarrier(ctx: RouteContext): Promise<void> {
  const id = routeParam(ctx, 'id')
  const carrier = parseCarrier(await readJsonBody(ctx))
  const shipment = await correctCarrier(ctx, id, carrier, adminOf(ctx))
  if (shipment === null) return notFound(ctx, id)
  ctx.body = { shipment }
}

/** POST /_v/private/order-tracking/admin/shipments/:id/status `{ status, deliveredAt?, internalNote?, customerMessage? }` */
export async function setStatus(ctx: RouteContext): Promise<void> {
  const id = routeParam(ctx, 'id')
  const input = parseManualStatus(await readJsonBody(ctx), Date.now())
  const shipment = await setManualStatus(ctx, id, input, adminOf(ctx))
  if (shipment === null) return notFound(ctx, id)
  ctx.body = { shipment }
}

/** POST /_v/private/order-tracking/admin/shipments/:id/incidents `{ kind, action, reason, until? }` */
export async function actOnIncident(ctx: RouteContext): Promise<void> {
  const id = routeParam(ctx, 'id')
  const input = parseIncidentAck(await readJsonBody(ctx), Date.now())
  const shipment = await ackIncident(ctx, id, input, adminOf(ctx))
  if (shipment === null) return notFound(ctx, id)
  ctx.body = { shipment }
}
