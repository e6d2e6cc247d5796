import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { testRecord } from '../../tracking/testRecord'
import { carrierCorrection } from './correctCarrier'

const NOW = Date.parse('2026-11-06T15:00:00.000Z')

void describe('carrierCorrection', () => {
  void it('starts tracking over with the new carrier, due now, and records who did it', () => {
    const record = testRecord({
      state: 'unresolved_carrier',
      carrier: null,
      consecutiveErrors: 3,
      lastErrorReason: 'tracking_number_not_found',
    })
    const patch = carrierCorrection(record, 'ups', 'admin@orderly.example', NOW)
    assert.equal(patch.carrier, 'ups')
    assert.equal(patch.state, 'active')
    assert.equal(patch.status, 'PENDING')
    assert.deepEqual(patch.events, [])
    assert.equal(patch.lastWrittenHash, null, 'the new carrier events will be written to the order')
    assert.equal(patch.nextCheckAt, '2026-11-06T15:00:00.000Z')
    assert.equal(patch.nextCheckReason, 'carrier_corrected')
    assert.equal(patch.consecutiveErrors, 0)
    assert.equal(patch.lastManualActionBy, 'admin@orderly.example')
  })

  void it("drops a tracking URL the app wrote for the wrong carrier, never the merchant's own", () => {
    const appWritten = testRecord({
      trackingUrl: 'https://rastreamento.correios.com.br/x',
      invoicePatchedAt: '2026-11-02T12:01:00Z',
    })
    assert.deepEqual(
      [
        carrierCorrection(appWritten, 'ups', 'a@b.c', NOW).trackingUrl,
        carrierCorrection(appWritten, 'ups', 'a@b.c', NOW).invoicePatchedAt,
      ],
      [null, null]
    )
    const merchants = testRecord({ trackingUrl: 'https://store.example/track/1', invoicePatchedAt: null })
    assert.equal('trackingUrl' in carrierCorrection(merchants, 'ups', 'a@b.c', NOW), false)
  })
})
