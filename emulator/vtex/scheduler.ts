import type { Database } from 'better-sqlite3'

import type { EmuModule } from '../http'
import { accountOf, json, noContent } from '../http'
import { lastFiringBetween } from './cron'

export interface SchedulerJobRecord {
  account: string
  workspace: string
  namespace: string
  id: string
  expression: string
  request: { uri: string; method: string; headers: Record<string, string>; body: unknown }
  lastRunAt: number | null
  lastStatus: number | null
}

export interface SchedulerDeps {
  db: Database
  now: () => number
  /** Performs the job's HTTP request (the emulator routes it to the app's public route). */
  fire: (job: SchedulerJobRecord) => Promise<number>
}

/**
 * The VTEX scheduler (version 4): apps upsert cron jobs that call one of their routes. The
 * emulator fires them on the simulated clock, coalescing runs missed while the clock jumped.
 */
export function createScheduler(deps: SchedulerDeps) {
  deps.db.exec(`CREATE TABLE IF NOT EXISTS scheduler_jobs (account TEXT, workspace TEXT, namespace TEXT, id TEXT,
    body TEXT, created INTEGER, last_run INTEGER, last_status INTEGER, PRIMARY KEY (account, workspace, namespace, id))`)
  const upsert = deps.db.prepare(`INSERT INTO scheduler_jobs VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)
    ON CONFLICT (account, workspace, namespace, id) DO UPDATE SET body=excluded.body`)
  const remove = deps.db.prepare('DELETE FROM scheduler_jobs WHERE account=? AND workspace=? AND namespace=? AND id=?')
  const all = deps.db.prepare('SELECT * FROM scheduler_jobs')
  const markRun = deps.db.prepare(
    'UPDATE scheduler_jobs SET last_run=?, last_status=? WHERE account=? AND workspace=? AND namespace=? AND id=?'
  )
  const running = new Set<string>()

  const jobs = (): Array<SchedulerJobRecord & { created: number }> =>
    (all.all() as Array<Record<string, unknown>>).map((row) => {
      const body = JSON.parse(String(row.body)) as {
        scheduler: { expression: string }
        request: SchedulerJobRecord['request']
      }
      return {
        account: String(row.account),
        workspace: String(row.workspace),
        namespace: String(row.namespace),
        id: String(row.id),
        expression: body.scheduler.expression,
        request: body.request,
        lastRunAt: row.last_run === null ? null : Number(row.last_run),
        lastStatus: row.last_status === null ? null : Number(row.last_status),
        created: Number(row.created),
      }
    })

  async function run(job: SchedulerJobRecord, at: number): Promise<number> {
    const key = `${job.account}/${job.workspace}/${job.namespace}/${job.id}`
    markRun.run(at, null, job.account, job.workspace, job.namespace, job.id)
    running.add(key)
    try {
      const status = await deps.fire(job)
      markRun.run(at, status, job.account, job.workspace, job.namespace, job.id)
      return status
    } finally {
      running.delete(key)
    }
  }

  const module: EmuModule = {
    name: 'scheduler',
    handle(req) {
      const match = /^\/api\/scheduler\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(req.path)
      if (!match || !req.host.endsWith('vtexcommercestable.com.br')) return undefined
      const account = accountOf(req)
      if (!account) return json(400, { message: 'missing account (an)' })
      if (req.query.get('version') !== '4') return json(400, { message: 'version=4 is required' })
      const [, workspace, namespace, id] = match
      if ((req.method === 'PUT' || req.method === 'POST') && !id) {
        const body = req.body as { id?: unknown; scheduler?: { expression?: unknown }; request?: { uri?: unknown } }
        if (typeof body?.id !== 'string' || typeof body.scheduler?.expression !== 'string' || !body.request?.uri) {
          return json(400, { message: 'a job needs id, scheduler.expression and request.uri' })
        }
        upsert.run(account, workspace, namespace, body.id, JSON.stringify(body), deps.now())
        return json(200, { id: body.id })
      }
      if (req.method === 'DELETE' && id) {
        remove.run(account, workspace, namespace, id)
        return noContent()
      }
      if (req.method === 'GET') {
        const found = jobs().filter((j) => j.account === account && j.namespace === namespace && (!id || j.id === id))
        if (id && found.length === 0) return json(404, { message: 'job not found' })
        const view = found.map((j) => ({ id: j.id, expression: j.expression, lastInteractionIn: j.lastRunAt }))
        return json(200, id ? view[0] : view)
      }
      return json(405, { message: 'method not allowed' })
    },
  }

  let lastTick = deps.now()
  return {
    module,
    jobs,
    /** Fires every job whose cron passed since the last tick (at most once per job per tick). */
    async tick(): Promise<void> {
      const now = deps.now()
      const from = lastTick
      lastTick = now
      const due = jobs().filter((job) => {
        const key = `${job.account}/${job.workspace}/${job.namespace}/${job.id}`
        return !running.has(key) && lastFiringBetween(job.expression, Math.max(from, job.created), now) !== undefined
      })
      await Promise.all(due.map((job) => run(job, now)))
    },
    /** Loses a job, as a scheduler outage or a manual deletion would (tests of self-healing). */
    drop: (jobId: string): void => {
      for (const job of jobs().filter((j) => j.id === jobId)) {
        remove.run(job.account, job.workspace, job.namespace, job.id)
      }
    },
    runNow: (jobId: string): Promise<number> => {
      const job = jobs().find((j) => j.id === jobId)
      if (!job) throw new Error(`no scheduler job ${jobId}`)
      return run(job, deps.now())
    },
  }
}

export type Scheduler = ReturnType<typeof createScheduler>
