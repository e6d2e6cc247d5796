import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CarrierResponseError } from '../../errors'
import { isUspsTrackingNumber, parseUspsTracking, uspsErrorMessage } from '.'

const TN = '9400111206206406260787'
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '__fixtures__', `${name}.json`), 'utf8')) as unknown
const one = (name: string, number = TN) => {
  const results = parseUspsTracking(fixture(name), [number])
  assert.equal(results.length, 1)
  return results[0]
}

void describe('parseUspsTracking: one recorded response per state', () => {
  void it('delivered: instants from GMTTimestamp, written at GMTOffset; the misleading Z stays raw only', () => {
    const r = one('delivered')
    assert.equal(r.status, 'DELIVERED')
    assert.equal(r.deliveredAt, '2026-07-09T12:55:00-07:00')
    assert.deepEqual(
      r.events.map((e) => [e.occurredAt, e.status, e.carrierCode]),
      [
        ['2026-07-06T16:05:00-05:00', 'INFO_RECEIVED', 'MA'],
        ['2026-07-06T18:42:00-05:00', 'IN_TRANSIT', '03'],
        ['2026-07-07T01:10:00-05:00', 'IN_TRANSIT', 'EF'],
        ['2026-07-08T22:14:00-07:00', 'IN_TRANSIT', '10'],
        ['2026-07-09T06:02:00-07:00', 'IN_TRANSIT', '07'],
        ['2026-07-09T07:31:00-07:00', 'OUT_FOR_DELIVERY', 'OF'],
        ['2026-07-09T12:55:00-07:00', 'DELIVERED', '01'],
      ]
    )
    assert.equal(r.events.at(-1)?.occurredAtLocal, '2026-07-09T12:55:00Z', 'raw value kept beside it')
    assert.deepEqual(r.events.at(-1)?.location, { city: 'SEATTLE', state: 'WA', postalCode: '98101' })
  })

  void it('in transit, with the expected delivery date (date only: its zone is not trustworthy)', () => {
    const r = one('in_transit')
    assert.equal(r.status, 'IN_TRANSIT')
    assert.equal(r.substatus, 'arrived_at_facility')
    assert.equal(r.estimatedDelivery, '2026-07-09')
  })

  void it('out for delivery', () => {
    assert.equal(one('out_for_delivery').status, 'OUT_FOR_DELIVERY')
  })

  void it('failed attempt: 02 Notice Left is ATTEMPT_FAIL, predicted date as the estimate', () => {
    const r = one('attempt')
    assert.equal(r.status, 'ATTEMPT_FAIL')
    assert.equal(r.substatus, 'recipient_unavailable')
    assert.equal(r.estimatedDelivery, '2026-07-10')
  })

  void it('exception: 05 Undeliverable as Addressed', () => {
    const r = one('exception')
    assert.equal(r.status, 'EXCEPTION')
    assert.equal(r.substatus, 'address_issue')
  })

  void it('returned: 09 Return to Sender, the way back, and 01 at the origin is RETURNED, not DELIVERED', () => {
    const r = one('returned')
    assert.equal(r.status, 'RETURNED')
    assert.equal(r.deliveredAt, undefined)
    assert.deepEqual(
      r.events.slice(-3).map((e) => [e.carrierCode, e.status, e.occurredAt]),
      [
        ['09', 'RETURN_TO_SENDER', '2026-07-09T15:00:00-07:00'],
        ['10', 'RETURN_TO_SENDER', '2026-07-11T04:12:00-05:00'],
        ['01', 'RETURNED', '2026-07-12T11:05:00-05:00'],
      ]
    )
  })

  void it('not found: the 404 ErrorMessage is data', () => {
    assert.deepEqual(one('not_found_404'), {
      carrier: 'usps',
      trackingNumber: TN,
      found: false,
      status: 'PENDING',
      events: [],
      messages: [
        {
          code: 'NOT_FOUND',
          message:
            '404: Tracking number not found. - The tracking number may be incorrect or the status update is not yet available.',
        },
      ],
    })
  })

  void it('auth error: a 401 ErrorMessage is not a tracking answer; its text is readable', () => {
    assert.throws(() => parseUspsTracking(fixture('auth_401'), [TN]), CarrierResponseError)
    assert.equal(
      uspsErrorMessage(fixture('auth_401')),
      '401: Unauthorized - The access token is invalid or has expired.'
    )
  })

  void it('without GMT fields the local time is read in the state zone; unmapped codes are UNKNOWN', () => {
    const r = one('local_only_unmapped')
    const seattle = r.events.find((e) => e.carrierCode === '10')
    assert.equal(seattle?.occurredAt, '2026-07-08T22:14:00-07:00')
    assert.equal(seattle?.occurredAtLocal, '2026-07-08T22:14:00Z')
    const honolulu = r.events.find((e) => e.carrierCode === 'Z9')
    assert.equal(honolulu?.occurredAt, '2026-07-09T06:02:00-10:00')
    assert.equal(r.status, 'UNKNOWN')
    assert.ok(r.messages.some((m) => m.code === 'UNMAPPED_CODE' && m.message.includes('Z9')))
  })

  void it('an unknown code with a delivered-sounding text is still UNKNOWN', () => {
    const raw = fixture('out_for_delivery') as { trackingEvents: Array<Record<string, string>> }
    raw.trackingEvents.unshift({
      ...raw.trackingEvents[0],
      eventCode: 'QQ',
      eventType: 'Delivered',
      GMTTimestamp: '2026-07-09T20:00:00.000Z',
    })
    assert.equal(parseUspsTracking(raw, [TN])[0].status, 'UNKNOWN')
  })

  void it('refuses bodies that are not the documented shape', () => {
    assert.throws(() => parseUspsTracking({ trackingEvents: {} }, [TN]), CarrierResponseError)
    assert.throws(() => parseUspsTracking({ trackingEvents: [{ eventCode: '01' }] }, [TN]), CarrierResponseError)
  })
})

void describe('isUspsTrackingNumber', () => {
  void it('accepts IMpb (with or without the 420 ZIP prefix); rejects others, S10 included', () => {
    for (const n of [TN, '9400 1112 0108 0805 4830 16', '420787459400111206206406260787']) {
      assert.ok(isUspsTrackingNumber(n), n)
    }
    for (const n of ['9400111206206406260788', '9611020987654312345672', 'EA123456785US'])
      assert.ok(!isUspsTrackingNumber(n), n)
  })
})
