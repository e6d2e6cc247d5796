import { Readable } from 'stream'

import { parseCsvOptions } from '../../services/admin/csvOptions'
import { exportCsv } from '../../services/admin/exportCsv'
import { listShipments } from '../../services/admin/listShipments'
import { isShipmentId, shipmentDetail } from '../../services/admin/shipmentDetail'
import { shipmentEmails } from '../../services/admin/shipmentEmails'
import { parseFilter, parseListQuery } from '../../services/admin/shipmentQuery'
import type { RouteContext } from '../../typings/context'
import { notFound, queryOf, routeParam } from './requestInput'

/** GET /_v/private/order-tracking/admin/shipments */
export async function shipmentList(ctx: RouteContext): Promise<void> {
  ctx.body = await listShipments(ctx, parseListQuery(queryOf(ctx)))
}

/** GET /_v/private/order-tracking/admin/shipments/:id */
export async function shipmentById(ctx: RouteContext): Promise<void> {
  const id = routeParam(ctx, 'id')
  const shipment = await shipmentDetail(ctx, id)
  if (shipment === null) return notFound(ctx, id)
  ctx.body = { shipment }
}

/** GET /_v/private/order-tracking/admin/shipments/:id/emails: the shipment's email audit. */
export async function shipmentEmailAudit(ctx: RouteContext): Promise<void> {
  const id = routeParam(ctx, 'id')
  if (!isShipmentId(id)) return notFound(ctx, id)
  ctx.body = { emails: await shipmentEmails(ctx, id) }
}

/** GET /_v/private/order-tracking/admin/shipments.csv: the table's filter, streamed as CSV. */
export async function shipmentsCsv(ctx: RouteContext): Promise<void> {
  const file = await exportCsv(ctx, parseFilter(queryOf(ctx)), parseCsvOptions(queryOf(ctx)))
  ctx.set('Content-Type', 'text/csv; charset=utf-8')
  ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`)
  ctx.set('X-Export-Total', String(file.total))
  ctx.set('X-Export-Rows', String(file.exported))
  ctx.set('X-Export-Truncated', String(file.truncated))
  ctx.body = Readable.from(file.lines)
}
