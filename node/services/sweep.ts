import { ShipmentRegistry } from '../registry/shipmentRegistry'
import type { AppContext } from '../typings/context'
import { checkShipments, emptySummary } from './checkShipments'
import { acquireLease } from './lease'
import { recheckWaiting } from './recheckWaiting'
import { reconcileRecentOrders } from './reconcile'
import { loadSettings } from './settings'
import type { SweepStatus } from './sweepStatus'
import { saveSweepStatus } from './sweepStatus'

const PAGE_SIZE = 100
/** The lease outlives a stalled renewal by this much; renewed every third of it. */
const LEASE_TTL_MS = 60_000

export type SweepResult = { skipped: 'another_sweep_running' } | ({ skipped?: undefined } & SweepStatus)

/**
 * One scheduled run: takes due shipments page by page (always the first page of a sorted
 * due-query, so no deep paging), checks them, and stops inside the time budget, saying how far it
 * got. A VBase lease keeps overlapping runs from polling or writing anything twice.
 */
export async function runSweep(ctx: AppContext, budgetMs: number): Promise<SweepResult> {
  const settings = await loadSettings(ctx)
  const lease = await acquireLease(ctx.clients.vbase, LEASE_TTL_MS)
  if (!lease) return { skipped: 'another_sweep_running' }
  const stopRenewing = lease.keepAlive((error) =>
    ctx.vtex.logger.warn({ message: 'could not renew the sweep lease', error: String(error) })
  )

  const started = Date.now()
  const deadline = started + budgetMs
  const status: SweepStatus = {
    ...emptySummary(),
    running: true,
    startedAt: new Date(started).toISOString(),
    finishedAt: null,
    durationMs: null,
    rechecked: 0,
    reconciled: 0,
    complete: false,
    stoppedBecause: null,
  }
  try {
    const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
    await registry.ensureSchema()
    await saveSweepStatus(ctx.clients.vbase, status)
    status.reconciled = await reconcileRecentOrders(ctx, settings, deadline).catch((error: unknown) => {
      // Reconciliation is a safety net: its failure must not stop the checks themselves.
      ctx.vtex.logger.warn({ message: 'reconciliation skipped', error: String(error) })
      return 0
    })
    const seen = new Set<string>()

    while (Date.now() < deadline) {
      const due = (await registry.findDue(new Date().toISOString(), PAGE_SIZE)).filter((r) => !seen.has(r.id))
      if (due.length === 0) {
        status.stoppedBecause = 'nothing_due'
        status.complete = true
        break
      }
      due.forEach((r) => seen.add(r.id))
      const waiting = due.filter((r) => r.state === 'awaiting_tracking' || r.state === 'unresolved_carrier')
      const active = due.filter((r) => r.state === 'active')
      status.rechecked += waiting.length
      const nowTrackable = waiting.length > 0 ? await recheckWaiting(ctx, settings, waiting, deadline) : []
      nowTrackable.forEach((r) => seen.add(r.id))
      await checkShipments(ctx, settings, [...active, ...nowTrackable], status, { deadline, onlyDue: true })
      await saveSweepStatus(ctx.clients.vbase, status).catch((error: unknown) =>
        ctx.vtex.logger.warn({ message: 'could not save sweep progress', error: String(error) })
      )
    }
    if (!status.complete) status.stoppedBecause = 'time_budget'
  } finally {
    // Every check above has settled (checkShipments waits for all of its work): only now may
    // another sweep start.
    stopRenewing()
    status.running = false
    status.finishedAt = new Date().toISOString()
    status.durationMs = Date.now() - started
    await saveSweepStatus(ctx.clients.vbase, status).catch((error: unknown) =>
      ctx.vtex.logger.warn({ message: 'could not save sweep status', error: String(error) })
    )
    await lease.release()
  }
  ctx.vtex.logger.info({ message: 'sweep finished', ...status, carriers: undefined })
  return status
}
