import type { AppSettings } from '../settings/appSettings'
import type { ShipmentRecord } from '../tracking/shipment'
import type { AppContext } from '../typings/context'
import { checkShipments } from './checkShipments'
import type { ListWindow } from './orderWindows'
import { readNextPage } from './orderWindows'
import { registerListedOrders } from './registerListed'
import { monotonicNow, timeLeft } from './budget'

const BUCKET = 'sweep'
const FILE = 'reconcile.json'
const EVERY_MS = 3600_000
/** First run looks this far back; later windows overlap the previous one to cover the list's indexing lag. */
const FIRST_LOOKBACK_MS = 2 * 24 * 3600_000
const OVERLAP_MS = 15 * 60_000
/** Orders still in handling are read when created this recently (partially invoiced ones among them). */
const HANDLING_LOOKBACK_MS = 30 * 24 * 3600_000
/** Reading lists takes at most this share of the time; the rest checks what they registered. */
const BUDGET_SHARE = 0.6
/** An order that keeps failing is retried on this many runs, then given up on (and logged). */
const MAX_ATTEMPTS = 5
const MAX_RETRY = 500
const PAGE = 100

interface ReconcileState {
  /** When the last run started (runs are hourly, unless one left work unfinished). */
  lastRunAt: string
  /** Invoiced orders up to here are reconciled or in `pending`: the next window starts here. */
  coveredUntil?: string
  /** Windows a run did not finish before its deadline, resumed first. */
  pending?: ListWindow[]
  /** Orders whose registration failed, retried on the next runs. */
  retry?: Array<{ orderId: string; attempts: number }>
}

/**
 * The safety net for what order events miss, run from the sweep: orders invoiced since the last
 * run whose `invoiced` event never arrived (delivery is at-least-once, and an outage can outlast
 * the retries), and packages of orders still in handling, invoiced one by one, which fire no
 * event at all until the last one. Reads every page of each window (splitting windows past the
 * list's 30 pages), resumes where it stopped, and retries failing orders without blocking on them.
 * Checks what it registers at once. Returns how many orders it registered packages of.
 */
export async function reconcileRecentOrders(ctx: AppContext, settings: AppSettings, deadline: number): Promise<number> {
  const started = Date.now()
  const stopAt = monotonicNow() + Math.max(0, timeLeft(deadline)) * BUDGET_SHARE
  const state = await ctx.clients.vbase.getJSON<ReconcileState | null>(BUCKET, FILE, true)
  const pending = state?.pending ?? []
  const lastRun = state ? Date.parse(state.lastRunAt) : NaN
  if (pending.length === 0 && Number.isFinite(lastRun) && started - lastRun < EVERY_MS) return 0

  const nowIso = new Date(started).toISOString()
  const covered = Date.parse(state?.coveredUntil ?? state?.lastRunAt ?? '')
  const queue = [...pending]
  const invoicedFrom = Number.isFinite(covered) ? covered - OVERLAP_MS : started - FIRST_LOOKBACK_MS
  queue.push({ pass: 'invoiced', fromIso: new Date(invoicedFrom).toISOString(), toIso: nowIso, page: 1 })
  if (!queue.some((w) => w.pass === 'handling')) {
    queue.push({
      pass: 'handling',
      fromIso: new Date(started - HANDLING_LOOKBACK_MS).toISOString(),
      toIso: nowIso,
      page: 1,
    })
  }

  const retry = new Map((state?.retry ?? []).map((r) => [r.orderId, r.attempts]))
  const due: ShipmentRecord[] = []
  let registered = 0
  const register = async (orderIds: string[]): Promise<void> => {
    const outcome = await registerListedOrders(ctx, settings, orderIds)
    due.push(...outcome.due)
    registered += outcome.registeredOrders
    orderIds.filter((id) => !outcome.failed.includes(id)).forEach((id) => retry.delete(id))
    outcome.failed.forEach((id) => retry.set(id, (retry.get(id) ?? 0) + 1))
  }

  const retrying = [...retry.keys()]
  try {
    for (let i = 0; i < retrying.length && monotonicNow() < stopAt; i += PAGE)
      await register(retrying.slice(i, i + PAGE))
    while (queue.length > 0 && monotonicNow() < stopAt) await register(await readNextPage(ctx.clients.oms, queue))
  } finally {
    // Saved even when a list call failed: the queue still holds the window at the page it stopped.
    await ctx.clients.vbase.saveJSON<ReconcileState>(BUCKET, FILE, {
      lastRunAt: nowIso,
      coveredUntil: nowIso,
      pending: queue,
      retry: keptRetries(ctx, retry),
    })
  }
  // Bounded like every check: what is not checked by the deadline stays due for the next sweep.
  if (due.length > 0) await checkShipments(ctx, settings, due, undefined, { deadline })
  return registered
}

function keptRetries(ctx: AppContext, retry: Map<string, number>): ReconcileState['retry'] {
  const kept: NonNullable<ReconcileState['retry']> = []
  for (const [orderId, attempts] of retry) {
    if (attempts < MAX_ATTEMPTS && kept.length < MAX_RETRY) kept.push({ orderId, attempts })
    else ctx.vtex.logger.error({ message: 'reconciliation gave up on an order', orderId, attempts })
  }
  return kept
}
