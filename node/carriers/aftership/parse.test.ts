import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CarrierResponseError } from '../../errors'
import { aftershipErrorMessage, parseAftershipTracking } from '.'
import type { AftershipTracking } from './contract'
import { parseOne } from './parse'
import { mapAftershipStatus } from './statusMap'

const raw = (name: string): string => readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8')
const fixture = (name: string): unknown => JSON.parse(raw(`${name}.json`)) as unknown
const one = (name: string, number: string) => {
  const results = parseAftershipTracking(fixture(name), [number])
  assert.equal(results.length, 1)
  return results[0]
}
const TN = '3SKAAG5995399'

void describe('parseAftershipTracking: the recorded responses', () => {
  void it('in transit (v4 GET): checkpoint times keep the +01:00 they were sent with, raw text kept', () => {
    const r = one('in-transit-local-offsets', TN)
    assert.equal(r.found, true)
    assert.equal(r.status, 'IN_TRANSIT')
    assert.equal(r.events.length, 6)
    assert.deepEqual(
      r.events.map((e) => [e.occurredAt, e.occurredAtLocal, e.status, e.carrierCode]),
      [
        ['2021-03-20T15:29:27+01:00', '2021-03-20T15:29:27+01:00', 'INFO_RECEIVED', 'InfoReceived_001'],
        ['2021-03-20T15:29:56+01:00', '2021-03-20T15:29:56+01:00', 'INFO_RECEIVED', 'InfoReceived_001'],
        ['2021-03-20T15:32:37+01:00', '2021-03-20T15:32:37+01:00', 'IN_TRANSIT', 'InTransit_001'],
        ['2021-03-22T18:33:57+01:00', '2021-03-22T18:33:57+01:00', 'IN_TRANSIT', 'InTransit_001'],
        ['2021-03-22T18:36:04+01:00', '2021-03-22T18:36:04+01:00', 'IN_TRANSIT', 'InTransit_001'],
        ['2021-03-25T10:59:00+01:00', '2021-03-25T10:59:00+01:00', 'IN_TRANSIT', 'InTransit_004'],
      ]
    )
    assert.deepEqual(r.events.at(-1)?.location, { country: 'ES' })
    assert.equal(r.deliveredAt, undefined)
  })

  void it('the same shipment from PUT a minute later (UTC .000Z times): same instants, kept in UTC as sent', () => {
    const local = one('in-transit-local-offsets', TN)
    const utc = one('in-transit-utc-times', TN)
    assert.equal(utc.status, 'IN_TRANSIT')
    assert.deepEqual(
      utc.events.map((e) => Date.parse(e.occurredAt)),
      local.events.map((e) => Date.parse(e.occurredAt))
    )
    assert.equal(utc.events[0].occurredAt, '2021-03-20T14:29:27+00:00')
    assert.equal(utc.events[0].occurredAtLocal, '2021-03-20T14:29:27.000Z')
  })

  void it('pending (v4 create 201, no checkpoints): found, PENDING, "no scans yet"', () => {
    const r = one('pending-create-201', 'HH19260817')
    assert.equal(r.found, true)
    assert.equal(r.status, 'PENDING')
    assert.deepEqual(r.events, [])
    assert.ok(r.messages.some((m) => m.code === 'NO_EVENTS'))
  })

  void it('delivered (2026-07 docs example): picked up by customer, at the -05:00 it was sent with', () => {
    const r = one('delivered-docs-example', '61293150000079650811')
    assert.equal(r.status, 'DELIVERED')
    assert.equal(r.substatus, 'delivered_to_pickup_point')
    assert.equal(r.deliveredAt, '2022-01-01T18:47:10-05:00')
    assert.equal(r.events[0].carrierCode, 'Delivered_002/RO', 'subtag and the courier raw tag kept')
    assert.deepEqual(r.events[0].location, { city: 'New York', state: 'NY', postalCode: '10011', country: 'US' })
    assert.equal(r.estimatedDelivery, '2022-01-03T12:11:11+01:00')
  })

  void it('a number AfterShip does not list is not found; the others keep request order', () => {
    const results = parseAftershipTracking(fixture('in-transit-local-offsets'), ['NOPE1234', TN.toLowerCase()])
    assert.deepEqual(
      results.map((r) => [r.trackingNumber, r.found, r.status]),
      [
        ['NOPE1234', false, 'PENDING'],
        [TN.toLowerCase(), true, 'IN_TRANSIT'],
      ]
    )
  })

  void it('a dated list answer (data.trackings) with two numbers', () => {
    const inTransit = (fixture('in-transit-local-offsets') as { data: { tracking: AftershipTracking } }).data.tracking
    const pending = (fixture('pending-create-201') as { data: { tracking: AftershipTracking } }).data.tracking
    const list = { meta: { code: 200 }, data: { pagination: { total: 2 }, trackings: [pending, inTransit] } }
    const results = parseAftershipTracking(list, [TN, 'HH19260817'])
    assert.deepEqual(
      results.map((r) => r.status),
      ['IN_TRANSIT', 'PENDING']
    )
  })

  void it('the 502 text body and JSON error bodies both give AfterShip’s words', () => {
    assert.equal(aftershipErrorMessage(raw('error-502-body.txt')), 'Interal Error')
    assert.equal(
      aftershipErrorMessage({ meta: { code: 429, type: 'TooManyRequests', message: 'slow down' } }),
      '429 TooManyRequests slow down'
    )
    assert.throws(() => parseAftershipTracking(raw('error-502-body.txt'), [TN]), CarrierResponseError)
    assert.throws(() => parseAftershipTracking({ data: {} }, [TN]), CarrierResponseError)
  })
})

