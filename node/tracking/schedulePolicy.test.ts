import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { nextCheck, recheckLater, retryAfterFailure } from './schedulePolicy'

const HOUR = 3600_000
const invoicedAt = Date.parse('2026-11-02T12:00:00Z')
const base = { invoicedAt, pollingIntervalHours: 6, trackingWindowDays: 12.5 }

void describe('nextCheck', () => {
  void it('checks again after the polling interval while in transit', () => {
    const now = invoicedAt + 10 * HOUR
    assert.deepEqual(nextCheck({ ...base, now, status: 'IN_TRANSIT' }), {
      kind: 'next',
      at: now + 6 * HOUR,
      reason: 'regular_interval',
    })
  })

  void it('checks sooner when out for delivery or needing attention', () => {
    const now = invoicedAt + HOUR
    assert.equal(nextCheck({ ...base, now, status: 'OUT_FOR_DELIVERY' }).kind, 'next')
    assert.deepEqual(nextCheck({ ...base, now, status: 'OUT_FOR_DELIVERY' }), {
      kind: 'next',
      at: now + 2 * HOUR,
      reason: 'out_for_delivery',
    })
    assert.deepEqual(nextCheck({ ...base, now, status: 'ATTEMPT_FAIL' }), {
      kind: 'next',
      at: now + 3 * HOUR,
      reason: 'needs_attention',
    })
  })

  void it('never waits longer than the merchant interval, even when shorter than the defaults', () => {
    const now = invoicedAt + HOUR
    const decision = nextCheck({ ...base, pollingIntervalHours: 1, now, status: 'OUT_FOR_DELIVERY' })
    assert.deepEqual(decision, { kind: 'next', at: now + HOUR, reason: 'out_for_delivery' })
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
    assert.deepEqual(decision, { kind: 'next', at: invoicedAt + 12.5 * 24 * HOUR, reason: 'regular_interval' })
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
