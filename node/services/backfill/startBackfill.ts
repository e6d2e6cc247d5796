import { randomUUID } from 'crypto'

import type { AppContext } from '../../typings/context'
import { loadSettings } from '../settings'
import type { BackfillProgress, BackfillTrigger } from './state'
import { isRunning, isStalled, newBackfill, progressOf } from './state'
import { readBackfill, saveBackfill } from './store'

/** The IO event key the app sends itself to go on with a backfill run, one slice per event. */
export const BACKFILL_EVENT = 'backfill'

export interface StartOutcome {
  /** started: a new run; resumed: a run that had stopped mid-way goes on; running: already under way. */
  outcome: 'started' | 'resumed' | 'running'
  backfill: BackfillProgress
}

/**
 * Starts registering the orders invoiced in the tracking window before now (install, or an admin
 * asking again). Answers at once: the work runs in `backfill` events. A run still under way is
 * joined, not doubled; one that stopped mid-way (its events lost) is resumed from its cursor.
 */
export async function startBackfill(ctx: AppContext, trigger: BackfillTrigger): Promise<StartOutcome> {
  const now = Date.now()
  const current = await readBackfill(ctx)
  if (current !== null && isRunning(current, now)) {
    return { outcome: 'running', backfill: progressOf(current, now) as BackfillProgress }
  }
  const resumable = current !== null && current.finishedAt === null
  const settings = await loadSettings(ctx)
  const state = resumable
    ? { ...current, updatedAt: new Date(now).toISOString() }
    : newBackfill(randomUUID(), trigger, now, settings.trackingWindowDays)
  await saveBackfill(ctx, state)
  await ctx.clients.events.sendEvent('', BACKFILL_EVENT, { runId: state.runId })
  ctx.vtex.logger.info({
    message: resumable ? 'backfill resumed' : 'backfill started',
    runId: state.runId,
    trigger,
    windowFrom: state.windowFrom,
    windowTo: state.windowTo,
  })
  return { outcome: resumable ? 'resumed' : 'started', backfill: progressOf(state, now) as BackfillProgress }
}

/**
 * The safety net for a run whose events were lost (a replica died mid-slice, a send failed for
 * good): called by every reconciliation event, it resumes a run that stopped mid-way from its
 * cursor, so no admin has to press the button. One VBase read when there is nothing to do.
 */
export async function resumeStalledBackfill(ctx: AppContext): Promise<boolean> {
  const now = Date.now()
  const current = await readBackfill(ctx)
  if (!isStalled(current, now)) return false
  const state = { ...current, updatedAt: new Date(now).toISOString() }
  await saveBackfill(ctx, state)
  await ctx.clients.events.sendEvent('', BACKFILL_EVENT, { runId: state.runId })
  ctx.vtex.logger.warn({ message: 'backfill had stopped mid-way: resumed', runId: state.runId })
  return true
}
