/**
 * The app's own OMS client (node/clients/oms.ts, the one that ships) against the emulator through
 * the forward proxy, exactly as the app reaches OMS on IO: every call it makes, with the headers
 * and query the platform expects.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import Database from 'better-sqlite3'

import { OmsClient } from '../../../node/clients/oms'
import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import type { EmuRequest } from '../../http'
import type { RunningServer } from '../../proxy'
import { startProxyServer } from '../../proxy'
import { createOmsModule } from './module'
import { OrderStore } from './store'
import { invoiceFor, trackingBody, trackingNumberBody } from './testing'

const statusOf = (error: unknown): number | undefined => (error as { response?: { status?: number } }).response?.status

void describe('the app OMS client against the emulator (through the forward proxy)', () => {
  const store = new OrderStore(new Database(':memory:'))
  const seen: EmuRequest[] = []
  const module = createOmsModule({ store, onStateChange: () => undefined })
  let server: RunningServer
  const oms = (): OmsClient => new OmsClient(fakeIOContext(), { timeout: 5000, retries: 0 })

  before(async () => {
    server = await startProxyServer({
      modules: [{ name: 'spy', handle: (req) => void seen.push(req) }, module],
    })
    useEmulatorProxy(server.url)
  })

  after(async () => {
    await server.close()
  })

  void it('order(id) returns the emulated order; the call arrives as a JanusClient sends it', async () => {
    const order = store.createOrder('acme', { courier: 'Correios SEDEX', email: 'buyer@example.com' })
    const fetched = await oms().order(order.orderId)
    assert.equal(fetched.orderId, order.orderId)
    assert.equal(fetched.clientProfileData?.email, 'buyer@example.com')
    assert.equal(fetched.shippingData?.logisticsInfo?.[0].deliveryCompany, 'Correios SEDEX')
    const request = seen[seen.length - 1]
    assert.equal(request.host, 'portal.vtexcommercestable.com.br')
    assert.equal(request.path, `/api/oms/pvt/orders/${order.orderId}`)
    assert.equal(request.query.get('an'), 'acme')
    assert.equal(request.headers.vtexidclientautcookie, 'APP-TOKEN')
  })

  void it('order(id) rejects with the 404 of an unknown order', async () => {
    await assert.rejects(oms().order('0000000000000-01'), (error) => statusOf(error) === 404)
  })

  void it('listOrders finds an order once it is invoiced, with the filters the list endpoint accepts', async () => {
    const order = store.createOrder('acme')
    store.invoice('acme', order.orderId, invoiceFor(order))
    const list = await oms().listOrders({
      statuses: ['invoiced'],
      dateField: 'invoicedDate',
      fromIso: new Date(0).toISOString(),
      toIso: new Date(Date.now() + 86_400_000).toISOString(),
      page: 1,
    })
    assert.ok(list.list.some((item) => item.orderId === order.orderId && item.status === 'invoiced'))
    assert.equal(seen[seen.length - 1].query.get('f_status'), 'invoiced')
  })

  void it('patchInvoiceTracking and putTracking write the order; "/" in the invoice number still 404s', async () => {
    const order = store.createOrder('acme')
    store.invoice('acme', order.orderId, invoiceFor(order))
    store.invoice('acme', order.orderId, invoiceFor(order, { invoiceNumber: 'NF/7', type: 'Input' }))
    const client = oms()
    assert.equal(
      (await client.patchInvoiceTracking(order.orderId, 'NF-000123', trackingNumberBody)).orderId,
      order.orderId
    )
    assert.equal((await client.putTracking(order.orderId, 'NF-000123', trackingBody)).orderId, order.orderId)
    const saved = store.getOrder('acme', order.orderId)
    assert.equal(saved?.packageAttachment.packages[0].courierStatus?.data.length, 2)
    await assert.rejects(client.putTracking(order.orderId, 'NF/7', trackingBody), (error) => statusOf(error) === 404)
  })
})
