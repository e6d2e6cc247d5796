/**
 * The real `OMS` client of @vtex/clients (and a JanusClient for the calls it lacks) against the
 * emulator through the forward proxy, exactly as the app reaches OMS on IO.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { JanusClient } from '@vtex/api'
import type { InstanceOptions, IOContext } from '@vtex/api'
import { OMS } from '@vtex/clients'
import Database from 'better-sqlite3'

import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import type { EmuRequest } from '../../http'
import type { RunningServer } from '../../proxy'
import { startProxyServer } from '../../proxy'
import { createOmsModule } from './module'
import { OrderStore } from './store'
import { invoiceFor, trackingBody, trackingNumberBody } from './testing'
import type { OrderStateChange, Receipt } from './types'

/** The two tracking writes, as an app-side JanusClient would send them. */
class TrackingWrites extends JanusClient {
  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(ctx, options)
  }

  patchInvoice(orderId: string, invoiceNumber: string, body: unknown): Promise<Receipt> {
    return this.http.patch(`/api/oms/pvt/orders/${orderId}/invoice/${encodeURIComponent(invoiceNumber)}`, body, {
      headers: { VtexIdclientAutCookie: this.context.authToken },
    })
  }

  putTracking(orderId: string, invoiceNumber: string, body: unknown): Promise<Receipt> {
    return this.http.put(`/api/oms/pvt/orders/${orderId}/invoice/${encodeURIComponent(invoiceNumber)}/tracking`, body, {
      headers: { VtexIdclientAutCookie: this.context.authToken },
    })
  }
}

const statusOf = (error: unknown): number | undefined => (error as { response?: { status?: number } }).response?.status

void describe('@vtex/clients OMS against the emulator (through the forward proxy)', () => {
  const store = new OrderStore(new Database(':memory:'))
  const events: OrderStateChange[] = []
  const seen: EmuRequest[] = []
  const module = createOmsModule({ store, onStateChange: (event) => events.push(event) })
  let server: RunningServer

  before(async () => {
    server = await startProxyServer({
      modules: [{ name: 'spy', handle: (req) => void seen.push(req) }, module],
    })
    useEmulatorProxy(server.url)
  })

  after(async () => {
    await server.close()
  })

  void it('OMS.order(id) returns the emulated order; the call arrives as JanusClient sends it', async () => {
    const order = store.createOrder('acme', { courier: 'Correios SEDEX', email: 'buyer@example.com' })
    const oms = new OMS(fakeIOContext(), { timeout: 5000 })
    const fetched = await oms.order(order.orderId)
    assert.equal(fetched.orderId, order.orderId)
    assert.equal(fetched.clientProfileData.email, 'buyer@example.com')
    assert.equal(fetched.shippingData.logisticsInfo[0].deliveryCompany, 'Correios SEDEX')
    const request = seen[seen.length - 1]
    assert.equal(request.host, 'portal.vtexcommercestable.com.br')
    assert.equal(request.path, `/api/oms/pvt/orders/${order.orderId}`)
    assert.equal(request.query.get('an'), 'acme')
    assert.equal(request.headers.vtexidclientautcookie, 'APP-TOKEN')
  })

  void it('OMS.order rejects with the 404 of an unknown order', async () => {
    const oms = new OMS(fakeIOContext(), { timeout: 5000, retries: 0 })
    await assert.rejects(oms.order('0000000000000-01'), (error) => statusOf(error) === 404)
  })

  void it('OMS.listOrders and OMS.orderNotification work; the invoice fires the broadcast event', async () => {
    const oms = new OMS(fakeIOContext(), { timeout: 5000 })
    const order = store.createOrder('acme')
    const receipt = await oms.orderNotification(order.orderId, invoiceFor(order) as never)
    assert.equal(receipt.orderId, order.orderId)
    assert.ok(events.some((event) => event.orderId === order.orderId && event.currentState === 'invoiced'))
    const list = await oms.listOrders()
    assert.ok(list.list.some((item) => item.orderId === order.orderId && item.status === 'invoiced'))
  })

  void it('PATCH and PUT tracking go through a JanusClient; "/" in the invoice number still 404s', async () => {
    const writes = new TrackingWrites(fakeIOContext(), { timeout: 5000, retries: 0 })
    const order = store.createOrder('acme')
    store.invoice('acme', order.orderId, invoiceFor(order))
    store.invoice('acme', order.orderId, invoiceFor(order, { invoiceNumber: 'NF/7', type: 'Input' }))
    assert.equal((await writes.patchInvoice(order.orderId, 'NF-000123', trackingNumberBody)).orderId, order.orderId)
    assert.equal((await writes.putTracking(order.orderId, 'NF-000123', trackingBody)).orderId, order.orderId)
    const saved = store.getOrder('acme', order.orderId)
    assert.equal(saved?.packageAttachment.packages[0].courierStatus?.data.length, 2)
    await assert.rejects(writes.putTracking(order.orderId, 'NF/7', trackingBody), (error) => statusOf(error) === 404)
  })
})
