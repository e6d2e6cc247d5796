import type { AppContext } from '../../typings/context'
import { acquireLease } from '../lease'
import { reconcileRecentOrders } from '../reconcile'
import { loadSettings } from '../settings'
import { deadlineIn } from '../budget'

/** The IO event key the sweep fires so that reconciliation runs beside the checks, not before them. */
export const RECONCILE_EVENT = 'reconcile'
/**
 * Reconciliation's own time budget (reconcile.ts spends a share of it reading lists, saves where it
 * stopped, and checks what it registered by the deadline): with the checks' write grace, the event
 * ends well inside service.json's 30 s timeout.
 */
const RECONCILE_BUDGET_MS = 15_000
const LEASE_FILE = 'reconcile-lease.json'

/** Asks for a reconciliation pass; reconcile.ts itself decides whether one is due (hourly). */
export async function requestReconciliation(ctx: AppContext): Promise<void> {
  await ctx.clients.events.sendEvent('', RECONCILE_EVENT, { requestedAt: new Date().toISOString() })
}

/** One pass at a time per account, however many replicas get the event. */
export async function runReconciliation(ctx: AppContext): Promise<number> {
  const lease = await acquireLease(ctx.clients.vbase, RECONCILE_BUDGET_MS + 30_000, LEASE_FILE)
  if (!lease) return 0
  try {
    const settings = await loadSettings(ctx)
    return await reconcileRecentOrders(ctx, settings, deadlineIn(RECONCILE_BUDGET_MS))
  } finally {
    await lease.release()
  }
}
