import { startBackfill } from '../../services/backfill/startBackfill'
import type { RouteContext } from '../../typings/context'

/** POST /_v/private/order-tracking/admin/backfill: starts (or joins) a backfill; answers at once. */
export async function requestBackfill(ctx: RouteContext): Promise<void> {
  const started = await startBackfill(ctx, 'admin')
  ctx.status = started.outcome === 'running' ? 200 : 202
  ctx.body = started
}
