import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CarrierResponseError } from '../../errors'
import { fedexErrorMessage, isFedexTrackingNumber, parseFedexTracking } from '.'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '__fixtures__', `${name}.json`), 'utf8')) as unknown

const one = (name: string, number: string) => {
  const results = parseFedexTracking(fixture(name), [number])
  assert.equal(results.length, 1)
  return results[0]
}

void describe('parseFedexTracking: one recorded response per state', () => {
  void it('delivered: ascending events, each with the offset FedEx sent, deliveredAt from the DL scan', () => {
    const r = one('delivered', '9865 7878 8855')
    assert.equal(r.found, true)
    assert.equal(r.status, 'DELIVERED')
    assert.equal(r.deliveredAt, '2026-03-07T10:47:00-06:00')
    assert.deepEqual(
      r.events.map((e) => [e.occurredAt, e.status, e.carrierCode]),
      [
        ['2026-03-06T16:12:00-05:00', 'INFO_RECEIVED', 'OC'],
        ['2026-03-06T18:41:00-05:00', 'IN_TRANSIT', 'PU'],
        ['2026-03-06T22:05:00-05:00', 'IN_TRANSIT', 'DP'],
        ['2026-03-07T03:15:00-06:00', 'IN_TRANSIT', 'AR'],
        ['2026-03-07T05:02:00-06:00', 'IN_TRANSIT', 'DP'],
        ['2026-03-07T07:20:00-06:00', 'IN_TRANSIT', 'AR'],
        ['2026-03-07T08:04:00-06:00', 'OUT_FOR_DELIVERY', 'OD'],
        ['2026-03-07T10:47:00-06:00', 'DELIVERED', 'DL'],
      ]
    )
    assert.deepEqual(r.events[7].location, { city: 'NAPERVILLE', state: 'IL', postalCode: '60540', country: 'US' })
    assert.equal(r.events[7].occurredAtLocal, '2026-03-07T10:47:00-06:00')
  })

  void it('in transit: the window without an offset is read in the destination zone', () => {
    const r = one('in_transit', '477179081230')
    assert.equal(r.status, 'IN_TRANSIT')
    assert.equal(r.substatus, 'departed_facility')
    // Naperville, IL: 13:00 on 8 March 2026 is already daylight time (the change is at 02:00 that day).
    assert.equal(r.estimatedDelivery, '2026-03-08T13:00:00-05:00')
  })

  void it('out for delivery, with the estimated window end kept with its offset', () => {
    const r = one('out_for_delivery', '799531274483')
    assert.equal(r.status, 'OUT_FOR_DELIVERY')
    assert.equal(r.estimatedDelivery, '2026-03-07T12:00:00-06:00')
  })

  void it('failed attempt: DE with reason 15 is ATTEMPT_FAIL business_closed, with FedEx reason as a message', () => {
    const r = one('attempt', '799531274483')
    assert.equal(r.status, 'ATTEMPT_FAIL')
    assert.equal(r.substatus, 'business_closed')
    assert.equal(r.events.at(-1)?.carrierCode, 'DE/15')
    assert.equal(r.events.at(-1)?.description, 'Delivery exception: Customer not available or business closed')
    assert.equal(r.estimatedDelivery, '2026-03-09')
  })

  void it('shipment exception is EXCEPTION, never delivered', () => {
    const r = one('exception', '477179081230')
    assert.equal(r.status, 'EXCEPTION')
    assert.ok(r.messages.some((m) => m.message.includes('Package damaged')))
  })

  void it('returned: refused, return to shipper, the way back, and the shipper signing for it', () => {
    const r = one('returned', '986578788855')
    assert.equal(r.status, 'RETURNED')
    assert.equal(r.deliveredAt, undefined, 'a return is not a delivery to the customer')
    assert.deepEqual(
      r.events.slice(-4).map((e) => [e.carrierCode, e.status]),
      [
        ['DE/07', 'ATTEMPT_FAIL'],
        ['RS', 'RETURN_TO_SENDER'],
        ['DP', 'RETURN_TO_SENDER'],
        ['DL', 'RETURNED'],
      ]
    )
  })

  void it('not found: a per-number error inside a 200 is data, not an exception', () => {
    const r = one('not_found', '123456789012')
    assert.deepEqual(r, {
      carrier: 'fedex',
      trackingNumber: '123456789012',
      found: false,
      status: 'PENDING',
      events: [],
      messages: [
        {
          code: 'NOT_FOUND',
          message:
            'TRACKING.TRACKINGNUMBER.NOTFOUND: Tracking number cannot be found. Please correct the tracking number and try again.',
        },
      ],
    })
  })

  void it('a batch answers every requested number in request order, including ones FedEx left out', () => {
    const results = parseFedexTracking(fixture('batch_mixed'), ['000000000000', '477179081230', '111111111111'])
    assert.deepEqual(
      results.map((r) => [r.trackingNumber, r.found, r.status]),
      [
        ['000000000000', false, 'PENDING'],
        ['477179081230', true, 'IN_TRANSIT'],
        ['111111111111', false, 'PENDING'],
      ]
    )
  })

  void it('auth error: the 401 body is not a tracking answer; its text is readable for the error', () => {
    assert.throws(() => parseFedexTracking(fixture('auth_401'), ['477179081230']), CarrierResponseError)
    assert.equal(
      fedexErrorMessage(fixture('auth_401')),
      'NOT.AUTHORIZED.ERROR: Access token expired. Please modify your request and try again.'
    )
  })

  void it('unmapped codes become UNKNOWN with a message, and a zoneless scan takes its location zone', () => {
    const r = one('unmapped_no_offset', '477179081230')
    assert.equal(r.status, 'UNKNOWN')
    assert.ok(r.messages.some((m) => m.code === 'UNMAPPED_CODE' && m.message.includes('ZZ')))
    const amsterdam = r.events.find((e) => e.occurredAtLocal === '2026-03-07T03:15:00')
    assert.equal(amsterdam?.occurredAt, '2026-03-07T03:15:00+01:00')
  })

  void it('an unmapped DL-looking derived code never makes DELIVERED on its own', () => {
    const raw = fixture('in_transit') as {
      output: { completeTrackResults: Array<{ trackResults: Array<{ scanEvents: Array<Record<string, string>> }> }> }
    }
    raw.output.completeTrackResults[0].trackResults[0].scanEvents[0] = {
      ...raw.output.completeTrackResults[0].trackResults[0].scanEvents[0],
      eventType: 'Q9',
      derivedStatusCode: 'Q9',
    }
    assert.equal(parseFedexTracking(raw, ['477179081230'])[0].status, 'UNKNOWN')
  })

  void it('refuses a body that is not the documented shape', () => {
    assert.throws(() => parseFedexTracking({ output: { completeTrackResults: 'x' } }, ['1']), CarrierResponseError)
    assert.throws(() => parseFedexTracking('<html>', ['1']), CarrierResponseError)
  })
})

void describe('isFedexTrackingNumber', () => {
  void it('accepts valid Express, Ground and Ground 96 numbers and rejects bad check digits', () => {
    for (const n of ['986578788855', '0414 4176 0228 964', '9611020987654312345672'])
      assert.ok(isFedexTrackingNumber(n), n)
    for (const n of ['986578788856', '1Z5R89390357567127', 'DG049186226BR']) assert.ok(!isFedexTrackingNumber(n), n)
  })
})
