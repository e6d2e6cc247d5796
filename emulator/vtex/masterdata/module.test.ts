/**
 * End to end: the real @vtex/api MasterData client (what ctx.clients.masterdata is on IO) talks to the
 * emulator through the forward proxy, exactly as the app does under the local harness.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { MasterData } from '@vtex/api'
import Database from 'better-sqlite3'

import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import type { RunningServer } from '../../proxy'
import { startProxyServer } from '../../proxy'
import { createMasterDataModule } from './module'
import { MasterDataStore } from './store'

interface Shipment {
  id: string
  orderId: string
  status: string
  attempts?: number
}

const dataEntity = 'shipment'
const schema = 'v1'
const schemaBody = {
  properties: { orderId: { type: 'string' }, status: { type: 'string' }, attempts: { type: 'integer' } },
  'v-indexed': ['orderId', 'status', 'attempts'],
}

/** The HTTP status of a failed @vtex/api call (axios error shape). */
async function statusOf(call: Promise<unknown>): Promise<number | undefined> {
  try {
    await call
    return undefined
  } catch (error) {
    return (error as { response?: { status?: number } }).response?.status
  }
}

void describe('Master Data module with the real @vtex/api MasterData client', () => {
  let server: RunningServer
  let md: MasterData
  const store = new MasterDataStore(new Database(':memory:'))

  before(async () => {
    server = await startProxyServer({ modules: [createMasterDataModule(store)] })
    useEmulatorProxy(server.url)
    md = new MasterData(fakeIOContext(), { timeout: 5000 })
  })
  after(() => server.close())

  void it('creates the schema, then documents; partial upserts with one id make one document', async () => {
    const saved = await md.createOrUpdateSchema({ dataEntity, schemaName: schema, schemaBody })
    assert.deepEqual(saved, {
      Message: 'JSON Schema persisted successfully. Revalidation and indexing process running in background.',
    })
    assert.deepEqual(await md.getSchema({ dataEntity, schema }), schemaBody)

    const created = await md.createDocument({ dataEntity, schema, fields: { orderId: 'o-1', status: 'invoiced' } })
    assert.equal(created.Id, `shipment-${created.DocumentId}`)
    assert.equal(
      created.Href,
      `http://acme.vtexcommercestable.com.br/api/dataentities/shipment/documents/${created.DocumentId}`
    )

    const upsert = { dataEntity, schema, id: 'ship-2', fields: { orderId: 'o-2', status: 'invoiced' } }
    const first = await md.createOrUpdatePartialDocument(upsert)
    const second = await md.createOrUpdatePartialDocument({ ...upsert, fields: { status: 'in_transit', attempts: 1 } })
    assert.equal(first.DocumentId, 'ship-2')
    assert.equal(second.DocumentId, 'ship-2')
    assert.equal(store.count({ account: 'acme', entity: dataEntity }), 2)

    const doc = await md.getDocument<Shipment>({
      dataEntity,
      id: 'ship-2',
      fields: ['id', 'orderId', 'status', 'attempts'],
    })
    assert.deepEqual(doc, { id: 'ship-2', orderId: 'o-2', status: 'in_transit', attempts: 1 })
  })

  void it('updates partially and entirely by id, and refuses documents that break the schema', async () => {
    await md.updatePartialDocument({ dataEntity, schema, id: 'ship-2', fields: { status: 'delivered' } })
    const doc = await md.getDocument<Shipment>({ dataEntity, id: 'ship-2', fields: ['status', 'orderId'] })
    assert.deepEqual(doc, { status: 'delivered', orderId: 'o-2' })
    await md.createOrUpdateEntireDocument({
      dataEntity,
      schema,
      id: 'ship-3',
      fields: { orderId: 'o-3', status: 'stuck' },
    })
    await md.updateEntireDocument({ dataEntity, schema, id: 'ship-3', fields: { orderId: 'o-3', status: 'returned' } })
    assert.equal((await md.getDocument<Shipment>({ dataEntity, id: 'ship-3', fields: ['status'] })).status, 'returned')
    const bad = md.updatePartialDocument({ dataEntity, schema, id: 'ship-3', fields: { attempts: 'many' } })
    assert.equal(await statusOf(bad), 400)
  })

  void it('searches with where + sort + paging; the total comes from REST-Content-Range', async () => {
    for (let i = 0; i < 30; i++) {
      await md.createOrUpdatePartialDocument({
        dataEntity,
        schema,
        id: `bulk-${String(i).padStart(2, '0')}`,
        fields: { orderId: `b-${i}`, status: i % 2 === 0 ? 'stuck' : 'in_transit', attempts: i },
      })
    }
    const page = await md.searchDocumentsWithPaginationInfo<Shipment>({
      dataEntity,
      schema,
      fields: ['id', 'attempts'],
      where: 'status=stuck AND attempts>3',
      sort: 'attempts DESC',
      pagination: { page: 2, pageSize: 5 },
    })
    assert.equal(page.pagination.total, 13)
    assert.deepEqual(
      page.data.map((d) => d.attempts),
      [18, 16, 14, 12, 10]
    )
    const found = await md.searchDocuments<Shipment>({
      dataEntity,
      schema,
      fields: ['id', 'orderId'],
      where: '(orderId=b-1 OR orderId=b-2*) AND status<>stuck',
      sort: 'orderId ASC',
      pagination: { page: 1, pageSize: 100 },
    })
    assert.deepEqual(
      found.map((d) => d.orderId),
      ['b-1', 'b-21', 'b-23', 'b-25', 'b-27', 'b-29']
    )
  })

  void it('answers 400 {Message} for non-indexed filters, bad _where and pages over 100', async () => {
    const base = { dataEntity, schema, fields: ['id'], pagination: { page: 1, pageSize: 10 } }
    assert.equal(await statusOf(md.searchDocuments({ ...base, where: 'note=x' })), 400)
    assert.equal(await statusOf(md.searchDocuments({ ...base, where: 'status=' })), 400)
    assert.equal(await statusOf(md.searchDocuments({ ...base, pagination: { page: 1, pageSize: 101 } })), 400)
    assert.equal(await statusOf(md.searchDocuments({ ...base, pagination: { page: 101, pageSize: 100 } })), 400)
    assert.equal(await statusOf(md.getDocument({ dataEntity, id: 'missing', fields: ['id'] })), 404)
  })

  void it('scrolls until an empty page', async () => {
    const ids: string[] = []
    let mdToken: string | undefined
    for (let guard = 0; guard < 20; guard++) {
      const { data: page, mdToken: next } = await md.scrollDocuments<Shipment>({
        dataEntity,
        schema,
        fields: ['id'],
        where: 'status=stuck',
        sort: 'id ASC',
        size: 4,
        mdToken,
      })
      // @vtex/api 6.51.3 types `data` as {data, mdToken}, but at runtime it is the response body: the array.
      const data = page as unknown as Shipment[]
      assert.ok(Array.isArray(data))
      assert.ok(next, 'every page carries X-VTEX-MD-TOKEN')
      if (data.length === 0) break
      mdToken = next
      ids.push(...data.map((d) => d.id))
    }
    assert.equal(ids.length, 15)
    assert.deepEqual(ids, [...ids].sort())
    assert.equal(await statusOf(md.scrollDocuments({ dataEntity, fields: ['id'], mdToken: 'bogus' })), 400)
  })

  void it('deletes documents', async () => {
    await md.deleteDocument({ dataEntity, id: 'ship-3' })
    assert.equal(await statusOf(md.getDocument({ dataEntity, id: 'ship-3', fields: ['id'] })), 404)
  })
})
