import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import type {
  InvoiceTrackingPatch,
  OmsReceipt,
  Order,
  OrderList,
  OrderListQuery,
  TrackingUpdate,
} from '../typings/orders'

const orders = '/api/oms/pvt/orders'
const invoicePath = (orderId: string, invoiceNumber: string): string =>
  `${orders}/${encodeURIComponent(orderId)}/invoice/${encodeURIComponent(invoiceNumber)}`

/**
 * Orders API (OMS). HTTP only. @vtex/clients' OMS lacks the partial-invoice PATCH and the tracking
 * PUT, and types less of the order, so this one client covers every OMS call the app makes.
 */
export class OmsClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, {
      ...options,
      headers: { ...options?.headers, VtexIdclientAutCookie: context.authToken, Accept: 'application/json' },
    })
  }

  public order(orderId: string): Promise<Order> {
    return this.http.get<Order>(`${orders}/${encodeURIComponent(orderId)}`, { metric: 'oms-get-order' })
  }

  /**
   * One page (of at most 30) of the orders in some statuses whose `dateField` falls in a range,
   * newest first. The list lags indexing by ~4 minutes and carries no invoices: read each order.
   */
  public listOrders(query: OrderListQuery): Promise<OrderList> {
    const range = `${query.dateField}:[${query.fromIso} TO ${query.toIso}]`
    return this.http.get<OrderList>(orders, {
      metric: 'oms-list-orders',
      params: {
        f_status: query.statuses.join(','),
        [query.dateField === 'invoicedDate' ? 'f_invoicedDate' : 'f_creationDate']: range,
        orderBy: 'creationDate,desc',
        per_page: 100,
        page: query.page,
      },
    })
  }

  public patchInvoiceTracking(orderId: string, invoiceNumber: string, body: InvoiceTrackingPatch): Promise<OmsReceipt> {
    return this.http.patch<OmsReceipt>(invoicePath(orderId, invoiceNumber), body, { metric: 'oms-patch-invoice' })
  }

  public putTracking(orderId: string, invoiceNumber: string, body: TrackingUpdate): Promise<OmsReceipt> {
    return this.http.put<OmsReceipt>(`${invoicePath(orderId, invoiceNumber)}/tracking`, body, {
      metric: 'oms-put-tracking',
    })
  }
}
