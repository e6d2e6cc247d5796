import { ShipmentRegistry } from '../registry/shipmentRegistry'
import type { AppContext } from '../typings/context'
import { emptySummary } from './checkShipments'
import { dispatchDue } from './fanout/dispatchDue'
import { requestReconciliation } from './fanout/reconcileEvent'
import { acquireLease } from './lease'
import type { SweepStatus } from './sweepStatus'
import { saveSweepStatus } from './sweepStatus'
import { deadlineIn, monotonicNow } from './budget'

/** The lease outlives a stalled renewal by this much; renewed every third of it. */
const LEASE_TTL_MS = 60_000

export type SweepResult = { skipped: 'another_sweep_running' } | ({ skipped?: undefined } & SweepStatus)

/**
 * One scheduled run: walks the due shipments and fires them to the app itself as batch events
 * (see fanout/dispatchDue), asks for the hourly reconciliation as an event of its own, and stops
 * inside the time budget, saying how far it got. It never calls a carrier, so it answers in
 * seconds whatever the carriers do. A VBase lease keeps overlapping runs from firing twice.
 */
export async function runSweep(ctx: AppContext, budgetMs: number): Promise<SweepResult> {
  const lease = await acquireLease(ctx.clients.vbase, LEASE_TTL_MS)
  if (!lease) return { skipped: 'another_sweep_running' }
  const stopRenewing = lease.keepAlive((error) =>
    ctx.vtex.logger.warn({ message: 'could not renew the sweep lease', error: String(error) })
  )

  const started = Date.now()
  const startedReal = monotonicNow()
  const deadline = deadlineIn(budgetMs)
  const status: SweepStatus = {
    ...emptySummary(),
    running: true,
    startedAt: new Date(started).toISOString(),
    finishedAt: null,
    durationMs: null,
    rechecked: 0,
    reconciled: 0,
    dispatched: 0,
    batches: 0,
    complete: false,
    stoppedBecause: null,
  }
  try {
    const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
    await registry.ensureSchema()
    await saveSweepStatus(ctx.clients.vbase, status)
    await requestReconciliation(ctx)
    const dispatch = await dispatchDue(ctx, registry, new Date(started).toISOString(), deadline)
    status.dispatched = dispatch.dispatched
    status.batches = dispatch.batches
    status.complete = dispatch.complete
    status.stoppedBecause = dispatch.complete ? 'nothing_due' : 'time_budget'
  } finally {
    // Every check above has settled (checkShipments waits for all of its work): only now may
    // another sweep start.
    stopRenewing()
    status.running = false
    status.finishedAt = new Date().toISOString()
    status.durationMs = Math.round(monotonicNow() - startedReal)
    await saveSweepStatus(ctx.clients.vbase, status).catch((error: unknown) =>
      ctx.vtex.logger.warn({ message: 'could not save sweep status', error: String(error) })
    )
    await lease.release()
  }
  ctx.vtex.logger.info({ message: 'sweep finished', ...status, carriers: undefined })
  return status
}
