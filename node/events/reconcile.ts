import { runReconciliation } from '../services/fanout/reconcileEvent'
import type { AppEventContext } from '../typings/context'

/** The hourly safety net for events that never arrived and packages invoiced one by one. */
export async function reconcile(ctx: AppEventContext): Promise<void> {
  const registered = await runReconciliation(ctx)
  if (registered > 0) ctx.vtex.logger.info({ message: 'reconciliation registered packages', registered })
}
