import { startBackfill } from '../services/backfill/startBackfill'
import { installScheduler, uninstallScheduler } from '../services/schedulerSetup'
import type { AppEventContext } from '../typings/context'
import type { AppSetupBody } from '../typings/events'

const ownName = (): string => `${process.env.VTEX_APP_VENDOR}.${process.env.VTEX_APP_NAME}`

/**
 * `apps` setup event: install/update schedules the sweep and starts the backfill of the orders
 * invoiced in the tracking window before now (an update finds them registered: a no-op); uninstall
 * removes the schedule.
 */
export async function onAppSetup(ctx: AppEventContext): Promise<void> {
  const body = (ctx.body ?? {}) as AppSetupBody
  const isOwn = (id: string | undefined): boolean => typeof id === 'string' && id.startsWith(`${ownName()}@`)
  if (isOwn(body.to?.id)) {
    await installScheduler(ctx)
    await startBackfill(ctx, 'install')
    return
  }
  if (isOwn(body.from?.id) && !body.to) await uninstallScheduler(ctx)
}
