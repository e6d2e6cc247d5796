import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { nextCheck, PUSH_FALLBACK_MS, recheckLater, retryAfterFailure } from './schedulePolicy'

const HOUR = 3600_000
const invoicedAt = Date.parse('2026-11-02T12:00:00Z')
const base = { invoicedAt, pollingIntervalHours: 6, trackingWindowDays: 12.5 }

void describe("nextCheck: vtex_fixed reproduces VTEX's schedule", () => {
  const fixed = { ...base, mode: 'vtex_fixed' as const, timeZone: 'America/Sao_Paulo', jitterKey: 'x' }

  void it('every polling interval, whatever the status, the hour or the estimate', () => {
    for (const status of ['INFO_RECEIVED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'ATTEMPT_FAIL'] as const) {
      const now = invoicedAt + 10 * HOUR + 17 * 60_000 // 01:17 in São Paulo: night does not matter
      assert.deepEqual(nextCheck({ ...fixed, now, status, expectedDelivery: now + HOUR }), {
        kind: 'next',
        at: now + 6 * HOUR,
        reason: 'vtex_fixed_interval',
      })
    }
  })
})

void describe('nextCheck: adaptive', () => {
  const zone = 'America/Sao_Paulo' // UTC-3, no daylight saving
  const local = (iso: string): number => Date.parse(`${iso}-03:00`)
  const adaptive = { ...base, timeZone: zone }

  void it('every 30 minutes once out for delivery, in the daytime', () => {
    const now = local('2026-11-05T10:00:00')
    assert.deepEqual(nextCheck({ ...adaptive, now, status: 'OUT_FOR_DELIVERY' }), {
      kind: 'next',
      at: now + 30 * 60_000,
      reason: 'out_for_delivery',
    })
  })

  void it('never at night at the destination: the check moves to 07:00 local', () => {
    const now = local('2026-11-05T20:45:00')
    assert.deepEqual(nextCheck({ ...adaptive, now, status: 'OUT_FOR_DELIVERY' }), {
      kind: 'next',
      at: local('2026-11-06T07:00:00'),
      reason: 'out_for_delivery_after_night',
    })
    const early = local('2026-11-06T03:00:00')
    assert.equal(nextCheck({ ...adaptive, now: early, status: 'OUT_FOR_DELIVERY' }).kind, 'next')
    assert.equal(
      (nextCheck({ ...adaptive, now: early, status: 'OUT_FOR_DELIVERY' }) as { at: number }).at,
      local('2026-11-06T07:00:00')
    )
  })

  void it('once a day far from the expected day, every 5 hours the day before, every 55 minutes on its morning', () => {
    const expectedDelivery = local('2026-11-08T15:00:00')
    const far = local('2026-11-05T10:00:00')
    assert.deepEqual(nextCheck({ ...adaptive, now: far, status: 'IN_TRANSIT', expectedDelivery }), {
      kind: 'next',
      at: far + 24 * HOUR,
      reason: 'long_transit',
    })
    // Estimates are often a day early: the day before is watched in the daytime, not skipped.
    const dayBefore = local('2026-11-07T10:00:00')
    assert.deepEqual(nextCheck({ ...adaptive, now: dayBefore, status: 'IN_TRANSIT', expectedDelivery }), {
      kind: 'next',
      at: dayBefore + 5 * HOUR,
      reason: 'delivery_tomorrow',
    })
    const eveningBefore = local('2026-11-07T18:00:00')
    assert.deepEqual(nextCheck({ ...adaptive, now: eveningBefore, status: 'IN_TRANSIT', expectedDelivery }), {
      kind: 'next',
      at: local('2026-11-08T07:00:00'),
      reason: 'delivery_tomorrow_after_night',
    })
    const morning = local('2026-11-08T08:10:00')
    assert.deepEqual(nextCheck({ ...adaptive, now: morning, status: 'IN_TRANSIT', expectedDelivery }), {
      kind: 'next',
      at: morning + 55 * 60_000,
      reason: 'delivery_day_morning',
    })
    const afternoon = local('2026-11-08T13:00:00')
    assert.deepEqual(nextCheck({ ...adaptive, now: afternoon, status: 'IN_TRANSIT', expectedDelivery }), {
      kind: 'next',
      at: afternoon + 3 * HOUR,
      reason: 'delivery_day',
    })
  })

  void it('slows down to every 8 hours two days past the expected day', () => {
    const expectedDelivery = local('2026-11-03T15:00:00')
    const now = local('2026-11-07T10:00:00')
    assert.deepEqual(nextCheck({ ...adaptive, now, status: 'IN_TRANSIT', expectedDelivery }), {
      kind: 'next',
      at: now + 8 * HOUR,
      reason: 'overdue',
    })
  })

  void it('without an estimate: twice a day at first, then every 4 hours', () => {
    const early = invoicedAt + 5 * HOUR
    assert.equal(
      (nextCheck({ ...base, now: early, status: 'IN_TRANSIT' }) as { reason: string }).reason,
      'early_transit'
    )
    const later = invoicedAt + 3 * 24 * HOUR
    assert.deepEqual(nextCheck({ ...base, now: later, status: 'IN_TRANSIT' }), {
      kind: 'next',
      at: later + 4 * HOUR,
      reason: 'possible_delivery_day',
    })
  })

  void it('long gaps never exceed four times a shorter merchant interval', () => {
    const now = local('2026-11-05T10:00:00')
    const decision = nextCheck({
      ...adaptive,
      pollingIntervalHours: 2,
      now,
      status: 'IN_TRANSIT',
      expectedDelivery: now + 5 * 24 * HOUR,
    })
    assert.deepEqual(decision, { kind: 'next', at: now + 8 * HOUR, reason: 'long_transit' })
  })

  void it('spreads shipments over a few minutes with a stable jitter per key', () => {
    const now = local('2026-11-05T10:00:00')
    const at = (jitterKey: string): number =>
      (nextCheck({ ...adaptive, now, status: 'IN_TRANSIT', jitterKey }) as { at: number }).at
    assert.equal(at('a'), at('a'))
    const spread = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map(at))
    assert.ok(spread.size > 1)
    for (const key of ['a', 'b', 'c']) assert.ok(at(key) - (now + 12 * HOUR) < 10 * 60_000)
  })

  void it('an unknown time zone means no quiet hours, never a crash', () => {
    const now = invoicedAt + 10 * HOUR
    const decision = nextCheck({ ...base, timeZone: 'Mars/Olympus', now, status: 'OUT_FOR_DELIVERY' })
    assert.deepEqual(decision, { kind: 'next', at: now + 30 * 60_000, reason: 'out_for_delivery' })
  })

  void it('stops at terminal statuses', () => {
    for (const status of ['DELIVERED', 'RETURNED', 'FAILURE'] as const) {
      assert.deepEqual(nextCheck({ ...base, now: invoicedAt, status }), { kind: 'stop', reason: 'terminal' })
    }
  })

  void it('expires when the 12.5-day window has closed without a terminal status', () => {
    const now = invoicedAt + 12.5 * 24 * HOUR
    assert.deepEqual(nextCheck({ ...base, now, status: 'IN_TRANSIT' }), { kind: 'expire', reason: 'window_closed' })
  })

  void it('schedules the last check at the window end rather than past it', () => {
    const now = invoicedAt + 12.5 * 24 * HOUR - HOUR
    const decision = nextCheck({ ...base, now, status: 'IN_TRANSIT' })
    assert.deepEqual(decision, { kind: 'next', at: invoicedAt + 12.5 * 24 * HOUR, reason: 'window_end' })
  })
})

