import { monotonicNow, timeLeft } from '../budget'

/**
 * Per carrier and account, in this replica: at most `inFlight` carrier requests at once and at most
 * `perSecond` started per second (a token bucket). Every batch event of this replica shares them,
 * so carrier calls run back to back while other batches write their results: the carrier is the
 * bottleneck, never the app. Module-level on purpose: clients are per request, replicas are not.
 */
export interface ThrottleLimits {
  inFlight: number
  perSecond: number
}

interface Throttle {
  limits: ThrottleLimits
  active: number
  waiting: Array<() => void>
  tokens: number
  refilledAt: number
}

const throttles = new Map<string, Throttle>()

/** Waits for a slot and a token; resolves with the release function. Gives up (null) at `deadline`. */
export async function acquireCarrierSlot(
  key: string,
  limits: ThrottleLimits,
  deadline = Number.POSITIVE_INFINITY
): Promise<(() => void) | null> {
  const throttle = throttleFor(key, limits)
  while (throttle.active >= throttle.limits.inFlight) {
    const left = timeLeft(deadline)
    if (left <= 0) return null
    await waitForSlot(throttle, left)
  }
  throttle.active += 1
  for (;;) {
    refill(throttle)
    if (throttle.tokens >= 1) break
    // Just until the next token: a slot held while sleeping longer is a carrier call not made.
    const untilToken = Math.ceil(((1 - throttle.tokens) * 1000) / throttle.limits.perSecond)
    if (monotonicNow() + untilToken > deadline) {
      release(throttle)
      return null
    }
    await sleep(Math.max(1, untilToken))
  }
  throttle.tokens -= 1
  let released = false
  return () => {
    if (released) return
    released = true
    release(throttle)
  }
}

/** Resolves when a slot frees up or after `maxWaitMs`, whichever comes first. */
function waitForSlot(throttle: Throttle, maxWaitMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const wake = (): void => {
      clearTimeout(timer)
      resolve()
    }
    const timer = Number.isFinite(maxWaitMs)
      ? setTimeout(() => {
          throttle.waiting = throttle.waiting.filter((w) => w !== wake)
          resolve()
        }, maxWaitMs)
      : undefined
    throttle.waiting.push(wake)
  })
}

function throttleFor(key: string, limits: ThrottleLimits): Throttle {
  let throttle = throttles.get(key)
  if (!throttle) {
    throttle = { limits, active: 0, waiting: [], tokens: limits.perSecond, refilledAt: monotonicNow() }
    throttles.set(key, throttle)
  }
  throttle.limits = limits // settings may change between requests
  return throttle
}

function refill(throttle: Throttle): void {
  const now = monotonicNow()
  const elapsed = Math.max(0, now - throttle.refilledAt) / 1000
  throttle.tokens = Math.min(throttle.limits.perSecond, throttle.tokens + elapsed * throttle.limits.perSecond)
  throttle.refilledAt = now
}

function release(throttle: Throttle): void {
  throttle.active -= 1
  throttle.waiting.shift()?.()
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
