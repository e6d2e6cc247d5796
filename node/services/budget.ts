/**
 * Time budgets (the sweep's, a batch's, reconciliation's) and carrier rate limits are real
 * elapsed time: they guard the platform's request timeout and the carriers' quotas, which do not
 * care what the calendar says. So they run on the process's monotonic clock, never on `Date`
 * (which a clock change, or the emulator's simulated clock, can move).
 */
export const monotonicNow = (): number => performance.now()

/** A deadline `ms` of real time from now, on the monotonic clock. */
export const deadlineIn = (ms: number): number => monotonicNow() + ms

/** Real milliseconds left before a monotonic deadline (negative once past). */
export const timeLeft = (deadline: number): number => deadline - monotonicNow()
