import assert from 'node:assert/strict'
import { beforeEach, describe, it } from 'node:test'

import Database from 'better-sqlite3'

import { MasterDataError } from './errors'
import { parseRange } from './query'
import { SCROLL_TTL_MS } from './scroll'
import type { Doc } from './store'
import { accountIdOf, MasterDataStore } from './store'
import { WhereSyntaxError } from './where'

const SCHEMA = {
  properties: {
    orderId: { type: 'string' },
    status: { type: 'string' },
    attempts: { type: 'integer' },
    lastEventAt: { type: ['string', 'null'], format: 'date-time' },
    note: { type: 'string' },
    address: { type: 'object', properties: { city: { type: 'string' } } },
  },
  required: ['orderId'],
  'v-indexed': ['orderId', 'status', 'attempts', 'lastEventAt', 'address'],
  'v-default-fields': ['orderId', 'status'],
}

const plain = { account: 'acme', entity: 'shipment' }
const withSchema = { ...plain, schema: 'v1' }

/** Asserts a Master Data 400 (or other status) with a message matching `pattern`. */
function rejects(fn: () => unknown, status: number, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    const mdError = error instanceof MasterDataError ? error : undefined
    const whereError = error instanceof WhereSyntaxError ? error : undefined
    assert.ok(mdError ?? whereError, `unexpected error ${String(error)}`)
    assert.equal(mdError ? mdError.status : 400, status)
    assert.match((mdError ?? whereError)?.message ?? '', pattern)
    return true
  })
}

