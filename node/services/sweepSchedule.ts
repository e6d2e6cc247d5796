import type { AppContext } from '../typings/context'
import type { SchedulerSecret } from './schedulerSetup'
import { ensureSchedulerJob, readSchedulerSecret, SWEEP_INTERVAL_MS } from './schedulerSetup'
import type { SweepStatus } from './sweepStatus'

/** Late: two intervals without a run, and never less than half an hour (the scheduler has jitter). */
const LATE_AFTER_MS = Math.max(2 * SWEEP_INTERVAL_MS, 30 * 60_000)
/** How often one process checks that the sweep is scheduled (a VBase read), per account and workspace. */
const RECHECK_MS = 10 * 60_000
const checkedAt = new Map<string, number>()

/**
 * Makes sure the scheduler calls the sweep, on first use and not only on install: `vtex link`
 * sends no `apps` setup event, and a job lost on the scheduler's side must come back by itself.
 * With `lastSweep` (the admin overview has it), a sweep late by two intervals re-registers the job.
 * Idempotent (the job id is fixed, the stored secret is reused).
 */
export async function ensureSweepScheduled(ctx: AppContext, lastSweep?: SweepStatus | null): Promise<SweepHealth> {
  const key = `${ctx.vtex.account}/${ctx.vtex.workspace}`
  const now = Date.now()
  const secret = await readSchedulerSecret(ctx)
  const health = sweepHealth(secret, lastSweep ?? null, now)
  const late = lastSweep !== undefined && health.state === 'late'
  if (secret === null || late) {
    await ensureSchedulerJob(ctx)
    ctx.vtex.logger.info({ message: 'sweep (re)registered with the scheduler', because: health.state })
  }
  checkedAt.set(key, now)
  return health
}

/** For event handlers: at most one VBase read per process every RECHECK_MS. */
export async function ensureSweepScheduledOccasionally(ctx: AppContext): Promise<void> {
  const key = `${ctx.vtex.account}/${ctx.vtex.workspace}`
  if (Date.now() - (checkedAt.get(key) ?? 0) < RECHECK_MS) return
  await ensureSweepScheduled(ctx)
}

export interface SweepHealth {
  /** ok; not_scheduled (never registered); late (no sweep for two intervals since it was). */
  state: 'ok' | 'not_scheduled' | 'late'
  scheduledAt: string | null
  lastRunAt: string | null
  intervalMinutes: number
}

/** Pure: is the sweep running as scheduled? Late after two intervals without a run. */
export function sweepHealth(secret: SchedulerSecret | null, lastSweep: SweepStatus | null, now: number): SweepHealth {
  const base = {
    scheduledAt: secret?.createdAt ?? null,
    lastRunAt: lastSweep?.startedAt ?? null,
    intervalMinutes: SWEEP_INTERVAL_MS / 60_000,
  }
  if (secret === null) return { ...base, state: 'not_scheduled' }
  const since = Math.max(Date.parse(secret.createdAt), lastSweep ? Date.parse(lastSweep.startedAt) : 0)
  return { ...base, state: now - since > LATE_AFTER_MS ? 'late' : 'ok' }
}
