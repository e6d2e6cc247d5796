import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CarrierResponseError } from '../../errors'
import { mapMelhorEnvioStatus, parseMelhorEnvioTracking } from '.'

/** Constructed from the contract notes (see __fixtures__/README.md): no recorded sample exists. */
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(__dirname, '__fixtures__', `${name}.json`), 'utf8')) as Record<string, unknown>

const ID = '9a3c1f0e-5b7d-4c2a-8e61-2f4b9d7c1a05'
const CODE = '10082000765432'

const one = (name: string) => {
  const results = parseMelhorEnvioTracking({ orders: { [CODE]: ID }, tracking: fixture(name) }, [CODE])
  assert.equal(results.length, 1)
  return results[0]
}

void describe('parseMelhorEnvioTracking, one constructed answer per status', () => {
  void it('generated: label created, the dates as events in São Paulo time with their raw text', () => {
    const r = one('constructed-tracking-generated')
    assert.equal(r.found, true)
    assert.equal(r.status, 'INFO_RECEIVED')
    assert.equal(r.substatus, 'label_created')
    assert.deepEqual(
      r.events.map((e) => [e.occurredAt, e.occurredAtLocal, e.carrierCode, e.description]),
      [
        ['2026-03-10T09:12:44-03:00', '2026-03-10 09:12:44', 'created_at', 'Pendente'],
        ['2026-03-10T09:13:02-03:00', '2026-03-10 09:13:02', 'paid_at', 'Paga'],
        ['2026-03-10T09:15:30-03:00', '2026-03-10 09:15:30', 'generated_at', 'Gerada'],
      ]
    )
  })

  void it('posted: in transit (handed to the carrier)', () => {
    const r = one('constructed-tracking-posted')
    assert.equal(r.status, 'IN_TRANSIT')
    assert.equal(r.substatus, 'accepted')
    assert.equal(r.events.at(-1)?.carrierCode, 'posted_at')
  })

  void it('delivered: DELIVERED at delivered_at', () => {
    const r = one('constructed-tracking-delivered')
    assert.equal(r.status, 'DELIVERED')
    assert.equal(r.deliveredAt, '2026-03-13T14:05:11-03:00')
  })

  void it('a 2018 delivery reads -02:00 (São Paulo summer time then), never a fixed -03:00', () => {
    const r = one('constructed-tracking-summer-2018')
    assert.equal(r.deliveredAt, '2018-01-15T13:43:38-02:00')
    assert.ok(r.events.every((e) => e.occurredAt.endsWith('-02:00')))
  })

  void it('undelivered is an exception; canceled a failure', () => {
    assert.equal(one('constructed-tracking-undelivered').status, 'EXCEPTION')
    const canceled = one('constructed-tracking-canceled')
    assert.equal(canceled.status, 'FAILURE')
    assert.equal(canceled.substatus, 'cancelled')
  })

  void it('an unmapped status is UNKNOWN and reported, even with a delivered_at', () => {
    const r = one('constructed-tracking-unmapped-suspended')
    assert.equal(r.status, 'UNKNOWN')
    assert.equal(r.deliveredAt, undefined)
    assert.ok(r.messages.some((m) => m.code === 'UNMAPPED_CODE' && m.message.includes('suspended')))
    assert.equal(mapMelhorEnvioStatus('paused').kind, 'unmapped')
  })

  void it('"delivered" without a delivery time does not close the shipment', () => {
    const body = fixture('constructed-tracking-posted') as Record<string, Record<string, unknown>>
    body[ID].status = 'delivered'
    const r = parseMelhorEnvioTracking({ orders: { [CODE]: ID }, tracking: body }, [CODE])[0]
    assert.equal(r.status, 'IN_TRANSIT')
    assert.equal(r.deliveredAt, undefined)
  })

  void it('numbers with no order, or an order missing from the answer, are not found; order kept', () => {
    const results = parseMelhorEnvioTracking(
      {
        orders: { A: null, [CODE]: ID, B: 'ffffffff-0000-4000-8000-000000000000' },
        tracking: fixture('constructed-tracking-posted'),
      },
      ['A', CODE, 'B']
    )
    assert.deepEqual(
      results.map((r) => [r.trackingNumber, r.found, r.messages[0]?.code]),
      [
        ['A', false, 'NOT_FOUND'],
        [CODE, true, undefined],
        ['B', false, 'NOT_FOUND'],
      ]
    )
  })

  void it('refuses answers that are not the documented shape', () => {
    assert.throws(() => parseMelhorEnvioTracking([], [CODE]), CarrierResponseError)
    assert.throws(() => parseMelhorEnvioTracking({ orders: {}, tracking: { [ID]: 'x' } }, [CODE]), CarrierResponseError)
    assert.throws(
      () =>
        parseMelhorEnvioTracking(
          { orders: { [CODE]: ID }, tracking: { [ID]: { status: 'posted', posted_at: 'soon' } } },
          [CODE]
        ),
      CarrierResponseError
    )
  })
})
