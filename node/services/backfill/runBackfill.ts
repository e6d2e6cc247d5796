import type { AppSettings } from '../../settings/appSettings'
import type { AppContext } from '../../typings/context'
import { CheckFanout } from '../fanout/checkFanout'
import { acquireLease } from '../lease'
import { readNextPage } from '../orderWindows'
import { registerListedOrders } from '../registerListed'
import { loadSettings } from '../settings'
import { BACKFILL_EVENT } from './startBackfill'
import type { BackfillState } from './state'
import { isDone, isWholeWindow } from './state'
import { readBackfill, saveBackfill } from './store'

/** One event's work: well inside service.json's 30 s, even with a slow slice at the end. */
const SLICE_BUDGET_MS = 15_000
const LEASE_FILE = 'backfill-lease.json'
/** Orders registered per step: progress is saved after each, so a lost event loses little. */
const STEP = 10

export type SliceOutcome = 'busy' | 'stale_event' | 'continued' | 'finished'

/**
 * One slice of a backfill run, in a `backfill` event: reads list pages and registers their
 * orders' packages (as reconciliation does, marked so old news sends no email), hands what can
 * be checked to the check-batch fan-out in full carrier batches, saves the cursor after every
 * step, then asks for the next slice. One slice at a time per account (a lease); a redelivered or
 * late event finds the cursor moved on, and registration ids are deterministic, so nothing is
 * registered twice. Shipments whose batch was never fired (a slice that died) are due at their
 * registration grace, and the sweep fires them.
 */
export async function runBackfillSlice(ctx: AppContext, runId: string): Promise<SliceOutcome> {
  const lease = await acquireLease(ctx.clients.vbase, SLICE_BUDGET_MS + 30_000, LEASE_FILE)
  if (!lease) return 'busy'
  let outcome: SliceOutcome = 'stale_event'
  try {
    const state = await readBackfill(ctx)
    if (state === null || state.runId !== runId || state.finishedAt !== null) return outcome
    const settings = await loadSettings(ctx)
    const fanout = new CheckFanout(ctx)
    await workUntil(ctx, settings, state, fanout, Date.now() + SLICE_BUDGET_MS)
    await fanout.flush()
    if (isDone(state)) state.finishedAt = new Date().toISOString()
    state.updatedAt = new Date().toISOString()
    await saveBackfill(ctx, state)
    outcome = state.finishedAt === null ? 'continued' : 'finished'
    ctx.vtex.logger.info({
      message: outcome === 'finished' ? 'backfill finished' : 'backfill slice done',
      runId,
      totalOrders: state.totalOrders,
      processedOrders: state.processedOrders,
      registeredOrders: state.registeredOrders,
      failedOrders: state.failedOrders.length,
    })
  } finally {
    await lease.release()
  }
  if (outcome === 'continued') await ctx.clients.events.sendEvent('', BACKFILL_EVENT, { runId })
  return outcome
}

async function workUntil(
  ctx: AppContext,
  settings: AppSettings,
  state: BackfillState,
  fanout: CheckFanout,
  deadline: number
): Promise<void> {
  while (Date.now() < deadline && !isDone(state)) {
    if (state.pendingOrders.length > 0) {
      await registerStep(ctx, settings, state, fanout, state.pendingOrders.slice(0, STEP))
      state.pendingOrders = state.pendingOrders.slice(STEP)
    } else if (state.queue.length > 0) {
      state.pendingOrders = await readNextPage(ctx.clients.oms, state.queue, (window, list) => {
        if (isWholeWindow(state, window)) state.totalOrders = list.paging.total
      })
    } else {
      const retrying = state.failedOrders
      state.failedOrders = []
      state.retryRounds += 1
      await registerStep(ctx, settings, state, fanout, retrying, true)
    }
    state.updatedAt = new Date().toISOString()
    await saveBackfill(ctx, state)
  }
}

/**
 * Registers some listed orders; failed ones are kept for a retry pass, the rest count as done.
 * Their shipments join the slice's fan-out, which fires each carrier batch once it is full.
 */
async function registerStep(
  ctx: AppContext,
  settings: AppSettings,
  state: BackfillState,
  fanout: CheckFanout,
  orderIds: string[],
  retry = false
): Promise<void> {
  if (orderIds.length === 0) return
  const outcome = await registerListedOrders(ctx, settings, orderIds, {
    emailsFrom: state.emailsFrom,
    source: 'backfill',
  })
  const failed = new Set(outcome.failed)
  state.failedOrders = [...new Set([...state.failedOrders, ...failed])]
  // A retried order was not counted when it failed: it counts once it succeeds.
  state.processedOrders += orderIds.filter((id) => !failed.has(id)).length
  state.registeredOrders += outcome.registeredOrders
  if (retry)
    ctx.vtex.logger.info({ message: 'backfill retried failed orders', runId: state.runId, failed: failed.size })
  await fanout.add(outcome.due)
}
