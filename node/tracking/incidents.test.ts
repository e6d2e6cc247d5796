import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { attentionCutoffs } from './attention'
import { closedAcks, incidentsOf, RESOLVED_UNTIL } from './incidents'
import { testRecord } from './testRecord'

const NOW = Date.parse('2026-11-10T15:00:00.000Z')
const cutoffs = attentionCutoffs(NOW, 72)

void describe('incidentsOf', () => {
  void it('lists each problem, open or dealt with, and says when stuck means never picked up', () => {
    const record = testRecord({
      status: 'INFO_RECEIVED',
      invoicedAt: '2026-11-02T12:00:00.000Z',
      promisedDelivery: '2026-11-09T12:00:00.000Z',
      consecutiveErrors: 2,
      ackFailing: '2026-11-11T00:00:00.000Z',
      ackOverdue: '2026-11-10T14:00:00.000Z',
    })
    assert.deepEqual(incidentsOf(record, cutoffs), [
      { kind: 'overdue', silencedUntil: null, resolved: false, neverPickedUp: false },
      { kind: 'stuck', silencedUntil: null, resolved: false, neverPickedUp: true },
      { kind: 'failing', silencedUntil: '2026-11-11T00:00:00.000Z', resolved: false, neverPickedUp: false },
    ])
  })

  void it('knows attempts, exceptions and returns apart', () => {
    const kinds = (status: 'ATTEMPT_FAIL' | 'EXCEPTION' | 'RETURNED') =>
      incidentsOf(
        testRecord({ status, state: status === 'RETURNED' ? 'done' : 'active', promisedDelivery: null }),
        cutoffs
      ).map((i) => i.kind)
    assert.deepEqual(kinds('ATTEMPT_FAIL'), ['attempt'])
    assert.deepEqual(kinds('EXCEPTION'), ['exception'])
    assert.deepEqual(kinds('RETURNED'), ['returned'])
  })

  void it('shows a resolved incident as resolved', () => {
    const [incident] = incidentsOf(
      testRecord({ status: 'RETURNED', state: 'done', ackReturned: RESOLVED_UNTIL }),
      cutoffs
    )
    assert.equal(incident.resolved, true)
  })
})

void describe('closedAcks', () => {
  const dealtWith = testRecord({
    status: 'IN_TRANSIT',
    lastEventAt: '2026-11-05T10:00:00.000Z',
    consecutiveErrors: 3,
    ackStuck: RESOLVED_UNTIL,
    ackAttempt: RESOLVED_UNTIL,
    ackFailing: '2026-11-12T00:00:00.000Z',
    ackOverdue: RESOLVED_UNTIL,
  })

  void it('ends the stuck acknowledgement when the parcel moves, and failing when a check succeeds', () => {
    assert.deepEqual(
      closedAcks(dealtWith, { lastEventAt: '2026-11-10T10:00:00.000Z', status: 'IN_TRANSIT', consecutiveErrors: 0 }),
      { ackStuck: null, ackFailing: null }
    )
  })

  void it('ends attempt and exception acknowledgements when the status changes; overdue stays dealt with', () => {
    assert.deepEqual(closedAcks(dealtWith, { status: 'OUT_FOR_DELIVERY', lastEventAt: dealtWith.lastEventAt }), {
      ackAttempt: null,
    })
  })

  void it('changes nothing when nothing moved', () => {
    assert.deepEqual(
      closedAcks(dealtWith, { status: 'IN_TRANSIT', lastEventAt: dealtWith.lastEventAt, consecutiveErrors: 4 }),
      {}
    )
  })
})
