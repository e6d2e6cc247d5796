import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CarrierResponseError } from '../../errors'
import { dhlProblemMessage, isDhlTrackingNumber, parseDhlTracking } from '.'
import { buildTrackRequest } from './request'

const TN = '3318810025'
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '__fixtures__', `${name}.json`), 'utf8')) as unknown
const one = (name: string, number = TN) => {
  const results = parseDhlTracking(fixture(name), [number])
  assert.equal(results.length, 1)
  return results[0]
}

void describe('parseDhlTracking: one recorded response per state', () => {
  void it('delivered: offsets kept, zoneless local times read in the country of the event, POD time', () => {
    const r = one('delivered')
    assert.equal(r.status, 'DELIVERED')
    assert.deepEqual(
      r.events.map((e) => [e.occurredAt, e.occurredAtLocal, e.status]),
      [
        ['2026-03-02T09:12:00+01:00', '2026-03-02T09:12:00+01:00', 'INFO_RECEIVED'],
        ['2026-03-02T17:40:00+01:00', '2026-03-02T17:40:00+01:00', 'IN_TRANSIT'],
        ['2026-03-02T22:05:00+01:00', '2026-03-02T22:05:00', 'IN_TRANSIT'],
        ['2026-03-03T02:31:00+00:00', '2026-03-03T02:31:00Z', 'IN_TRANSIT'],
        ['2026-03-03T07:53:47+01:00', '2026-03-03T07:53:47', 'OUT_FOR_DELIVERY'],
        ['2026-03-03T11:20:00+01:00', '2026-03-03T11:20:00', 'DELIVERED'],
      ]
    )
    assert.equal(r.deliveredAt, '2026-03-03T11:20:00+01:00')
    assert.deepEqual(r.events.at(-1)?.location, { city: 'AMSTERDAM', postalCode: '1043 AG', country: 'NL' })
  })

  void it('in transit, with the estimated time read in the destination zone', () => {
    const r = one('in_transit')
    assert.equal(r.status, 'IN_TRANSIT')
    assert.equal(r.estimatedDelivery, '2026-03-03T18:00:00+01:00')
  })

  void it('out for delivery ("With delivery courier"); a midnight estimate is a date', () => {
    const r = one('out_for_delivery')
    assert.equal(r.status, 'OUT_FOR_DELIVERY')
    assert.equal(r.estimatedDelivery, '2026-03-03')
  })

  void it('failure with an attempt text is ATTEMPT_FAIL; with an address text it is an address EXCEPTION', () => {
    assert.equal(one('attempt').status, 'ATTEMPT_FAIL')
    const exception = one('exception')
    assert.equal(exception.status, 'EXCEPTION')
    assert.equal(exception.substatus, 'address_issue')
  })

  void it('returned: "being returned" then "returned to the sender" with statusCode delivered is RETURNED', () => {
    const r = one('returned')
    assert.equal(r.status, 'RETURNED')
    assert.equal(r.deliveredAt, undefined)
    assert.deepEqual(
      r.events.slice(-3).map((e) => e.status),
      ['RETURN_TO_SENDER', 'RETURN_TO_SENDER', 'RETURNED']
    )
  })

  void it('not found: the 404 problem is data', () => {
    assert.deepEqual(one('not_found_404'), {
      carrier: 'dhl',
      trackingNumber: TN,
      found: false,
      status: 'PENDING',
      events: [],
      messages: [{ code: 'NOT_FOUND', message: '404 No result found: No shipment with given tracking number found.' }],
    })
  })

  void it('auth error: the 401 problem is not a tracking answer; its text is readable', () => {
    assert.throws(() => parseDhlTracking(fixture('auth_401'), [TN]), CarrierResponseError)
    assert.equal(dhlProblemMessage(fixture('auth_401')), '401 Unauthorized: Unauthorized for given resource.')
  })

  void it('statusCode unknown (and any code outside the enum) is UNKNOWN with a message', () => {
    const r = one('unknown_status')
    assert.equal(r.status, 'UNKNOWN')
    assert.ok(r.messages.some((m) => m.code === 'UNMAPPED_CODE'))
    const raw = fixture('in_transit') as { shipments: Array<{ events: Array<Record<string, unknown>> }> }
    raw.shipments[0].events.unshift({
      ...raw.shipments[0].events[0],
      statusCode: 'completed',
      status: 'Delivered',
      timestamp: '2026-03-04T10:00:00Z',
    })
    assert.equal(parseDhlTracking(raw, [TN])[0].status, 'UNKNOWN', 'a delivered-sounding text never delivers')
  })

  void it('several divisions for one number: the shipment whose id is the number, others named', () => {
    const r = one('two_divisions')
    assert.equal(r.status, 'IN_TRANSIT')
    assert.equal(r.events.length, 4)
    assert.ok(r.messages.some((m) => m.message.includes('JJD1234567890 (parcel-de)')))
  })

  void it('refuses bodies that are not the documented shape', () => {
    assert.throws(() => parseDhlTracking({ shipments: {} }, [TN]), CarrierResponseError)
    assert.throws(
      () => parseDhlTracking({ shipments: [{ events: [{ timestamp: 'soon' }] }] }, [TN]),
      CarrierResponseError
    )
  })
})

void describe('DHL request and detection', () => {
  void it('sends the key as a header, the number and the service as query parameters', () => {
    assert.deepEqual(buildTrackRequest({ apiKey: ' key ', service: 'express' }, '3318 810025'), {
      path: '/track/shipments',
      query: { trackingNumber: '3318810025', language: 'en', service: 'express' },
      headers: { 'DHL-API-Key': 'key', Accept: 'application/json' },
    })
    assert.throws(() => buildTrackRequest({ apiKey: 'k', service: 'pigeon' as never }, TN))
  })

  void it('detects Express waybills by their mod 7 check digit and piece ids', () => {
    for (const n of ['3318810025', '73891051146', 'JJD0099999999']) assert.ok(isDhlTrackingNumber(n), n)
    for (const n of ['3318810026', '986578788855']) assert.ok(!isDhlTrackingNumber(n), n)
  })
})
