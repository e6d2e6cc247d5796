import type { OmsClient } from '../clients/oms'
import type { OrderList, OrderListQuery } from '../typings/orders'
import { asPlatformError } from './platformErrors'

/** "The limit of information retrieval is 30 pages" (ListOrders): a window past it is split. */
export const MAX_LIST_PAGES = 30

/** A date range of the OMS order list still to read, from `page` on. */
export interface ListWindow {
  pass: 'invoiced' | 'handling'
  fromIso: string
  toIso: string
  page: number
}

export const PASS_QUERY: Record<ListWindow['pass'], Pick<OrderListQuery, 'statuses' | 'dateField'>> = {
  // Orders that reached `invoiced` in the window (their event may never have arrived).
  invoiced: { statuses: ['invoiced'], dateField: 'invoicedDate' },
  // Orders still being handled: partially invoiced ones (one package of several) stay here, and
  // their invoices fire no orders-broadcast event until the last one makes the order `invoiced`.
  handling: { statuses: ['ready-for-handling', 'handling'], dateField: 'creationDate' },
}

/**
 * Reads the next page of the first window in `queue`, in place: a window whose list is longer
 * than the 30 pages the API serves is replaced by its two halves; a finished window leaves the
 * queue. Returns the orders of the page read (none when the window was split or was empty).
 * `onList` sees each list answer before the queue moves (the backfill counts the window's orders).
 */
export async function readNextPage(
  oms: OmsClient,
  queue: ListWindow[],
  onList?: (window: ListWindow, list: OrderList) => void
): Promise<string[]> {
  const window = queue[0]
  const list: OrderList = await oms
    .listOrders({ ...PASS_QUERY[window.pass], fromIso: window.fromIso, toIso: window.toIso, page: window.page })
    .catch((error: unknown) => {
      throw asPlatformError('oms', error)
    })
  onList?.({ ...window }, list)
  const from = Date.parse(window.fromIso)
  const to = Date.parse(window.toIso)
  if (list.paging.pages > MAX_LIST_PAGES && window.page === 1 && to - from > 1) {
    const middle = new Date(from + Math.floor((to - from) / 2)).toISOString()
    queue.splice(0, 1, { ...window, toIso: middle }, { ...window, fromIso: middle })
    return []
  }
  if (window.page >= Math.min(list.paging.pages, MAX_LIST_PAGES)) queue.shift()
  else window.page += 1
  return list.list.map((item) => item.orderId)
}
