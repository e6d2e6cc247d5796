import type { TrackingStatus } from './status'
import { isTerminal } from './status'

import { atLocalHour, isKnownTimeZone, localParts } from './localTime'

const HOUR = 3600_000
const MINUTE = 60_000
const DAY = 24 * HOUR

/** adaptive: the app's own schedule; vtex_fixed: VTEX's documented one (every 6 h, nothing else). */
export const SCHEDULE_MODES = ['adaptive', 'vtex_fixed'] as const
export type ScheduleMode = (typeof SCHEDULE_MODES)[number]

export interface ScheduleInput {
  now: number
  status: TrackingStatus
  invoicedAt: number
  pollingIntervalHours: number
  trackingWindowDays: number
  mode?: ScheduleMode
  /** When the parcel is expected: the carrier's estimate, else the store's promise (epoch ms). */
  expectedDelivery?: number | null
  /** The destination's IANA time zone: quiet hours and delivery-day mornings are local. */
  timeZone?: string | null
  /** A stable key (the shipment id): checks of many shipments spread over a few minutes. */
  jitterKey?: string
  /** When the carrier last pushed an update for this shipment (epoch ms): polling is then a fallback. */
  lastPushAt?: number | null
}

/** Pushes count as arriving while the last one is at most this old. */
export const PUSH_FRESH_MS = 3 * DAY
/** While pushes arrive, a fallback poll at most this often (a missed push is still caught within it). */
export const PUSH_FALLBACK_MS = 12 * HOUR

export type ScheduleDecision =
  | { kind: 'stop'; reason: 'terminal' }
  | { kind: 'expire'; reason: 'window_closed' }
  | { kind: 'next'; at: number; reason: string }

/** No checks between these local hours: carriers do not deliver at night, customers sleep. */
export const QUIET_FROM_HOUR = 21
export const QUIET_UNTIL_HOUR = 7
/** Delivery-day mornings: out-for-delivery scans come early, so checks are every 55 minutes until then. */
const MORNING_UNTIL_HOUR = 11
const MAX_JITTER_MS = 10 * MINUTE

/**
 * When to look at a shipment again after a successful check. In every mode: at once on
 * registration (the record is due when created), never after a terminal status, and a last
 * check when the tracking window closes. `vtex_fixed` reproduces VTEX's old schedule exactly:
 * every `pollingIntervalHours`. `adaptive` (the default) puts checks where news is likely and
 * customers are waiting:
 * - out for delivery: every 30 minutes, until the delivery scan;
 * - the expected delivery day: every 55 minutes in the morning (to catch out-for-delivery), then
 *   every 3 h;
 * - the day before: every 5 hours in the daytime (estimates are often a day early); far from it:
 *   once a day;
 * - failed attempt, pickup, exception: every 3 to 6 hours; not picked up yet: every 16 hours;
 * - two days past the expected day: every 8 hours;
 * - never between 21:00 and 07:00 at the destination; a few minutes of jitter per shipment.
 * Long gaps never exceed 4 x `pollingIntervalHours`, so a merchant's shorter interval still counts.
 * The figures are tuned on 20,000 synthetic timelines (bench/scale): a delivery reaches the order
 * about 19 minutes after the carrier's scan (median), an out-for-delivery about 39, at 0.77 times
 * the carrier calls of the fixed 6-hour schedule.
 */
export function nextCheck(input: ScheduleInput): ScheduleDecision {
  if (isTerminal(input.status)) return { kind: 'stop', reason: 'terminal' }
  const windowEnd = input.invoicedAt + input.trackingWindowDays * 24 * HOUR
  if (input.now >= windowEnd) return { kind: 'expire', reason: 'window_closed' }
  const interval = input.pollingIntervalHours * HOUR
  const scheduled =
    input.mode === 'vtex_fixed' ? { at: input.now + interval, reason: 'vtex_fixed_interval' } : adaptivePlan(input)
  const plan = pushesArrive(input) ? slowedByPushes(input, scheduled) : scheduled
  // The last check happens at the window's end, so a late delivery is still seen before expiring.
  return plan.at >= windowEnd
    ? { kind: 'next', at: windowEnd, reason: 'window_end' }
    : { kind: 'next', at: plan.at, reason: plan.reason }
}

const pushesArrive = (input: ScheduleInput): boolean =>
  typeof input.lastPushAt === 'number' &&
  Number.isFinite(input.lastPushAt) &&
  input.now - input.lastPushAt <= PUSH_FRESH_MS

/**
 * The carrier pushes this shipment's news: the poll is only a fallback, at least PUSH_FALLBACK_MS
 * away (jitter kept), and never sooner than the plan would have been.
 */
