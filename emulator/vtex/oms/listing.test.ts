import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import Database from 'better-sqlite3'

import { loadSpec, validateResponse } from '../../../test/openapi'
import { installClock, SimClock, uninstallClock } from '../../clock'
import { OrderStore } from './store'
import type { ListOrdersResult } from './store'
import { invoiceFor } from './testing'
import type { ListOrdersQuery, OmsError } from './types'

const spec = loadSpec('VTEX - Orders API.json')

function validList(result: ListOrdersResult): ListOrdersResult {
  assert.deepEqual(validateResponse(spec, 'get', '/api/oms/pvt/orders', 200, result), [])
  return result
}

/** Five orders on consecutive days; the last two invoiced on 2024-01-10 at simulated times. */
function seeded(): OrderStore {
  const store = new OrderStore(new Database(':memory:'))
  const ids = ['1000000500001-01', '1000000500002-01', '1000000500003-01', '1000000500004-01', '1000000500005-01']
  ids.forEach((orderId, index) =>
    store.createOrder('acme', {
      orderId,
      creationDate: `2024-01-0${index + 1}T12:00:00.000Z`,
      status: index === 1 ? 'handling' : 'ready-for-handling',
      origin: index === 0 ? 'Marketplace' : 'Fulfillment',
      items: [{ id: 'sku', quantity: index + 1, price: 1000 }],
    })
  )
  store.createOrder('globex', { creationDate: '2024-01-03T12:00:00.000Z' })
  try {
    for (const [orderId, at] of [
      [ids[3], '2024-01-10T08:00:00.000Z'],
      [ids[4], '2024-01-10T20:00:00.000Z'],
    ]) {
      installClock(new SimClock(Date.parse(at)))
      const order = store.getOrder('acme', orderId)
      assert.ok(order)
      store.invoice('acme', orderId, invoiceFor(order))
    }
  } finally {
    uninstallClock()
  }
  return store
}

const ids = (result: ListOrdersResult): string[] => result.list.map((item) => String(item.orderId).slice(10, 13))

void describe('OrderStore.listOrders', () => {
  const store = seeded()
  const list = (query: ListOrdersQuery): ListOrdersResult => validList(store.listOrders('acme', query))

  void it('lists the account orders newest first with the documented paging', () => {
    const result = list({})
    assert.deepEqual(ids(result), ['005', '004', '003', '002', '001'])
    assert.deepEqual(result.paging, { total: 5, pages: 1, currentPage: 1, perPage: 15 })
    const first = result.list[4]
    assert.equal(first.items, null)
    assert.equal(first.clientName, 'Ana Souza')
    assert.equal(first.totalItems, 1)
    assert.equal(first.origin, 'Marketplace')
    assert.equal(first.marketPlaceOrderId, '1000000500001-01')
    assert.equal(first.paymentNames, 'Visa')
  })

  void it('filters by one or several statuses', () => {
    assert.deepEqual(ids(list({ f_status: 'invoiced' })), ['005', '004'])
    assert.deepEqual(ids(list({ f_status: 'handling,invoiced' })), ['005', '004', '002'])
    assert.deepEqual(ids(list({ f_status: 'canceled' })), [])
  })

  void it('filters by creation and invoiced date ranges (inclusive, * for open)', () => {
    const creation = 'creationDate:[2024-01-02T12:00:00.000Z TO 2024-01-03T23:59:59.999Z]'
    assert.deepEqual(ids(list({ f_creationDate: creation })), ['003', '002'])
    assert.deepEqual(ids(list({ f_creationDate: 'creationDate:[2024-01-04T00:00:00.000Z TO *]' })), ['005', '004'])
    const morning = 'invoicedDate:[2024-01-10T00:00:00.000Z TO 2024-01-10T11:59:59.999Z]'
    assert.deepEqual(ids(list({ f_invoicedDate: morning })), ['004'])
    assert.deepEqual(ids(list({ f_invoicedDate: 'invoicedDate:[* TO *]', f_status: 'invoiced' })), ['005', '004'])
  })

  void it('pages with per_page and page, and sorts with orderBy', () => {
    const page2 = list({ per_page: '2', page: '2' })
    assert.deepEqual(ids(page2), ['003', '002'])
    assert.deepEqual(page2.paging, { total: 5, pages: 3, currentPage: 2, perPage: 2 })
    assert.deepEqual(ids(list({ per_page: 2, page: 4 })), [])
    assert.deepEqual(ids(list({ orderBy: 'creationDate,asc' })), ['001', '002', '003', '004', '005'])
    assert.deepEqual(ids(list({ orderBy: 'items,desc', per_page: 1 })), ['005'])
    assert.deepEqual(ids(list({ orderBy: 'totalValue,asc', per_page: 1 })), ['001'])
  })

  void it('enforces the documented limits: per_page up to 100, page up to 30', () => {
    assert.equal(list({ per_page: 100, page: 30 }).paging.perPage, 100)
    const rejects = (query: ListOrdersQuery, message: RegExp): void =>
      assert.throws(
        () => store.listOrders('acme', query),
        (error: unknown) => (error as OmsError).status === 400 && message.test((error as OmsError).message)
      )
    rejects({ per_page: 101 }, /per_page 101 is above the maximum of 100/)
    rejects({ page: 31 }, /beyond the limit of 30 pages/)
    rejects({ page: 0 }, /page must be a positive integer/)
    rejects({ per_page: 'ten' }, /per_page must be a positive integer/)
    rejects({ f_creationDate: '2024-01-01 TO 2024-01-02' }, /f_creationDate must look like creationDate:\[/)
    rejects({ f_invoicedDate: 'invoicedDate:[someday TO *]' }, /'someday' is not a date/)
    rejects({ orderBy: 'price,asc' }, /orderBy must be/)
  })

  void it('computes the stats block over every matching order, faceted by origin and currency', () => {
    const stats = list({}).stats as { stats: Record<string, { Count: number; Sum: number; Facets: unknown }> }
    assert.equal(stats.stats.totalItems.Count, 5)
    assert.equal(stats.stats.totalItems.Sum, 1 + 2 + 3 + 4 + 5)
    const facets = stats.stats.totalValue.Facets as { origin: Record<string, { Count: number }> }
    assert.deepEqual([facets.origin.Marketplace.Count, facets.origin.Fulfillment.Count], [1, 4])
  })
})
