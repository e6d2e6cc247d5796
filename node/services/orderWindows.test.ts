import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { OmsClient } from '../clients/oms'
import type { OrderList, OrderListQuery } from '../typings/orders'
import type { ListWindow } from './orderWindows'
import { MAX_LIST_PAGES, readNextPage } from './orderWindows'

const DAY = 24 * 3600_000
const FROM = Date.parse('2026-11-01T00:00:00.000Z')

/** A list of orders one per `spacingMs`, served as the Orders API does: 100 a page, newest first. */
function fakeOms(count: number, spacingMs: number): { oms: OmsClient; queries: OrderListQuery[] } {
  const times = Array.from({ length: count }, (_, i) => FROM + i * spacingMs)
  const queries: OrderListQuery[] = []
  const listOrders = (query: OrderListQuery): Promise<OrderList> => {
    queries.push(query)
    assert.ok(query.page >= 1 && query.page <= MAX_LIST_PAGES, `page ${query.page} is past what VTEX serves`)
    const inRange = times
      .filter((t) => t >= Date.parse(query.fromIso) && t <= Date.parse(query.toIso))
      .sort((a, b) => b - a)
    const page = inRange.slice((query.page - 1) * 100, query.page * 100)
    return Promise.resolve({
      list: page.map((t) => ({ orderId: `o-${t}` })),
      paging: { total: inRange.length, pages: Math.ceil(inRange.length / 100), currentPage: query.page, perPage: 100 },
    } as unknown as OrderList)
  }
  return { oms: { listOrders } as unknown as OmsClient, queries }
}

async function readAll(oms: OmsClient, queue: ListWindow[], onList?: Parameters<typeof readNextPage>[2]) {
  const seen: string[] = []
  for (let calls = 0; queue.length > 0 && calls < 1000; calls++) seen.push(...(await readNextPage(oms, queue, onList)))
  return seen
}

void describe('readNextPage', () => {
  void it('reads every page of a window of at most 3,000 orders, then leaves the queue', async () => {
    const { oms, queries } = fakeOms(250, 60_000)
    const queue: ListWindow[] = [
      { pass: 'invoiced', fromIso: new Date(FROM).toISOString(), toIso: new Date(FROM + DAY).toISOString(), page: 1 },
    ]
    const seen = await readAll(oms, queue)
    assert.equal(new Set(seen).size, 250)
    assert.deepEqual(
      queries.map((q) => q.page),
      [1, 2, 3]
    )
  })

  void it('splits a range of more than 3,000 orders (30 pages of 100) into halves, never asking for page 31', async () => {
    const { oms, queries } = fakeOms(4_500, 3 * 60_000)
    const queue: ListWindow[] = [
      {
        pass: 'invoiced',
        fromIso: new Date(FROM).toISOString(),
        toIso: new Date(FROM + 10 * DAY).toISOString(),
        page: 1,
      },
    ]
    const totals: number[] = []
    const seen = await readAll(oms, queue, (window, list) => {
      if (window.page === 1) totals.push(list.paging.total)
    })
    assert.equal(new Set(seen).size, 4_500, 'every order read once the halves are read')
    assert.equal(totals[0], 4_500, 'the first answer counts the whole range')
    assert.ok(queries.every((q) => q.page <= MAX_LIST_PAGES))
  })
})
