import { chartsCached } from '../../services/admin/charts'
import { buildOverview } from '../../services/admin/overview'
import type { RouteContext } from '../../typings/context'

/** GET /_v/private/order-tracking/admin/overview */
export async function overview(ctx: RouteContext): Promise<void> {
  ctx.body = await buildOverview(ctx)
}

/** GET /_v/private/order-tracking/admin/charts (cached for 15 minutes) */
export async function charts(ctx: RouteContext): Promise<void> {
  ctx.body = await chartsCached(ctx)
}
