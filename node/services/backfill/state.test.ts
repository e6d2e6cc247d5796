import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import {
  isDone,
  isRunning,
  isStalled,
  isWholeWindow,
  MAX_RETRY_ROUNDS,
  newBackfill,
  parseBackfillEvent,
  progressOf,
  STALE_RUN_MS,
} from './state'

const NOW = Date.parse('2026-11-12T12:00:00Z')

void describe('backfill state', () => {
  void it('a new run covers the tracking window up to now, emails only what comes after it', () => {
    const state = newBackfill('run-1', 'install', NOW, 12.5)
    assert.equal(state.windowTo, '2026-11-12T12:00:00.000Z')
    assert.equal(state.windowFrom, '2026-10-31T00:00:00.000Z')
    assert.equal(state.emailsFrom, state.startedAt)
    assert.deepEqual(state.queue, [{ pass: 'invoiced', fromIso: state.windowFrom, toIso: state.windowTo, page: 1 }])
    assert.equal(isDone(state), false)
  })

  void it('counts the window from its own first page only, not from a half or a later page', () => {
    const state = newBackfill('run-1', 'admin', NOW, 10)
    assert.equal(isWholeWindow(state, state.queue[0]), true)
    assert.equal(isWholeWindow(state, { ...state.queue[0], page: 2 }), false)
    assert.equal(isWholeWindow(state, { ...state.queue[0], toIso: '2026-11-07T12:00:00.000Z' }), false)
  })

  void it('is done when nothing is left to read or register, and failures had their retries', () => {
    const state = { ...newBackfill('run-1', 'admin', NOW, 10), queue: [] }
    assert.equal(isDone(state), true)
    assert.equal(isDone({ ...state, pendingOrders: ['o-1'] }), false)
    assert.equal(isDone({ ...state, failedOrders: ['o-1'], retryRounds: 1 }), false)
    assert.equal(isDone({ ...state, failedOrders: ['o-1'], retryRounds: MAX_RETRY_ROUNDS }), true)
  })

  void it('a run silent for too long is no longer running (a start resumes it)', () => {
    const state = newBackfill('run-1', 'install', NOW, 10)
    assert.equal(isRunning(state, NOW + 1000), true)
    assert.equal(isRunning(state, NOW + STALE_RUN_MS), false)
    assert.equal(isRunning({ ...state, finishedAt: new Date(NOW).toISOString() }, NOW), false)
    assert.equal(isRunning(null, NOW), false)
  })

  void it('a run that stopped mid-way is stalled (reconciliation resumes it); a finished one never', () => {
    const state = newBackfill('run-1', 'install', NOW, 10)
    assert.equal(isStalled(state, NOW + 1000), false)
    assert.equal(isStalled(state, NOW + STALE_RUN_MS), true)
    assert.equal(isStalled({ ...state, finishedAt: new Date(NOW).toISOString() }, NOW + STALE_RUN_MS), false)
    assert.equal(isStalled(null, NOW), false)
  })

  void it('shows X of Y orders, started and finished, and how many failed', () => {
    const state = {
      ...newBackfill('run-1', 'install', NOW, 10),
      totalOrders: 500,
      processedOrders: 120,
      failedOrders: ['o-9'],
    }
    const progress = progressOf(state, NOW)
    assert.equal(progress?.totalOrders, 500)
    assert.equal(progress?.processedOrders, 120)
    assert.equal(progress?.failedOrders, 1)
    assert.equal(progress?.running, true)
    assert.equal(progressOf(null, NOW), null)
  })

  void it('accepts only an event that names a run', () => {
    assert.deepEqual(parseBackfillEvent({ runId: 'run-1' }), { runId: 'run-1' })
    assert.throws(() => parseBackfillEvent({}), TypeError)
    assert.throws(() => parseBackfillEvent(null), TypeError)
    assert.throws(() => parseBackfillEvent({ runId: 7 }), TypeError)
  })
})
