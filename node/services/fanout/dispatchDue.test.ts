import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { DueShipment, ShipmentRegistry } from '../../registry/shipmentRegistry'
import type { AppContext } from '../../typings/context'
import type { CheckBatch } from './checkBatch'
import { dispatchDue } from './dispatchDue'

const NOW = '2026-11-02T12:00:00.000Z'

/** The registry's due query as Master Data answers it: sorted by nextCheckAt, ties in insertion order. */
function fakeRegistry(due: DueShipment[]): ShipmentRegistry {
  const sorted = [...due].sort((a, b) => String(a.nextCheckAt).localeCompare(String(b.nextCheckAt)))
  return {
    findDueAfter: async (afterIso: string | undefined, nowIso: string, limit: number, page = 1) => {
      const matching = sorted.filter(
        (r) =>
          r.nextCheckAt !== null && r.nextCheckAt <= nowIso && (afterIso === undefined || r.nextCheckAt >= afterIso)
      )
      return Promise.resolve(matching.slice((page - 1) * limit, page * limit))
    },
  } as unknown as ShipmentRegistry
}

function fakeContext(sent: CheckBatch[]): AppContext {
  const files = new Map<string, unknown>()
  return {
    clients: {
      events: { sendEvent: async (_app: string, _key: string, body: CheckBatch) => void sent.push(body) },
      vbase: {
        getJSON: async (bucket: string, file: string) => Promise.resolve(files.get(`${bucket}/${file}`) ?? null),
        saveJSON: async (bucket: string, file: string, body: unknown) => void files.set(`${bucket}/${file}`, body),
      },
    },
  } as unknown as AppContext
}

const shipment = (i: number, nextCheckAt: string): DueShipment => ({
  id: `order-${i}-NF${i}`,
  orderId: `order-${i}`,
  nextCheckAt,
  state: 'active',
  carrier: 'correios',
  trackingNumber: `AA${String(i).padStart(9, '0')}BR`,
})

void describe('dispatchDue', () => {
  void it('fires every shipment once when more than a page of them are due at the same instant', async () => {
    const due = [
      ...Array.from({ length: 250 }, (_, i) => shipment(i, '2026-11-02T11:00:00.000Z')),
      ...Array.from({ length: 30 }, (_, i) =>
        shipment(1000 + i, `2026-11-02T11:30:${String(i).padStart(2, '0')}.000Z`)
      ),
    ]
    const sent: CheckBatch[] = []
    const result = await dispatchDue(fakeContext(sent), fakeRegistry(due), NOW, Date.now() + 10_000)
    const fired = sent.flatMap((batch) => batch.shipments.map((s) => s.id))
    assert.equal(result.complete, true)
    assert.equal(fired.length, 280)
    assert.equal(new Set(fired).size, 280, 'no shipment fired twice')
  })

  void it('the next run starts after what a recent run fired, ties included', async () => {
    const due = Array.from({ length: 180 }, (_, i) => shipment(i, '2026-11-02T11:00:00.000Z'))
    const sent: CheckBatch[] = []
    const ctx = fakeContext(sent)
    await dispatchDue(ctx, fakeRegistry(due), NOW, Date.now() + 10_000)
    const again = await dispatchDue(ctx, fakeRegistry(due), NOW, Date.now() + 10_000)
    assert.equal(sent.flatMap((b) => b.shipments).length, 180)
    assert.equal(again.dispatched, 0)
    assert.equal(again.complete, true)
  })

  void it('fires full carrier batches: a group that fills past a batch keeps its remainder for the next page', async () => {
    // 1,000 due Correios shipments, due a second apart: 10 pages, spread over the claim shards.
    const due = Array.from({ length: 1000 }, (_, i) =>
      shipment(i, new Date(Date.parse('2026-11-02T10:00:00.000Z') + i * 1000).toISOString())
    )
    const sent: CheckBatch[] = []
    const result = await dispatchDue(fakeContext(sent), fakeRegistry(due), NOW, Date.now() + 10_000)
    const sizes = sent.map((batch) => batch.shipments.length)
    assert.equal(result.dispatched, 1000)
    assert.equal(new Set(sent.flatMap((b) => b.shipments.map((s) => s.id))).size, 1000)
    assert.deepEqual(
      sizes.filter((size) => size < 50),
      [],
      `every batch is a full Correios request (${sizes.join(', ')})`
    )
  })
})
