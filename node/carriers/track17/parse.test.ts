import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CarrierResponseError } from '../../errors'
import { parseTrack17Tracking } from '.'
import { mapTrack17Status } from './statusMap'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '__fixtures__', `${name}.json`), 'utf8')) as unknown
const one = (name: string, number: string) => {
  const results = parseTrack17Tracking(fixture(name), [number])
  assert.equal(results.length, 1)
  return results[0]
}

void describe('parseTrack17Tracking: the recorded (doc-shaped) responses', () => {
  void it('delivered (Correios 2151): the delivery has only time_raw and no zone; read in Recife, raw text kept', () => {
    const r = one('delivered-correios-2151', 'AA123456789BR')
    assert.equal(r.status, 'DELIVERED')
    const delivered = r.events.at(-1)
    assert.equal(delivered?.occurredAt, '2026-06-30T14:23:00-03:00')
    assert.equal(delivered?.occurredAtLocal, '2026-06-30T14:23:00', 'the raw date and time, no invented offset in it')
    assert.equal(delivered?.carrierCode, 'Delivered_Other')
    assert.equal(r.deliveredAt, '2026-06-30T14:23:00-03:00')
    for (const event of r.events) assert.match(event.occurredAt, /-03:00$/)
    const ordered = r.events.map((e) => Date.parse(e.occurredAt))
    assert.deepEqual(
      ordered,
      [...ordered].sort((a, b) => a - b),
      'ascending'
    )
    assert.ok(!r.messages.some((m) => /read as UTC/.test(m.message)))
  })

  void it('in transit (Yanwen): +08:00 kept as sent; an undocumented sub-status maps to its family and is reported; a refused number is not found', () => {
    const results = parseTrack17Tracking(fixture('in-transit-yanwen-190012'), ['YT2616912345678901', '21213123123230'])
    const [transit, refused] = results
    assert.equal(transit.status, 'IN_TRANSIT')
    assert.equal(transit.substatus, 'arrived_at_facility')
    assert.deepEqual(
      transit.events.map((e) => [e.occurredAt, e.carrierCode, e.status]),
      [
        ['2026-06-24T09:00:00+08:00', 'InTransit_PickedUp', 'IN_TRANSIT'],
        ['2026-06-26T16:30:00+08:00', 'InTransit_QuantumTunnelling', 'IN_TRANSIT'],
        ['2026-06-29T21:05:00+08:00', 'InTransit_Arrival', 'IN_TRANSIT'],
      ]
    )
    assert.ok(transit.messages.some((m) => m.code === 'UNMAPPED_CODE' && m.message.includes('QuantumTunnelling')))
    assert.equal(refused.found, false)
    assert.equal(refused.status, 'PENDING')
  })

  void it('exception returning (Correios): RETURN_TO_SENDER, never delivered', () => {
    const r = one('exception-returning', 'AA555666777BR')
    assert.equal(r.status, 'RETURN_TO_SENDER')
    assert.equal(r.deliveredAt, undefined)
    assert.equal(r.events[0].occurredAt, '2026-06-27T11:15:00-03:00')
  })

  void it('a number in no list is not found; a non-zero code is not a tracking answer', () => {
    assert.equal(one('delivered-correios-2151', 'ZZ000000000BR').found, false)
    assert.throws(
      () => parseTrack17Tracking({ code: -18010002, data: { errors: [{ code: -18010002, message: 'x' }] } }, ['A']),
      CarrierResponseError
    )
    assert.throws(() => parseTrack17Tracking('oops', ['A']), CarrierResponseError)
  })

  void it('a zoneless time with no place at all is read as UTC and said so', () => {
    const body = {
      code: 0,
      data: {
        accepted: [
          {
            number: 'XX1234567',
            carrier: 100001,
            track_info: {
              latest_status: { status: 'InTransit', sub_status: 'InTransit_Other' },
              tracking: {
                providers: [
                  {
                    events: [
                      {
                        time_iso: null,
                        time_utc: null,
                        time_raw: { date: '2026-07-01', time: '10:00:00', timezone: null },
                        sub_status: 'InTransit_Other',
                        description: 'x',
                      },
                    ],
                  },
                ],
              },
            },
          },
        ],
      },
    }
    const [r] = parseTrack17Tracking(body, ['XX1234567'])
    assert.equal(r.events[0].occurredAt, '2026-07-01T10:00:00+00:00')
    assert.ok(r.messages.some((m) => /read as UTC/.test(m.message)))
  })
})

void describe('17TRACK status table', () => {
  void it('sub-status decides; unknown values never deliver', () => {
    assert.deepEqual(mapTrack17Status('Exception_Returned'), { kind: 'status', status: 'RETURNED' })
    assert.deepEqual(mapTrack17Status('Exception_Lost'), { kind: 'status', status: 'FAILURE', substatus: 'lost' })
    assert.deepEqual(mapTrack17Status('DeliveryFailure_NoBody'), {
      kind: 'status',
      status: 'ATTEMPT_FAIL',
      substatus: 'recipient_unavailable',
    })
    assert.deepEqual(mapTrack17Status('Delivered_ByDrone'), { kind: 'unmapped' })
    assert.deepEqual(mapTrack17Status('Teleported_Other'), { kind: 'unmapped' })
    assert.deepEqual(mapTrack17Status(null, 'OutForDelivery'), { kind: 'status', status: 'OUT_FOR_DELIVERY' })
  })
})
