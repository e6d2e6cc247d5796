import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import type { InvoiceTrackingPatch, OmsReceipt, Order, OrderList, TrackingUpdate } from '../typings/orders'

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

  /** Recently invoiced orders, newest first (the list endpoint lags indexing by ~4 minutes). */
  public listInvoiced(fromIso: string, toIso: string, page: number): Promise<OrderList> {
    return this.http.get<OrderList>(orders, {
      metric: 'oms-list-orders',
      params: {
        f_status: 'invoiced',
        f_invoicedDate: `invoicedDate:[${fromIso} TO ${toIso}]`,
        orderBy: 'creationDate,desc',
        per_page: 100,
        page,
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