void describe('MasterDataStore documents', () => {
  let db: Database.Database
  let store: MasterDataStore
  beforeEach(() => {
    db = new Database(':memory:')
    store = new MasterDataStore(db)
    store.saveSchema(plain, 'v1', SCHEMA)
  })

  void it('creates a document with a generated id and the system fields _all returns', () => {
    const { id, created } = store.create(withSchema, { orderId: 'o-1', status: 'invoiced' })
    assert.equal(created, true)
    assert.match(id, /^[0-9a-f-]{36}$/)
    const doc = store.get(plain, id, ['_all'])
    assert.ok(doc)
    assert.equal(doc.id, id)
    assert.equal(doc.orderId, 'o-1')
    assert.equal(doc.dataEntityId, 'shipment')
    assert.equal(doc.accountName, 'acme')
    assert.equal(doc.accountId, accountIdOf('acme'))
    assert.ok(!Number.isNaN(Date.parse(String(doc.createdIn))))
    assert.equal(doc.createdIn, doc.updatedIn)
  })

  void it('returns only the requested fields, or id + meta + v-default-fields without _fields', () => {
    const { id } = store.create(withSchema, { orderId: 'o-1', status: 'invoiced', note: 'n', address: { city: 'Rio' } })
    assert.deepEqual(store.get(plain, id, ['note', 'missing', 'address.city']), { note: 'n', address: { city: 'Rio' } })
    assert.deepEqual(Object.keys(store.get(plain, id) ?? {}), ['id', 'accountId', 'accountName', 'dataEntityId'])
    assert.deepEqual(Object.keys(store.get(withSchema, id) ?? {}), [
      'id',
      'accountId',
      'accountName',
      'dataEntityId',
      'orderId',
      'status',
    ])
    assert.equal(store.get(plain, 'nope'), undefined)
  })

  void it('upserts partially by body id: two calls make one merged document, createdIn kept', () => {
    const first = store.upsertPartial(withSchema, { id: 'ship-1', orderId: 'o-1', status: 'invoiced' })
    const createdIn = store.get(plain, 'ship-1', ['createdIn'])?.createdIn
    const second = store.upsertPartial(withSchema, { id: 'ship-1', status: 'delivered', accountName: 'evil' })
    assert.deepEqual(
      [first, second],
      [
        { id: 'ship-1', created: true },
        { id: 'ship-1', created: false },
      ]
    )
    assert.equal(store.count(plain), 1)
    const doc = store.get(plain, 'ship-1', ['_all'])
    assert.equal(doc?.orderId, 'o-1')
    assert.equal(doc?.status, 'delivered')
    assert.equal(doc?.accountName, 'acme', 'system fields cannot be overwritten')
    assert.equal(doc?.createdIn, createdIn)
  })

  void it('upserts entirely by body id, dropping fields not sent; POST honours a body id', () => {
    store.create(plain, { id: 'ship-2', orderId: 'o-2', note: 'old' })
    assert.deepEqual(store.upsertEntire(plain, { id: 'ship-2', orderId: 'o-2b' }), { id: 'ship-2', created: false })
    assert.deepEqual(store.get(plain, 'ship-2', ['orderId', 'note']), { orderId: 'o-2b' })
    assert.equal(store.upsertEntire(plain, { orderId: 'o-3' }).created, true)
    assert.equal(store.count(plain), 2)
  })

  void it('patches, replaces and deletes by id', () => {
    assert.equal(store.patch(plain, 'ship-9', { status: 'x' }), false, 'PATCH by id does not create')
    assert.deepEqual(store.replace(plain, 'ship-9', { orderId: 'o-9', note: 'a' }), { created: true })
    assert.equal(store.patch(plain, 'ship-9', { status: 'stuck' }), true)
    assert.deepEqual(store.get(plain, 'ship-9', ['orderId', 'note', 'status']), {
      orderId: 'o-9',
      note: 'a',
      status: 'stuck',
    })
    assert.deepEqual(store.replace(plain, 'ship-9', { orderId: 'o-9' }), { created: false })
    assert.deepEqual(store.get(plain, 'ship-9', ['orderId', 'note', 'status']), { orderId: 'o-9' })
    assert.equal(store.delete(plain, 'ship-9'), true)
    assert.equal(store.delete(plain, 'ship-9'), false)
    assert.equal(store.get(plain, 'ship-9'), undefined)
  })

  void it('validates documents against the named schema (types, required, formats, merged patches)', () => {
    rejects(() => store.create(withSchema, { orderId: 'o', attempts: 'three' }), 400, /attempts must be integer/)
    rejects(() => store.create(withSchema, { status: 'x' }), 400, /orderId/)
    rejects(() => store.create(withSchema, { orderId: 'o', lastEventAt: 'yesterday' }), 400, /date-time/)
    store.create(withSchema, { id: 'ok', orderId: 'o', attempts: 3, lastEventAt: null })
    rejects(() => store.patch(withSchema, 'ok', { attempts: 1.5 }), 400, /integer/)
    rejects(() => store.upsertPartial(withSchema, { id: 'new', status: 'x' }), 400, /orderId/)
    // Without _schema (or with an unknown one) nothing is validated.
    store.create(plain, { attempts: 'three' })
    store.create({ ...plain, schema: 'nope' }, { attempts: 'three' })
    assert.equal(store.count(plain), 3)
  })

  void it('keeps documents and schemas in SQLite across store instances, accounts and entities apart', () => {
    store.create(plain, { id: 'p', orderId: 'o' })
    store.create({ account: 'other', entity: 'shipment' }, { id: 'p', orderId: 'x' })
    const again = new MasterDataStore(db)
    assert.equal(again.get(plain, 'p', ['orderId'])?.orderId, 'o')
    assert.equal(again.count({ account: 'other', entity: 'shipment' }), 1)
    assert.equal(again.count({ account: 'acme', entity: 'other' }), 0)
    assert.deepEqual(again.getSchema(plain, 'v1'), SCHEMA)
  })
})

void describe('MasterDataStore schemas', () => {
  void it('saves, lists, reads and deletes schemas; creates one expression index per v-indexed field', () => {
    const db = new Database(':memory:')
    const store = new MasterDataStore(db)
    store.saveSchema(plain, 'v1', SCHEMA)
    store.saveSchema(plain, 'v2', { properties: { a: { type: 'string' } }, 'v-indexed': ['a'] })
    assert.deepEqual(
      store.listSchemas(plain).map((s) => s.name),
      ['v1', 'v2']
    )
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'md_ix_%'")
      .pluck()
      .all()
    assert.deepEqual(
      new Set(indexes),
      new Set(['md_ix_orderId', 'md_ix_status', 'md_ix_attempts', 'md_ix_lastEventAt', 'md_ix_address', 'md_ix_a'])
    )
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT rowid FROM md_documents WHERE account = 'acme' AND entity = 'shipment' AND json_extract(doc, '$.status') = 'x'"
      )
      .all() as { detail: string }[]
    assert.match(plan.map((p) => p.detail).join(' '), /md_ix_status/)
    assert.equal(store.deleteSchema(plain, 'v2'), true)
    assert.equal(store.getSchema(plain, 'v2'), undefined)
    assert.equal(store.deleteSchema(plain, 'v2'), false)
  })

  void it('rejects malformed schemas', () => {
    const store = new MasterDataStore(new Database(':memory:'))
    rejects(() => store.saveSchema(plain, 'x', []), 400, /JSON object/)
    rejects(() => store.saveSchema(plain, 'x', { type: 'object' }), 400, /properties/)
    rejects(() => store.saveSchema(plain, 'x', { properties: {}, 'v-indexed': ['ghost'] }), 400, /ghost.*properties/)
    rejects(() => store.saveSchema(plain, 'x', { properties: {}, 'v-indexed': 'a' }), 400, /v-indexed/)
    rejects(() => store.saveSchema(plain, 'x', { properties: { a: { type: 'strin' } } }), 400, /Invalid JSON Schema/)
  })
})