void describe('retryAfterFailure', () => {
  const now = invoicedAt
  void it('backs off exponentially from 15 minutes, capped at the polling interval', () => {
    const delays = [1, 2, 3, 4, 5, 6, 10].map(
      (n) => (retryAfterFailure({ now, consecutiveErrors: n, pollingIntervalHours: 6 }).at - now) / 60_000
    )
    assert.deepEqual(delays, [15, 30, 60, 120, 240, 360, 360])
  })

  void it("honours the upstream's Retry-After when it is longer than the back-off", () => {
    const retry = retryAfterFailure({ now, consecutiveErrors: 1, pollingIntervalHours: 6, retryAfterMs: 2 * HOUR })
    assert.deepEqual(retry, { at: now + 2 * HOUR, reason: 'retry_after' })
  })

  void it('keeps the back-off when Retry-After is shorter', () => {
    const retry = retryAfterFailure({ now, consecutiveErrors: 3, pollingIntervalHours: 6, retryAfterMs: 1000 })
    assert.equal(retry.at, now + HOUR)
  })
})

void it('recheckLater waits the polling interval, at most six hours', () => {
  assert.equal(recheckLater(0, 2), 2 * HOUR)
  assert.equal(recheckLater(0, 24), 6 * HOUR)
})

void describe('pushed updates slow polling down to a fallback', () => {
  const pushBase = {
    now: Date.parse('2026-11-03T15:00:00Z'),
    status: 'OUT_FOR_DELIVERY' as const,
    invoicedAt: Date.parse('2026-11-02T12:00:00Z'),
    pollingIntervalHours: 6,
    trackingWindowDays: 30,
  }

  void it('out for delivery is polled every 30 minutes, but only every 12 hours while pushes arrive', () => {
    const polled = nextCheck(pushBase)
    assert.equal(polled.kind, 'next')
    if (polled.kind === 'next') assert.equal(polled.at - pushBase.now, 30 * 60_000)
    const pushed = nextCheck({ ...pushBase, lastPushAt: pushBase.now - 3600_000 })
    assert.deepEqual(pushed, { kind: 'next', at: pushBase.now + PUSH_FALLBACK_MS, reason: 'push_fallback' })
  })

  void it('a push older than three days no longer counts; a later plan is kept; terminal still stops', () => {
    const old = nextCheck({ ...pushBase, lastPushAt: pushBase.now - 4 * 24 * 3600_000 })
    assert.equal(old.kind === 'next' && old.reason, 'out_for_delivery')
    const fixed = nextCheck({ ...pushBase, mode: 'vtex_fixed', pollingIntervalHours: 24, lastPushAt: pushBase.now })
    assert.equal(fixed.kind === 'next' && fixed.reason, 'vtex_fixed_interval')
    assert.deepEqual(nextCheck({ ...pushBase, status: 'DELIVERED', lastPushAt: pushBase.now }), {
      kind: 'stop',
      reason: 'terminal',
    })
  })
})
