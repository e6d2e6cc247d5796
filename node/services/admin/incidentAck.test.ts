import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { attentionCutoffs } from '../../tracking/attention'
import { RESOLVED_UNTIL } from '../../tracking/incidents'
import { testRecord } from '../../tracking/testRecord'
import { AdminRequestError } from './adminErrors'
import { incidentAck, parseIncidentAck } from './incidentAck'

const NOW = Date.parse('2026-11-10T15:00:00.000Z')
const ctx = { now: NOW, by: 'support@orderly.example', cutoffs: attentionCutoffs(NOW, 72) }
const stuck = testRecord({ status: 'IN_TRANSIT', lastEventAt: '2026-11-05T10:00:00.000Z' })

const rejects = (fn: () => unknown, reason: string): void =>
  assert.throws(fn, (error: unknown) => error instanceof AdminRequestError && error.reason === reason)

void describe('parseIncidentAck', () => {
  void it('takes a kind, an action, a reason and, to snooze, an end', () => {
    assert.deepEqual(parseIncidentAck({ kind: 'stuck', action: 'resolve', reason: ' Carrier confirmed ' }, NOW), {
      kind: 'stuck',
      action: 'resolve',
      reason: 'Carrier confirmed',
    })
    assert.deepEqual(
      parseIncidentAck(
        { kind: 'overdue', action: 'snooze', reason: 'Customer agreed to wait', until: '2026-11-12T12:00:00-03:00' },
        NOW
      ),
      { kind: 'overdue', action: 'snooze', reason: 'Customer agreed to wait', until: '2026-11-12T15:00:00.000Z' }
    )
  })

  void it('refuses no reason, unknown kinds, snoozes without an end, in the past or over 30 days', () => {
    rejects(() => parseIncidentAck({ kind: 'stuck', action: 'resolve' }, NOW), 'invalid_incident')
    rejects(() => parseIncidentAck({ kind: 'stuck', action: 'resolve', reason: 'ok' }, NOW), 'invalid_incident')
    rejects(() => parseIncidentAck({ kind: 'late', action: 'resolve', reason: 'fine now' }, NOW), 'invalid_incident')
    rejects(() => parseIncidentAck({ kind: 'stuck', action: 'hide', reason: 'fine now' }, NOW), 'invalid_incident')
    rejects(() => parseIncidentAck({ kind: 'stuck', action: 'snooze', reason: 'fine now' }, NOW), 'invalid_incident')
    const snooze = (until: string) => () =>
      parseIncidentAck({ kind: 'stuck', action: 'snooze', reason: 'fine now', until }, NOW)
    rejects(snooze('2026-11-10T14:00:00.000Z'), 'invalid_incident')
    rejects(snooze('2026-12-11T15:00:00.000Z'), 'invalid_incident')
    rejects(
      () => parseIncidentAck({ kind: 'stuck', action: 'resolve', reason: 'fine now', until: '2026-11-11' }, NOW),
      'invalid_incident'
    )
  })
})

void describe('incidentAck', () => {
  void it('resolves: silenced until the problem ends by itself, with who, when and why in the log', () => {
    const patch = incidentAck(stuck, { kind: 'stuck', action: 'resolve', reason: 'Carrier says it is in a hub' }, ctx)
    assert.equal(patch.ackStuck, RESOLVED_UNTIL)
    assert.equal(patch.lastManualActionBy, 'support@orderly.example')
    assert.deepEqual(patch.adminLog, [
      {
        action: 'resolve',
        at: '2026-11-10T15:00:00.000Z',
        by: 'support@orderly.example',
        kind: 'stuck',
        reason: 'Carrier says it is in a hub',
        until: null,
      },
    ])
  })

  void it('snoozes until the given instant', () => {
    const until = '2026-11-12T00:00:00.000Z'
    const patch = incidentAck(stuck, { kind: 'stuck', action: 'snooze', reason: 'Asked the carrier', until }, ctx)
    assert.equal(patch.ackStuck, until)
  })

  void it('refuses a problem the shipment does not have', () => {
    rejects(
      () => incidentAck(stuck, { kind: 'returned', action: 'resolve', reason: 'Restocked' }, ctx),
      'no_open_incident'
    )
  })
})