void describe('MasterDataStore search', () => {
  const store = new MasterDataStore(new Database(':memory:'))
  store.saveSchema(plain, 'v1', SCHEMA)
  const docs: Doc[] = []
  for (let i = 0; i < 250; i++) {
    docs.push({
      id: `s-${String(i).padStart(3, '0')}`,
      orderId: `o-${i}`,
      status: ['invoiced', 'in_transit', 'delivered', 'stuck', 'returned'][i % 5],
      attempts: i % 7,
      lastEventAt: i % 10 === 0 ? undefined : new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      note: `note ${i}`,
      createdIn: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString(),
    })
  }
  store.bulkInsert(plain, docs)
  const q = { ...withSchema, from: 0, to: 100 }
  const idsOf = (result: { docs: Doc[] }): unknown[] => result.docs.map((d) => d.id)

  void it('filters, counts the total and pages with REST-Range semantics (to exclusive)', () => {
    const all = store.search({ ...q, where: 'status=stuck', fields: ['id', 'status'], sort: 'id ASC' })
    assert.equal(all.total, 50)
    assert.equal(all.docs.length, 50)
    assert.deepEqual(all.docs[0], { id: 's-003', status: 'stuck' })
    const page = store.search({ ...q, where: 'status=stuck', fields: ['id'], sort: 'id ASC', from: 10, to: 20 })
    assert.equal(page.total, 50)
    assert.deepEqual(idsOf(page), idsOf(all).slice(10, 20))
    const past = store.search({ ...q, where: 'status=stuck', from: 90, to: 100 })
    assert.deepEqual(past, { docs: [], total: 50 })
  })

  void it('sorts by one or several fields, ASC or DESC, missing values last', () => {
    const byAttempts = store.search({ ...q, sort: 'attempts DESC, id ASC', fields: ['id', 'attempts'], to: 5 })
    assert.deepEqual(idsOf(byAttempts), ['s-006', 's-013', 's-020', 's-027', 's-034'])
    const asc = store.search({ ...q, where: 'attempts=0', sort: 'lastEventAt ASC', fields: ['id', 'lastEventAt'] })
    assert.equal(asc.docs[0].id, 's-007')
    assert.equal(asc.docs.at(-1)?.lastEventAt, undefined, 'documents without the field come last')
    const desc = store.search({ ...q, where: 'attempts=0', sort: 'lastEventAt desc', fields: ['id', 'lastEventAt'] })
    assert.equal(desc.docs[0].id, 's-245')
    assert.equal(desc.docs.at(-1)?.lastEventAt, undefined)
    const created = store.search({ ...q, sort: 'createdIn DESC', fields: ['id', 'createdIn'], to: 2 })
    assert.deepEqual(idsOf(created), ['s-249', 's-248'])
  })

  void it('combines _where with simple query filters and system fields', () => {
    const r = store.search({ ...q, where: 'attempts>4 OR attempts=0', filters: { status: 'stuck' }, fields: ['id'] })
    assert.equal(r.total, store.count(withSchema, 'status=stuck AND (attempts>4 OR attempts=0)'))
    assert.ok(r.total > 0)
    const range = store.search({ ...q, where: 'createdIn between 2024-01-01 AND 2024-01-05T12:00:00Z', sort: 'id ASC' })
    assert.deepEqual(idsOf(range), ['s-000', 's-001', 's-002', 's-003', 's-004'])
    assert.equal(store.search({ ...q, where: 'id=s-042' }).docs[0].id, 's-042')
    assert.equal(store.search({ ...q, filters: { orderId: 'o-1*' } }).total, 111)
  })

  void it('rejects filters and sorts on fields the named schema does not index', () => {
    rejects(() => store.search({ ...q, where: 'note=x' }), 400, /Field 'note' not found in schema/)
    rejects(() => store.search({ ...q, filters: { note: 'x' } }), 400, /Field 'note'/)
    rejects(() => store.search({ ...q, sort: 'note ASC' }), 400, /note/)
    rejects(() => store.search({ ...q, sort: 'attempts UP' }), 400, /Invalid _sort/)
    rejects(() => store.search({ ...q, where: 'status=' }), 400, /Invalid _where/)
    // Nested fields of an indexed object, and any field without a schema, are accepted.
    assert.equal(store.search({ ...q, where: 'address.city=Rio' }).total, 0)
    assert.equal(store.search({ ...plain, where: 'note="note 7"', from: 0, to: 10 }).total, 1)
  })

  void it('enforces the page size and the 10,000-document search window', () => {
    rejects(() => store.search({ ...q, from: 0, to: 101 }), 400, /maximum number of documents per page is 100/)
    rejects(() => store.search({ ...q, from: 9950, to: 10001 }), 400, /first 10000 documents.*scroll/)
    rejects(() => store.search({ ...q, from: 20, to: 10 }), 400, /Invalid range/)
    assert.equal(store.search({ ...q, from: 9900, to: 10000 }).docs.length, 0)
    assert.deepEqual(parseRange('resources=0-10'), { from: 0, to: 10 })
    assert.deepEqual(parseRange(undefined), { from: 0, to: 15 })
    rejects(() => parseRange('items=0-10'), 400, /REST-Range/)
    rejects(() => parseRange('resources=0-200'), 400, /100/)
  })

  void it('scrolls to the end: snapshot total, size, token on every page, [] at the end', () => {
    const first = store.scroll({ ...withSchema, where: 'status=stuck', size: 20, sort: 'id ASC', fields: ['id'] })
    assert.equal(first.total, 50)
    assert.equal(first.docs.length, 20)
    const seen = [...idsOf(first)]
    let page = first
    for (let guard = 0; guard < 10 && page.docs.length > 0; guard++) {
      // Later calls carry only the token; other parameters are ignored, as the spec says.
      page = store.scroll({ ...plain, token: first.token, size: 1000, where: 'status=delivered' })
      assert.equal(page.token, first.token)
      seen.push(...idsOf(page))
    }
    assert.deepEqual(page.docs, [])
    assert.equal(seen.length, 50)
    assert.deepEqual(seen, [...seen].sort())
    assert.deepEqual(store.scroll({ ...plain, token: first.token }).docs, [], 'still [] after the end')
  })

  void it('rejects unknown tokens, tokens of another entity and bad sizes', () => {
    rejects(() => store.scroll({ ...plain, token: 'nope' }), 400, /^Operation not found for this token: 'nope'$/)
    const { token } = store.scroll({ ...plain, size: 1 })
    rejects(() => store.scroll({ account: 'acme', entity: 'other', token }), 400, /Operation not found/)
    rejects(() => store.scroll({ ...plain, size: 1001 }), 400, /_size/)
    rejects(() => store.scroll({ ...plain, size: 0 }), 400, /_size/)
    assert.equal(store.scroll({ ...plain, size: 1000 }).docs.length, 250)
  })

  void it('expires scroll tokens after 20 minutes idle; each use resets the timer', () => {
    let now = 1_000_000
    const timed = new MasterDataStore(new Database(':memory:'), { now: () => now })
    timed.bulkInsert(plain, docs)
    const { token } = timed.scroll({ ...plain, size: 10 })
    now += SCROLL_TTL_MS - 1000
    assert.equal(timed.scroll({ ...plain, token }).docs.length, 10)
    now += SCROLL_TTL_MS - 1000
    assert.equal(timed.scroll({ ...plain, token }).docs.length, 10)
    now += SCROLL_TTL_MS + 1
    rejects(() => timed.scroll({ ...plain, token }), 400, /Operation not found for this token/)
  })

  void it('skips documents deleted after the scroll started', () => {
    const local = new MasterDataStore(new Database(':memory:'))
    local.bulkInsert(plain, [{ id: 'a' }, { id: 'b' }, { id: 'c' }])
    const first = local.scroll({ ...plain, size: 1, sort: 'id ASC', fields: ['id'] })
    local.delete(plain, 'b')
    assert.deepEqual(local.scroll({ ...plain, token: first.token }).docs, [{ id: 'c' }])
    assert.deepEqual(local.scroll({ ...plain, token: first.token }).docs, [])
  })
})
