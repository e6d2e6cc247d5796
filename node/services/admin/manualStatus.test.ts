import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { TrackingEvent } from '../../tracking/carrierResult'
import { eventsHash } from '../../tracking/eventsHash'
import { testRecord } from '../../tracking/testRecord'
import { AdminRequestError } from './adminErrors'
import { MANUAL_CARRIER_CODE, manualStatusUpdate, parseManualStatus } from './manualStatus'

const NOW = Date.parse('2026-11-06T15:00:00.000Z')
const ctx = { now: NOW, by: 'admin@orderly.example', pollingIntervalHours: 6, trackingWindowDays: 12.5 }
const posted: TrackingEvent = {
  occurredAt: '2026-11-02T14:00:00-03:00',
  status: 'IN_TRANSIT',
  carrierCode: 'PO/01',
  description: 'Objeto postado',
  location: { city: 'SAO PAULO', state: 'SP' },
}
const stuck = testRecord({ status: 'IN_TRANSIT', events: [posted], lastEventAt: '2026-11-02T17:00:00.000Z' })

const rejects = (body: unknown, reason: string): void =>
  assert.throws(
    () => parseManualStatus(body, NOW),
    (error: unknown) => error instanceof AdminRequestError && error.reason === reason
  )

void describe('parseManualStatus', () => {
  void it('accepts a status, an optional delivery time, internal note and customer message', () => {
    assert.deepEqual(parseManualStatus({ status: 'DELIVERED' }, NOW), { status: 'DELIVERED' })
    assert.deepEqual(
      parseManualStatus(
        {
          status: 'DELIVERED',
          deliveredAt: '2026-11-06T10:30:00-03:00',
          internalNote: '  Porter signed ',
          customerMessage: ' Left with the porter ',
        },
        NOW
      ),
      {
        status: 'DELIVERED',
        deliveredAt: '2026-11-06T10:30:00-03:00',
        internalNote: 'Porter signed',
        customerMessage: 'Left with the porter',
      }
    )
    assert.deepEqual(parseManualStatus({ status: 'DELIVERED', internalNote: '  ', customerMessage: '' }, NOW), {
      status: 'DELIVERED',
    })
  })

  void it('refuses the old single note, which reached the customer, and over-long texts', () => {
    rejects({ status: 'DELIVERED', note: 'Customer called, angry' }, 'invalid_status')
    rejects({ status: 'DELIVERED', internalNote: 'x'.repeat(201) }, 'invalid_status')
    rejects({ status: 'DELIVERED', customerMessage: 'x'.repeat(251) }, 'invalid_status')
    rejects({ status: 'DELIVERED', customerMessage: 7 }, 'invalid_status')
  })

  void it('refuses what the app sets itself, unknown statuses and bad dates', () => {
    rejects({ status: 'EXPIRED' }, 'status_not_allowed')
    rejects({ status: 'UNKNOWN' }, 'status_not_allowed')
    // Nothing heard from the carrier yet is the app's own starting point, never an admin's answer.
    rejects({ status: 'PENDING' }, 'status_not_allowed')
    rejects({ status: 'LOST' }, 'invalid_status')
    rejects({}, 'invalid_status')
    rejects({ status: 'DELIVERED', deliveredAt: 'yesterday' }, 'invalid_status')
    rejects({ status: 'DELIVERED', deliveredAt: '2026-11-07T15:00:00Z' }, 'invalid_status')
    rejects({ status: 'IN_TRANSIT', deliveredAt: '2026-11-06T10:00:00Z' }, 'invalid_status')
    rejects({ status: 'DELIVERED', internalNote: 42 }, 'invalid_status')
  })
})

