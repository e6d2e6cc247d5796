import { ForbiddenError } from '../errors'
import { isSchedulerSecret } from '../services/schedulerSetup'
import { runSweep } from '../services/sweep'
import type { RouteContext } from '../typings/context'

/** service.json gives the route 30 s; stop starting new work well before that. */
const SWEEP_BUDGET_MS = 20_000

/** Only the VTEX scheduler (holding the secret generated on install) may start a sweep. */
export async function verifySchedulerSecret(ctx: RouteContext, next: () => Promise<void>): Promise<void> {
  if (!(await isSchedulerSecret(ctx, ctx.get('authorization')))) {
    throw new ForbiddenError('missing or wrong scheduler secret', 401)
  }
  await next()
}

export async function sweep(ctx: RouteContext): Promise<void> {
  const result = await runSweep(ctx, SWEEP_BUDGET_MS)
  ctx.set('Cache-Control', 'no-store')
  ctx.status = result.skipped ? 202 : 200
  ctx.body = result
}
