import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CarrierResponseError } from '../../errors'
import { mapIntelipostState, parseIntelipostTracking } from '.'

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(__dirname, '__fixtures__', `${name}.json`), 'utf8')) as Record<string, unknown>

/** The recorded `content` samples inside the recorded success envelope. */
const enveloped = (contentFixture: string): unknown => ({
  ...fixture('sample-envelope-ok-shipment-order-updated'),
  content: fixture(contentFixture),
})

const one = (envelope: unknown, trackingNumber: string) => {
  const results = parseIntelipostTracking([{ trackingNumber, envelope }], [trackingNumber])
  assert.equal(results.length, 1)
  return results[0]
}

void describe('parseIntelipostTracking over the recorded SDK samples', () => {
  void it('NEW: label created, raw macro state kept, time with the offset Intelipost sent', () => {
    const r = one(enveloped('sample-shipment-order-content-new-with-tracking-code'), 'NEW_TRACKING_CODE')
    assert.equal(r.found, true)
    assert.equal(r.status, 'INFO_RECEIVED')
    assert.equal(r.substatus, 'label_created')
    assert.deepEqual(
      r.events.map((e) => [e.occurredAt, e.occurredAtLocal, e.status, e.carrierCode, e.description]),
      [['2017-06-12T10:10:41-03:00', '2017-06-12T10:10:41.000-03:00', 'INFO_RECEIVED', 'NEW', 'NEW']]
    )
    assert.equal(r.deliveredAt, undefined)
  })

  void it('the other NEW samples (no tracking code on the volume, shipped date set) read the same', () => {
    for (const name of ['sample-shipment-order-content-new', 'sample-shipment-order-content-new-with-shipped-date']) {
      const r = one(enveloped(name), '06_50')
      assert.equal(r.status, 'INFO_RECEIVED', name)
      assert.equal(r.events.length, 1, name)
      assert.equal(r.events[0].carrierCode, 'NEW')
    }
  })

  void it('the success envelope with an empty content is not a shipment: not found', () => {
    const r = one(fixture('sample-envelope-ok-shipment-order-updated'), 'X123')
    assert.equal(r.found, false)
    assert.equal(r.messages[0].code, 'NOT_FOUND')
  })
})

