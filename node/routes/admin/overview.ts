import { buildCharts } from '../../services/admin/charts'
import { buildOverview } from '../../services/admin/overview'
import type { RouteContext } from '../../typings/context'

/** GET /_v/private/order-tracking/admin/overview */
export async function overview(ctx: RouteContext): Promise<void> {
  ctx.body = await buildOverview(ctx)
}

/** GET /_v/private/order-tracking/admin/charts */
export async function charts(ctx: RouteContext): Promise<void> {
  ctx.body = await buildCharts(ctx)
}
