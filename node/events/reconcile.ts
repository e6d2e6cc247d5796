import { resumeStalledBackfill } from '../services/backfill/startBackfill'
import { runReconciliation } from '../services/fanout/reconcileEvent'
import type { AppEventContext } from '../typings/context'

/**
 * The hourly safety net for events that never arrived and packages invoiced one by one; also
 * resumes a backfill whose events were lost.
 */
export async function reconcile(ctx: AppEventContext): Promise<void> {
  await resumeStalledBackfill(ctx)
  const registered = await runReconciliation(ctx)
  if (registered > 0) ctx.vtex.logger.info({ message: 'reconciliation registered packages', registered })
}