void describe('manualStatusUpdate', () => {
  void it('marks delivered: the full event list plus a manual event, and polling stops', () => {
    const { patch, trackingUpdate } = manualStatusUpdate(
      { ...stuck, consecutiveErrors: 2, lastErrorReason: 'carrier_unavailable' },
      { status: 'DELIVERED' },
      ctx
    )
    const manual: TrackingEvent = {
      occurredAt: '2026-11-06T15:00:00.000Z',
      status: 'DELIVERED',
      carrierCode: MANUAL_CARRIER_CODE,
      description: 'Delivered (confirmed by the store)',
    }
    assert.deepEqual(trackingUpdate, {
      isDelivered: true,
      deliveredDate: '2026-11-06 15:00',
      events: [
        { city: 'SAO PAULO', state: 'SP', description: 'Objeto postado', date: '2026-11-02T14:00:00-03:00' },
        {
          city: '',
          state: '',
          description: 'Delivered (confirmed by the store)',
          date: '2026-11-06T15:00:00.000Z',
        },
      ],
    })
    assert.deepEqual(patch.events, [posted, manual])
    assert.equal(patch.status, 'DELIVERED')
    assert.equal(patch.state, 'done')
    assert.equal(patch.nextCheckAt, null)
    assert.equal(patch.deliveredAt, '2026-11-06T15:00:00.000Z')
    assert.equal(patch.lastManualActionBy, 'admin@orderly.example')
    assert.equal(patch.lastWrittenHash, eventsHash('DELIVERED', [posted, manual]))
    assert.equal(patch.lastOmsWriteAt, '2026-11-06T15:00:00.000Z')
    assert.equal(patch.consecutiveErrors, 0, 'a settled shipment no longer counts as failing')
    assert.equal(patch.adminLog?.[0].action, 'set_status')
  })

  void it('with only an internal note, the order gets the neutral text', () => {
    const { trackingUpdate, patch } = manualStatusUpdate(
      stuck,
      { status: 'IN_TRANSIT', internalNote: 'Carrier said it was mis-sorted' },
      ctx
    )
    assert.equal(trackingUpdate.events[1].description, 'Status updated by the store: IN_TRANSIT')
    assert.ok(!JSON.stringify(trackingUpdate).includes('mis-sorted'))
    assert.equal(
      patch.adminLog?.[0].action === 'set_status' && patch.adminLog[0].note,
      'Carrier said it was mis-sorted'
    )
  })

  void it('uses the delivery time and customer message given; the internal note stays in the registry', () => {
    const { patch, trackingUpdate } = manualStatusUpdate(
      stuck,
      {
        status: 'DELIVERED',
        deliveredAt: '2026-11-05T18:20:00-03:00',
        customerMessage: 'Left with the porter',
        internalNote: 'Customer was rude on the phone',
      },
      ctx
    )
    assert.equal(trackingUpdate.deliveredDate, '2026-11-05 18:20')
    assert.equal(trackingUpdate.events[1].description, 'Left with the porter')
    assert.ok(!JSON.stringify(trackingUpdate).includes('rude'), 'the internal note never reaches the order')
    assert.ok(!JSON.stringify(patch.events).includes('rude'), 'nor the events the next write sends')
    assert.deepEqual(patch.adminLog, [
      {
        action: 'set_status',
        at: '2026-11-06T15:00:00.000Z',
        by: 'admin@orderly.example',
        status: 'DELIVERED',
        note: 'Customer was rude on the phone',
        customerMessage: 'Left with the porter',
      },
    ])
    assert.equal(patch.deliveredAt, '2026-11-05T21:20:00.000Z')
    assert.equal(patch.lastEventAt, '2026-11-05T21:20:00.000Z')
  })

  void it('keeps polling after a non-final status, and expires once the window has closed', () => {
    const { patch, trackingUpdate } = manualStatusUpdate(stuck, { status: 'ATTEMPT_FAIL' }, ctx)
    assert.equal(trackingUpdate.isDelivered, false)
    assert.equal(trackingUpdate.deliveredDate, null)
    assert.equal(patch.state, 'active')
    assert.equal(patch.nextCheckReason, 'manual_status')
    assert.equal(patch.nextCheckAt, '2026-11-06T18:00:00.000Z')
    assert.equal(patch.deliveredAt, null)
    assert.equal(patch.events?.[1].description, 'Status updated by the store: ATTEMPT_FAIL')

    const late = manualStatusUpdate(
      stuck,
      { status: 'IN_TRANSIT' },
      { ...ctx, now: Date.parse('2026-11-20T00:00:00Z') }
    )
    assert.equal(late.patch.state, 'expired')
    assert.equal(late.patch.nextCheckAt, null)
  })

  void it('leaves a shipment waiting for a carrier in the re-read loop', () => {
    const { patch } = manualStatusUpdate({ ...stuck, state: 'unresolved_carrier' }, { status: 'IN_TRANSIT' }, ctx)
    assert.equal(patch.state, undefined)
    assert.equal(patch.nextCheckAt, undefined)
  })
})
