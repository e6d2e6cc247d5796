import assert from 'node:assert/strict'
import { it } from 'node:test'

import { toVtexDeliveredDate, trackingUpdateFor } from './omsPayloads'

void it('formats deliveredDate as yyyy-mm-dd hh:mm in the carrier wall-clock time', () => {
  assert.equal(toVtexDeliveredDate('2026-11-03T08:30:00-03:00'), '2026-11-03 08:30')
  assert.equal(toVtexDeliveredDate('2026-11-03T08:30:00Z'), '2026-11-03 08:30')
  assert.throws(() => toVtexDeliveredDate('yesterday'), RangeError)
})

void it('sends every event with city/state strings and the description capped at 5000 characters', () => {
  const update = trackingUpdateFor(
    [
      {
        occurredAt: '2026-11-02T10:00:00-03:00',
        status: 'IN_TRANSIT',
        carrierCode: 'PAR/16',
        description: 'x'.repeat(6000),
        location: { country: 'HONG KONG' },
      },
    ],
    null
  )
  assert.equal(update.isDelivered, false)
  assert.equal(update.deliveredDate, null)
  assert.equal(update.events[0].city, 'HONG KONG')
  assert.equal(update.events[0].state, '')
  assert.equal(update.events[0].description.length, 5000)
})
