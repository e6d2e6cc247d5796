import type { ListWindow } from '../orderWindows'

/** VBase file holding the one backfill run of an account (the latest one). */
export const BACKFILL_BUCKET = 'backfill'
export const BACKFILL_FILE = 'state.json'
/** A run that saved no progress for this long died mid-way (its lease is long gone): it may be resumed. */
export const STALE_RUN_MS = 10 * 60_000

export type BackfillTrigger = 'install' | 'admin'

/**
 * One backfill run: the invoiced orders of the tracking window before the app was installed (or
 * before an admin asked), read page by page from the Orders API. `queue` is the cursor: the date
 * ranges still to read, from the page where the last event stopped.
 */
export interface BackfillState {
  runId: string
  trigger: BackfillTrigger
  startedAt: string
  /** Carrier news before this instant is never emailed for the shipments this run registers. */
  emailsFrom: string
  windowFrom: string
  windowTo: string
  /** Orders in the window, as the list counted them on the first page (null until it was read). */
  totalOrders: number | null
  /** Orders of the window read and registered (or found already registered). */
  processedOrders: number
  /** Orders that had packages the registry did not know. */
  registeredOrders: number
  /** Orders that could not be read or registered on their last attempt (retried on later events). */
  failedOrders: string[]
  queue: ListWindow[]
  /** Orders read from the list and not registered yet: with `queue`, the cursor. */
  pendingOrders: string[]
  /** Passes over `failedOrders` made once the list was read (at most MAX_RETRY_ROUNDS). */
  retryRounds: number
  /** Last time an event saved progress (a run silent for STALE_RUN_MS may be taken over). */
  updatedAt: string
  finishedAt: string | null
}

/** What the admin API shows of a run. */
export interface BackfillProgress {
  runId: string
  trigger: BackfillTrigger
  startedAt: string
  finishedAt: string | null
  windowFrom: string
  windowTo: string
  totalOrders: number | null
  processedOrders: number
  registeredOrders: number
  failedOrders: number
  running: boolean
}

/** Orders that keep failing are retried this many times after the list is read, then reported. */
export const MAX_RETRY_ROUNDS = 3

/** Nothing left to read, register or retry. Pure. */
export const isDone = (state: BackfillState): boolean =>
  state.queue.length === 0 &&
  state.pendingOrders.length === 0 &&
  (state.failedOrders.length === 0 || state.retryRounds >= MAX_RETRY_ROUNDS)

/**
 * The window's order count, from the first page of the whole window (the list counts every
 * order of the range even past the 30 pages it serves). Pure.
 */
export const isWholeWindow = (state: BackfillState, window: ListWindow): boolean =>
  window.page === 1 && window.fromIso === state.windowFrom && window.toIso === state.windowTo

const DAY_MS = 24 * 3600_000

/** A new run over the tracking window ending now. Pure. */
export function newBackfill(runId: string, trigger: BackfillTrigger, now: number, windowDays: number): BackfillState {
  const nowIso = new Date(now).toISOString()
  const fromIso = new Date(now - windowDays * DAY_MS).toISOString()
  return {
    runId,
    trigger,
    startedAt: nowIso,
    emailsFrom: nowIso,
    windowFrom: fromIso,
    windowTo: nowIso,
    totalOrders: null,
    processedOrders: 0,
    registeredOrders: 0,
    failedOrders: [],
    queue: [{ pass: 'invoiced', fromIso, toIso: nowIso, page: 1 }],
    pendingOrders: [],
    retryRounds: 0,
    updatedAt: nowIso,
    finishedAt: null,
  }
}

/** A run still working (not finished, and heard from recently): a second start joins it. */
export const isRunning = (state: BackfillState | null, now: number): boolean =>
  state !== null && state.finishedAt === null && now - Date.parse(state.updatedAt) < STALE_RUN_MS

/** A run that stopped mid-way: not finished, and silent past STALE_RUN_MS. Pure. */
export const isStalled = (state: BackfillState | null, now: number): state is BackfillState =>
  state !== null && state.finishedAt === null && !isRunning(state, now)

export function progressOf(state: BackfillState | null, now: number): BackfillProgress | null {
  if (state === null) return null
  return {
    runId: state.runId,
    trigger: state.trigger,
    startedAt: state.startedAt,
    finishedAt: state.finishedAt,
    windowFrom: state.windowFrom,
    windowTo: state.windowTo,
    totalOrders: state.totalOrders,
    processedOrders: state.processedOrders,
    registeredOrders: state.registeredOrders,
    failedOrders: state.failedOrders.length,
    running: isRunning(state, now),
  }
}

/** The event body that asks the app to go on with a run. */
export interface BackfillEvent {
  runId: string
}

export function parseBackfillEvent(body: unknown): BackfillEvent {
  const runId = (body as Partial<BackfillEvent> | null)?.runId
  if (typeof runId !== 'string' || runId === '' || runId.length > 100) {
    throw new TypeError(`malformed backfill event: ${JSON.stringify(body)?.slice(0, 200)}`)
  }
  return { runId }
}