function slowedByPushes(input: ScheduleInput, plan: { at: number; reason: string }): { at: number; reason: string } {
  const fallback = input.now + PUSH_FALLBACK_MS + jitter(input.jitterKey, PUSH_FALLBACK_MS)
  return plan.at >= fallback ? plan : { at: fallback, reason: 'push_fallback' }
}

function adaptivePlan(input: ScheduleInput): { at: number; reason: string } {
  const timeZone = isKnownTimeZone(input.timeZone) ? input.timeZone : null
  const { delay, reason } = delayFor(input, timeZone)
  const maxGap = 4 * input.pollingIntervalHours * HOUR
  const at = input.now + Math.min(delay, maxGap) + jitter(input.jitterKey, delay)
  if (timeZone === null) return { at, reason }
  const hour = localParts(at, timeZone).hour
  if (hour >= QUIET_FROM_HOUR)
    return {
      at: atLocalHour(at, timeZone, QUIET_UNTIL_HOUR, 1) + jitter(input.jitterKey, delay),
      reason: `${reason}_after_night`,
    }
  if (hour < QUIET_UNTIL_HOUR)
    return {
      at: atLocalHour(at, timeZone, QUIET_UNTIL_HOUR) + jitter(input.jitterKey, delay),
      reason: `${reason}_after_night`,
    }
  return { at, reason }
}

function delayFor(input: ScheduleInput, timeZone: string | null): { delay: number; reason: string } {
  switch (input.status) {
    case 'OUT_FOR_DELIVERY':
      return { delay: 30 * MINUTE, reason: 'out_for_delivery' }
    case 'ATTEMPT_FAIL':
    case 'AVAILABLE_FOR_PICKUP':
      return { delay: 3 * HOUR, reason: 'needs_attention' }
    case 'EXCEPTION':
    case 'RETURN_TO_SENDER':
      return { delay: 6 * HOUR, reason: 'exception' }
    case 'PENDING':
    case 'INFO_RECEIVED':
      return { delay: 16 * HOUR, reason: 'awaiting_pickup' }
    default:
      return inTransit(input, timeZone)
  }
}

function inTransit(input: ScheduleInput, timeZone: string | null): { delay: number; reason: string } {
  const expected = input.expectedDelivery
  if (expected === null || expected === undefined || !Number.isFinite(expected)) {
    // No estimate: a day in the first two days, then every 4 hours (any day may be the day).
    return input.now - input.invoicedAt < 2 * DAY
      ? { delay: 12 * HOUR, reason: 'early_transit' }
      : { delay: 4 * HOUR, reason: 'possible_delivery_day' }
  }
  const zone = timeZone ?? 'UTC'
  const daysToExpected = Math.round(
    (Date.parse(localParts(expected, zone).date) - Date.parse(localParts(input.now, zone).date)) / DAY
  )
  if (daysToExpected >= 2) return { delay: DAY, reason: 'long_transit' }
  if (daysToExpected === 1) return { delay: 5 * HOUR, reason: 'delivery_tomorrow' }
  if (daysToExpected < -2) return { delay: 8 * HOUR, reason: 'overdue' }
  return localParts(input.now, zone).hour < MORNING_UNTIL_HOUR
    ? { delay: 55 * MINUTE, reason: 'delivery_day_morning' }
    : { delay: 3 * HOUR, reason: 'delivery_day' }
}

/** 0 to 10 minutes (at most a tenth of the delay), stable per key: no thundering herd. */
function jitter(key: string | undefined, delay: number): number {
  if (!key) return 0
  let hash = 0
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0
  return Math.floor(((hash % 1000) / 1000) * Math.min(MAX_JITTER_MS, delay / 10))
}

export interface BackoffInput {
  now: number
  consecutiveErrors: number
  pollingIntervalHours: number
  /** From the carrier's or platform's Retry-After, when it sent one. */
  retryAfterMs?: number
}

/**
 * After a failed check: retry soon, then back off exponentially (15 min, 30 min, 1 h, ...), never
 * beyond the regular interval, and never before the upstream's Retry-After.
 */
export function retryAfterFailure(input: BackoffInput): { at: number; reason: string } {
  const exponent = Math.max(0, input.consecutiveErrors - 1)
  const backoff = Math.min(15 * MINUTE * 2 ** Math.min(exponent, 10), input.pollingIntervalHours * HOUR)
  const delay = Math.max(backoff, input.retryAfterMs ?? 0)
  return { at: input.now + delay, reason: input.retryAfterMs !== undefined ? 'retry_after' : 'error_backoff' }
}

/** Shipments waiting for a tracking number or a carrier are re-read on the regular interval. */
export const recheckLater = (now: number, pollingIntervalHours: number): number =>
  now + Math.min(pollingIntervalHours * HOUR, 6 * HOUR)
