import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { attentionCutoffs, isException, isNeverPickedUp, isOverdue, isStuck } from './attention'
import { testRecord } from './testRecord'

const NOW = Date.parse('2026-11-10T15:00:00.000Z')
const cutoffs = attentionCutoffs(NOW, 72)

void describe('attentionCutoffs', () => {
  void it('derives every cutoff from now and the stuck setting', () => {
    assert.deepEqual(cutoffs, {
      now: '2026-11-10T15:00:00.000Z',
      today: '2026-11-10',
      timeZone: 'UTC',
      stuckBefore: '2026-11-07T15:00:00.000Z',
      pickupBefore: '2026-11-08T15:00:00.000Z',
    })
  })
})

void describe('isOverdue', () => {
  void it('flags a shipment past the promised date with no carrier estimate', () => {
    assert.equal(isOverdue(testRecord({ promisedDelivery: '2026-11-10T14:59:59.000Z' }), cutoffs), true)
    assert.equal(isOverdue(testRecord({ promisedDelivery: '2026-11-10T15:00:01.000Z' }), cutoffs), false)
  })

  void it('waits for a later carrier estimate to pass before flagging', () => {
    const late = { promisedDelivery: '2026-11-08T12:00:00.000Z' }
    assert.equal(isOverdue(testRecord({ ...late, estimatedDelivery: '2026-11-10' }), cutoffs), false, 'due today')
    assert.equal(isOverdue(testRecord({ ...late, estimatedDelivery: '2026-11-09' }), cutoffs), true)
    // Correios estimates are local instants: compared by their calendar date.
    assert.equal(isOverdue(testRecord({ ...late, estimatedDelivery: '2026-11-10T23:59:00-03:00' }), cutoffs), false)
    assert.equal(isOverdue(testRecord({ ...late, estimatedDelivery: '2026-11-09T23:59:00-03:00' }), cutoffs), true)
  })

  void it('uses the carrier estimate alone when the order promised nothing', () => {
    assert.equal(isOverdue(testRecord({ promisedDelivery: null, estimatedDelivery: '2026-11-09' }), cutoffs), true)
    assert.equal(isOverdue(testRecord({ promisedDelivery: null, estimatedDelivery: null }), cutoffs), false)
  })

  void it('never flags a finished shipment, but flags expired and waiting ones', () => {
    const past = { promisedDelivery: '2026-11-01T00:00:00.000Z' }
    assert.equal(isOverdue(testRecord({ ...past, state: 'done', status: 'DELIVERED' }), cutoffs), false)
    assert.equal(isOverdue(testRecord({ ...past, state: 'done', status: 'RETURNED' }), cutoffs), false)
    assert.equal(isOverdue(testRecord({ ...past, state: 'expired', status: 'EXPIRED' }), cutoffs), true)
    assert.equal(isOverdue(testRecord({ ...past, state: 'awaiting_tracking' }), cutoffs), true)
  })
})

void describe('isStuck and isNeverPickedUp', () => {
  void it('flags an active shipment whose last carrier event is older than the setting', () => {
    const silent = testRecord({ status: 'IN_TRANSIT', lastEventAt: '2026-11-07T14:59:00.000Z' })
    assert.equal(isStuck(silent, cutoffs), true)
    assert.equal(isStuck({ ...silent, lastEventAt: '2026-11-07T15:01:00.000Z' }, cutoffs), false)
    assert.equal(isStuck({ ...silent, state: 'done' }, cutoffs), false, 'finished shipments are never stuck')
    assert.equal(isStuck(silent, attentionCutoffs(NOW, 96)), false, 'the setting moves the cutoff')
  })

  void it('flags a package the carrier has not scanned 48 hours after invoicing', () => {
    const old = { invoicedAt: '2026-11-08T14:00:00.000Z' }
    for (const status of ['PENDING', 'INFO_RECEIVED'] as const) {
      const record = testRecord({ ...old, status })
      assert.equal(isNeverPickedUp(record, cutoffs), true, status)
      assert.equal(isStuck(record, cutoffs), true, `${status} counts as stuck`)
    }
    assert.equal(isNeverPickedUp(testRecord({ invoicedAt: '2026-11-08T16:00:00.000Z' }), cutoffs), false)
    assert.equal(isNeverPickedUp(testRecord({ ...old, status: 'IN_TRANSIT' }), cutoffs), false)
    assert.equal(isNeverPickedUp(testRecord({ ...old, state: 'awaiting_tracking' }), cutoffs), false)
  })
})

void describe('isException', () => {
  void it('covers the statuses that need the merchant', () => {
    assert.deepEqual(
      (['EXCEPTION', 'RETURN_TO_SENDER', 'FAILURE', 'ATTEMPT_FAIL', 'DELIVERED', 'RETURNED'] as const).map((status) =>
        isException({ status })
      ),
      [true, true, true, false, false, false]
    )
  })
})
