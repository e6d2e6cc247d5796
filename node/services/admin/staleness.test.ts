import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { carrierStaleness } from './staleness'

const NOW = Date.parse('2026-11-10T12:00:00.000Z')
const hoursAgo = (hours: number): string => new Date(NOW - hours * 3600_000).toISOString()
const base = { now: NOW, active: true, tracked: 4, pollingIntervalHours: 6 }

void describe('carrierStaleness', () => {
  void it('warns after one polling interval without a successful check, errs after two', () => {
    assert.equal(carrierStaleness({ ...base, lastSuccessAt: hoursAgo(5.9) }), 'ok')
    assert.equal(carrierStaleness({ ...base, lastSuccessAt: hoursAgo(6.1) }), 'warning')
    assert.equal(carrierStaleness({ ...base, lastSuccessAt: hoursAgo(12.1) }), 'error')
    assert.equal(carrierStaleness({ ...base, lastSuccessAt: hoursAgo(6 * 24) }), 'error')
  })

  void it('errs when shipments are followed and no check ever succeeded', () => {
    assert.equal(carrierStaleness({ ...base, lastSuccessAt: null }), 'error')
  })

  void it('stays quiet for a carrier with nothing to follow or not configured', () => {
    assert.equal(carrierStaleness({ ...base, tracked: 0, lastSuccessAt: null }), 'ok')
    assert.equal(carrierStaleness({ ...base, active: false, lastSuccessAt: hoursAgo(100) }), 'ok')
  })
})
