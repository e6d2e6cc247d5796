import { randomBytes, timingSafeEqual } from 'crypto'

import type { SchedulerJob } from '../clients/scheduler'
import type { AppContext } from '../typings/context'

const BUCKET = 'scheduler'
const SECRET_FILE = 'secret.json'
export const SWEEP_JOB_ID = 'order-tracking-sweep'
export const SWEEP_PATH = '/_v/order-tracking/sweep'
/**
 * Every 5 minutes: each shipment carries its own next-check time, and the cron must not be what
 * delays it (a run with nothing due costs one Master Data query).
 */
export const SWEEP_CRON = '*/5 * * * *'
export const SWEEP_INTERVAL_MS = 5 * 60_000

export interface SchedulerSecret {
  secret: string
  createdAt: string
}
type SecretFile = SchedulerSecret

const appName = (): string => process.env.VTEX_APP_NAME ?? 'order-tracking'

/**
 * On install: a fresh random bearer secret in VBase, and a scheduler job that calls the sweep
 * route with it. Re-running it (app update) rotates the secret and upserts the same job id.
 */
export async function installScheduler(ctx: AppContext): Promise<void> {
  const secret = randomBytes(32).toString('base64url')
  await ctx.clients.vbase.saveJSON<SecretFile>(BUCKET, SECRET_FILE, { secret, createdAt: new Date().toISOString() })
  await upsertJob(ctx, secret)
}

export const readSchedulerSecret = (ctx: AppContext): Promise<SchedulerSecret | null> =>
  ctx.clients.vbase.getJSON<SecretFile | null>(BUCKET, SECRET_FILE, true)

/**
 * On first use (no install event, as with `vtex link`) or when the sweep has stopped coming: keeps
 * the stored secret if there is one, else stores a new one, then upserts the job with whatever
 * VBase holds after that. Concurrent first uses therefore all register the same secret (the last
 * one written), and the job id is fixed, so this is safe to repeat.
 */
export async function ensureSchedulerJob(ctx: AppContext): Promise<void> {
  if ((await readSchedulerSecret(ctx)) === null) {
    const secret = randomBytes(32).toString('base64url')
    await ctx.clients.vbase.saveJSON<SecretFile>(BUCKET, SECRET_FILE, { secret, createdAt: new Date().toISOString() })
  }
  const stored = await readSchedulerSecret(ctx)
  if (stored === null) throw new Error('the scheduler secret could not be stored in VBase')
  await upsertJob(ctx, stored.secret)
}

async function upsertJob(ctx: AppContext, secret: string): Promise<void> {
  const { account, workspace } = ctx.vtex
  const job: SchedulerJob = {
    id: SWEEP_JOB_ID,
    scheduler: { expression: SWEEP_CRON, endDate: '2099-12-31T23:59:00' },
    retry: { delay: { addMinutes: 5, addHours: 0, addDays: 0 }, times: 2, backOffRate: 1 },
    request: {
      uri: `https://${workspace}--${account}.myvtex.com${SWEEP_PATH}`,
      method: 'POST',
      headers: { 'cache-control': 'no-cache', Authorization: `Bearer ${secret}` },
      body: {},
    },
  }
  await ctx.clients.scheduler.upsert(appName(), job)
  ctx.vtex.logger.info({ message: 'sweep scheduled', cron: SWEEP_CRON, jobId: SWEEP_JOB_ID })
}

/** On uninstall: stop the job and forget the secret. */
export async function uninstallScheduler(ctx: AppContext): Promise<void> {
  await ctx.clients.scheduler.remove(appName(), SWEEP_JOB_ID)
  await ctx.clients.vbase.deleteFile(BUCKET, SECRET_FILE)
  ctx.vtex.logger.info({ message: 'sweep unscheduled', jobId: SWEEP_JOB_ID })
}

/** Constant-time check of an `Authorization: Bearer ...` header against the stored secret. */
export async function isSchedulerSecret(ctx: AppContext, authorization: string | undefined): Promise<boolean> {
  const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
  if (!presented) return false
  const stored = await ctx.clients.vbase.getJSON<SecretFile | null>(BUCKET, SECRET_FILE, true)
  if (!stored?.secret) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(stored.secret)
  return a.length === b.length && timingSafeEqual(a, b)
}
