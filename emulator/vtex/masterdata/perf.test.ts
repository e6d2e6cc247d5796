/**
 * Timing sanity check, not a benchmark: 100,000 documents, then filtered + sorted searches.
 * Prints the milliseconds (no timing assertion, machines differ) so a missing index shows up as a jump.
 */
import assert from 'node:assert/strict'
import { it } from 'node:test'

import Database from 'better-sqlite3'

import type { Doc } from './store'
import { MasterDataStore } from './store'

const COUNT = 100_000
const STATUSES = ['invoiced', 'in_transit', 'out_for_delivery', 'delivered', 'stuck']

function time<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now()
  const result = fn()
  return { result, ms: Math.round((performance.now() - start) * 10) / 10 }
}

void it(`filtered + sorted search over ${COUNT.toLocaleString('en')} documents`, () => {
  const store = new MasterDataStore(new Database(':memory:'))
  const scope = { account: 'acme', entity: 'shipment', schema: 'v1' }
  const base = Date.UTC(2025, 0, 1)
  const docs: Doc[] = []
  for (let i = 0; i < COUNT; i++) {
    docs.push({
      orderId: `o-${i}`,
      status: STATUSES[i % STATUSES.length],
      carrier: i % 3 === 0 ? 'correios' : 'ups',
      trackingNumber: `TN${i}BR`,
      lastEventAt: new Date(base + i * 60_000).toISOString(),
      createdIn: new Date(base + i * 1000).toISOString(),
    })
  }
  // Loaded before the schema, as with a real entity that gets indexed after the fact.
  const load = time(() => store.bulkInsert(scope, docs))
  const index = time(() =>
    store.saveSchema(scope, 'v1', {
      properties: { orderId: { type: 'string' }, status: { type: 'string' }, lastEventAt: { type: 'string' } },
      'v-indexed': ['orderId', 'status', 'lastEventAt'],
    })
  )
  const query = { ...scope, fields: ['id', 'orderId', 'status', 'lastEventAt'] }
  const cases = [
    { where: 'status=stuck AND lastEventAt<2025-02-01', sort: 'lastEventAt DESC', from: 0, to: 100 },
    { where: 'status=stuck', sort: 'lastEventAt ASC', from: 9900, to: 10000 },
    { where: 'status=delivered OR status=stuck', sort: 'createdIn DESC', from: 0, to: 100 },
    { where: 'orderId=o-4242', sort: undefined, from: 0, to: 100 },
  ]
  const timings = cases.map((c) => ({ ...c, ...time(() => store.search({ ...query, ...c })) }))

  assert.equal(timings[0].result.total, 44640 / 5)
  assert.equal(timings[0].result.docs[0].lastEventAt, '2025-01-31T23:59:00.000Z')
  assert.equal(timings[1].result.total, COUNT / 5)
  assert.equal(timings[2].result.total, (COUNT * 2) / 5)
  assert.deepEqual(
    timings[3].result.docs.map((d) => d.orderId),
    ['o-4242']
  )

  console.log(`masterdata perf: bulkInsert ${COUNT} docs ${load.ms} ms, schema + 3 indexes ${index.ms} ms`)
  for (const t of timings) {
    const sort = t.sort ?? '(none)'
    console.log(
      `masterdata perf: ${t.ms} ms  where=${t.where}  sort=${sort}  range=${t.from}-${t.to}  total=${t.result.total}`
    )
  }
})