void describe('parseIntelipostTracking over derived states', () => {
  void it('delivered in 2018: every event keeps -02:00 (old Brazilian summer time), never a fixed -03:00', () => {
    const r = one(fixture('derived-delivered-summer-time'), '10082000123456')
    assert.equal(r.status, 'DELIVERED')
    assert.equal(r.deliveredAt, '2018-01-15T13:43:38-02:00')
    assert.deepEqual(
      r.events.map((e) => [e.occurredAt, e.status, e.carrierCode]),
      [
        ['2018-01-10T09:00:00-02:00', 'INFO_RECEIVED', 'NEW'],
        ['2018-01-11T17:20:00-02:00', 'IN_TRANSIT', 'SHIPPED (ENTRADA)'],
        ['2018-01-12T04:10:00-02:00', 'IN_TRANSIT', 'IN_TRANSIT/27 (TRANSFERENCIA)'],
        ['2018-01-15T08:05:00-02:00', 'OUT_FOR_DELIVERY', 'TO_BE_DELIVERED (EM ROTA)'],
        ['2018-01-15T13:43:38-02:00', 'DELIVERED', 'DELIVERED (ENTREGUE)'],
      ]
    )
    assert.equal(r.events[1].substatus, 'picked_up')
    assert.equal(r.events[4].occurredAtLocal, '2018-01-15T13:43:38.137-02:00')
  })

  void it('the tracking code is matched without regard to case or stray spaces, and answered in request order', () => {
    const delivered = fixture('derived-delivered-summer-time')
    const results = parseIntelipostTracking(
      [
        { trackingNumber: 'nope', envelope: fixture('derived-not-found') },
        { trackingNumber: '10082000123456', envelope: delivered },
      ],
      [' 10082000123456 ', 'nope']
    )
    assert.deepEqual(
      results.map((r) => [r.trackingNumber, r.found, r.status]),
      [
        [' 10082000123456 ', true, 'DELIVERED'],
        ['nope', false, 'PENDING'],
      ]
    )
  })

  void it('failed delivery then "clarify": ATTEMPT_FAIL then EXCEPTION, with the carrier text', () => {
    const r = one(fixture('derived-clarify-delivery-fail'), 'TE123456789')
    assert.equal(r.status, 'EXCEPTION')
    assert.deepEqual(
      r.events.slice(-2).map((e) => [e.status, e.description]),
      [
        ['ATTEMPT_FAIL', 'DESTINATARIO AUSENTE'],
        ['EXCEPTION', 'CLARIFY_DELIVERY_FAIL'],
      ]
    )
  })

  void it('an unmapped state (even one that says "delivered") is UNKNOWN and reported, never DELIVERED', () => {
    const r = one(fixture('derived-unmapped-state'), 'LG0001112223')
    assert.equal(r.status, 'UNKNOWN')
    assert.equal(r.deliveredAt, undefined)
    assert.ok(r.messages.some((m) => m.code === 'UNMAPPED_CODE' && m.message.includes('DELIVERED_TO_CONCIERGE')))
    assert.equal(mapIntelipostState('DELIVERED_TO_CONCIERGE').kind, 'unmapped')
    assert.equal(mapIntelipostState(undefined).kind, 'unmapped')
  })

  void it('not found: an ERROR envelope saying so is data, with Intelipost words', () => {
    const r = one(fixture('derived-not-found'), 'ZZ000')
    assert.equal(r.found, false)
    assert.deepEqual(r.messages, [
      { code: 'NOT_FOUND', message: 'shipmentOrder.notFound: Pedido de envio não encontrado.' },
    ])
  })

  void it('any other ERROR envelope is a message on the number, not a status', () => {
    const envelope = { status: 'ERROR', messages: [{ key: 'shipmentOrder.blocked', text: 'Bloqueado' }] }
    const r = one(envelope, 'X1')
    assert.equal(r.found, false)
    assert.equal(r.messages[0].code, 'CARRIER_MESSAGE')
  })

  void it('a volume state DELIVERED with no history and no delivery date does not close the shipment', () => {
    const envelope = {
      status: 'OK',
      content: { shipment_order_volume_array: [{ tracking_code: 'A1B2C3', shipment_order_volume_state: 'DELIVERED' }] },
    }
    assert.notEqual(one(envelope, 'A1B2C3').status, 'DELIVERED')
    const dated = structuredClone(envelope) as {
      content: { shipment_order_volume_array: Array<Record<string, unknown>> }
    }
    dated.content.shipment_order_volume_array[0].delivered_date_iso = '2026-03-04T11:00:00.000-03:00'
    const r = one(dated, 'A1B2C3')
    assert.equal(r.status, 'DELIVERED')
    assert.equal(r.deliveredAt, '2026-03-04T11:00:00-03:00')
  })

  void it('epoch-only history is shown in São Paulo time with the offset of that date', () => {
    const envelope = {
      status: 'OK',
      content: {
        shipment_order_volume_array: [
          {
            tracking_code: 'A1B2C3',
            shipment_order_volume_state_history_array: [
              { shipment_order_volume_state: 'IN_TRANSIT', event_date: Date.parse('2018-01-15T15:43:38Z') },
              { shipment_order_volume_state: 'IN_TRANSIT', event_date: Date.parse('2026-01-15T15:43:38Z') },
            ],
          },
        ],
      },
    }
    assert.deepEqual(
      one(envelope, 'A1B2C3').events.map((e) => e.occurredAt),
      ['2018-01-15T13:43:38-02:00', '2026-01-15T12:43:38-03:00']
    )
  })

  void it('refuses bodies that are not the documented envelope', () => {
    assert.throws(() => parseIntelipostTracking({}, ['1']), CarrierResponseError)
    assert.throws(() => one('<html>', 'A'), CarrierResponseError)
    assert.throws(() => one({ status: 'WHAT' }, 'A'), CarrierResponseError)
    assert.throws(() => one({ status: 'OK', content: { shipment_order_volume_array: 'x' } }, 'A'), CarrierResponseError)
    assert.throws(
      () =>
        one(
          {
            status: 'OK',
            content: {
              shipment_order_volume_array: [
                {
                  shipment_order_volume_state_history_array: [
                    { shipment_order_volume_state: 'NEW', event_date_iso: 'yesterday' },
                  ],
                },
              ],
            },
          },
          'A'
        ),
      CarrierResponseError
    )
  })
})
