import type { TrackingStatus } from './status'
import { isTerminal } from './status'

const HOUR = 3600_000
const MINUTE = 60_000

export interface ScheduleInput {
  now: number
  status: TrackingStatus
  invoicedAt: number
  pollingIntervalHours: number
  trackingWindowDays: number
}

export type ScheduleDecision =
  | { kind: 'stop'; reason: 'terminal' }
  | { kind: 'expire'; reason: 'window_closed' }
  | { kind: 'next'; at: number; reason: string }

/**
 * When to look at a shipment again after a successful check. Keeps VTEX's promise (at least
 * every `pollingIntervalHours` for `trackingWindowDays`) and checks sooner when the customer is
 * about to receive the parcel, since that is when a stale status hurts most.
 */
export function nextCheck(input: ScheduleInput): ScheduleDecision {
  if (isTerminal(input.status)) return { kind: 'stop', reason: 'terminal' }
  const windowEnd = input.invoicedAt + input.trackingWindowDays * 24 * HOUR
  if (input.now >= windowEnd) return { kind: 'expire', reason: 'window_closed' }

  const interval = input.pollingIntervalHours * HOUR
  const { delay, reason } = delayFor(input.status, interval)
  // The last check happens at the window's end, so a late delivery is still seen before expiring.
  return { kind: 'next', at: Math.min(input.now + delay, windowEnd), reason }
}

function delayFor(status: TrackingStatus, interval: number): { delay: number; reason: string } {
  switch (status) {
    case 'OUT_FOR_DELIVERY':
      return { delay: Math.min(interval, 2 * HOUR), reason: 'out_for_delivery' }
    case 'ATTEMPT_FAIL':
    case 'AVAILABLE_FOR_PICKUP':
    case 'EXCEPTION':
      return { delay: Math.min(interval, 3 * HOUR), reason: 'needs_attention' }
    default:
      return { delay: interval, reason: 'regular_interval' }
  }
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