void describe('AfterShip status table', () => {
  const tracking = (checkpoints: AftershipTracking['checkpoints'], tag = 'InTransit'): AftershipTracking => ({
    tracking_number: 'AB123456789BR',
    tag,
    destination_country_iso3: 'BRA',
    checkpoints,
  })

  void it('maps every documented tag, narrows by subtag of its own tag only', () => {
    assert.deepEqual(mapAftershipStatus('Exception', 'Exception_011'), { kind: 'status', status: 'RETURNED' })
    assert.deepEqual(mapAftershipStatus('Exception', 'Exception_010'), { kind: 'status', status: 'RETURN_TO_SENDER' })
    assert.deepEqual(mapAftershipStatus('Exception', 'Exception_013'), {
      kind: 'status',
      status: 'FAILURE',
      substatus: 'lost',
    })
    assert.deepEqual(mapAftershipStatus('AttemptFail', 'AttemptFail_002'), {
      kind: 'status',
      status: 'ATTEMPT_FAIL',
      substatus: 'recipient_unavailable',
    })
    assert.deepEqual(mapAftershipStatus('InTransit', 'Delivered_001'), { kind: 'status', status: 'IN_TRANSIT' })
    assert.deepEqual(mapAftershipStatus('Expired', 'Expired_001'), { kind: 'status', status: 'EXPIRED' })
  })

  void it('an unknown tag is UNKNOWN with its raw code, reported, and never delivers (even with a Delivered-looking subtag)', () => {
    const r = parseOne(
      'AB123456789BR',
      tracking(
        [
          {
            checkpoint_time: '2026-11-02T10:00:00-03:00',
            tag: 'InTransit',
            subtag: 'InTransit_001',
            message: 'Postado',
          },
          { checkpoint_time: '2026-11-03T10:00:00-03:00', tag: 'Delivrd', subtag: 'Delivered_001', message: '?' },
        ],
        'Delivrd'
      )
    )
    assert.equal(r.status, 'UNKNOWN')
    assert.equal(r.deliveredAt, undefined)
    assert.equal(r.events[1].carrierCode, 'Delivered_001')
    assert.ok(r.messages.some((m) => m.code === 'UNMAPPED_CODE'))
  })

  void it('a checkpoint time without offset is read in the checkpoint country zone, raw text kept', () => {
    const r = parseOne(
      'AB123456789BR',
      tracking([
        { checkpoint_time: '2026-11-02T10:00:00', tag: 'InTransit', country_iso3: 'BRA', message: 'Em trânsito' },
      ])
    )
    assert.equal(r.events[0].occurredAt, '2026-11-02T10:00:00-03:00')
    assert.equal(r.events[0].occurredAtLocal, '2026-11-02T10:00:00')
  })

  void it('without offset or any place: read as UTC and said so, never silently', () => {
    const r = parseOne('X1234567', {
      tracking_number: 'X1234567',
      tag: 'InTransit',
      checkpoints: [{ checkpoint_time: '2026-11-02T10:00:00', tag: 'InTransit' }],
    })
    assert.equal(r.events[0].occurredAt, '2026-11-02T10:00:00+00:00')
    assert.ok(r.messages.some((m) => /without an offset/.test(m.message)))
  })
})
