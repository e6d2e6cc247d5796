import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { testRecord } from '../../tracking/testRecord'
import type { ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import type { CheckBatch } from './checkBatch'
import { CHECK_BATCH_EVENT } from './checkBatch'
import { CheckFanout } from './checkFanout'

const T0 = Date.parse('2026-11-12T12:00:00Z')

function fakeContext(): { ctx: AppContext; sent: Array<{ key: string; body: CheckBatch }> } {
  const sent: Array<{ key: string; body: CheckBatch }> = []
  const events = {
    sendEvent: (_subject: string, key: string, body: CheckBatch) => {
      sent.push({ key, body })
      return Promise.resolve()
    },
  }
  return { ctx: { clients: { events }, vtex: {} } as unknown as AppContext, sent }
}

/** Everything at once: added, then flushed. Returns how many batches were fired. */
async function fireChecks(ctx: AppContext, records: readonly ShipmentRecord[]): Promise<number> {
  const fanout = new CheckFanout(ctx)
  await fanout.add(records)
  await fanout.flush()
  return fanout.batches
}

const record = (i: number, overrides: Partial<ShipmentRecord>): ShipmentRecord =>
  testRecord({
    id: `rec-${i}`,
    orderId: `order-${i}`,
    state: 'active',
    nextCheckAt: new Date(T0 + i * 1000).toISOString(),
    ...overrides,
  })

void describe('CheckFanout', () => {
  void it('fires full carrier batches as check-batch events, due up to their latest registration grace', async () => {
    const { ctx, sent } = fakeContext()
    const correios = Array.from({ length: 120 }, (_, i) => record(i, { carrier: 'correios' }))
    const ups = Array.from({ length: 5 }, (_, i) => record(200 + i, { carrier: 'ups', trackingNumber: `1Z${i}` }))
    const fired = await fireChecks(ctx, [...correios, ...ups])
    assert.equal(fired, 4)
    assert.ok(sent.every((event) => event.key === CHECK_BATCH_EVENT))
    const sizes = sent.map((event) => [event.body.carrier, event.body.shipments.length])
    assert.deepEqual(sizes, [
      ['correios', 50],
      ['correios', 50],
      ['correios', 20],
      ['ups', 5],
    ])
    const first = sent[0].body
    assert.equal(first.dueBefore, new Date(T0 + 49 * 1000).toISOString())
    assert.deepEqual(first.shipments[0], { id: 'rec-0', orderId: 'order-0' })
  })

  void it('fires nothing for shipments that cannot be checked (waiting, no carrier, finished)', async () => {
    const { ctx, sent } = fakeContext()
    const fired = await fireChecks(ctx, [
      record(1, { carrier: null, state: 'unresolved_carrier' }),
      record(2, { carrier: 'correios', state: 'awaiting_tracking' }),
      record(3, { carrier: 'correios', state: 'done', nextCheckAt: null }),
    ])
    assert.equal(fired, 0)
    assert.deepEqual(sent, [])
  })

  void it('collects small registration steps into full carrier batches; flush fires the rest', async () => {
    const { ctx, sent } = fakeContext()
    const fanout = new CheckFanout(ctx)
    for (let step = 0; step < 12; step++) {
      const ids = Array.from({ length: 10 }, (_, i) => step * 10 + i)
      await fanout.add(ids.map((i) => record(i, { carrier: 'correios' })))
    }
    assert.deepEqual(
      sent.map((event) => event.body.shipments.length),
      [50, 50],
      'only full batches while steps come in'
    )
    await fanout.add([record(500, { carrier: 'ups', trackingNumber: '1Z500' })])
    assert.equal(sent.length, 2, 'a lone UPS shipment waits for its batch too')
    await fanout.flush()
    assert.deepEqual(
      sent.map((event) => [event.body.carrier, event.body.shipments.length]),
      [
        ['correios', 50],
        ['correios', 50],
        ['correios', 20],
        ['ups', 1],
      ]
    )
    assert.deepEqual(
      sent.flatMap((event) => event.body.shipments.map((s) => s.id)).sort(),
      [...Array.from({ length: 120 }, (_, i) => `rec-${i}`), 'rec-500'].sort(),
      'every shipment fired exactly once'
    )
    assert.equal(fanout.batches, 4)
    await fanout.flush()
    assert.equal(sent.length, 4, 'a second flush fires nothing again')
  })
})
