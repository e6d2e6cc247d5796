import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { createOmsModule } from './module'
import { bodyOf, invoiceFor, omsHarness, omsRequest, trackingBody, trackingNumberBody } from './testing'

const ORDERS = '/api/oms/pvt/orders'

void describe('OMS module routing and auth', () => {
  void it('leaves other hosts and paths to other modules', async () => {
    const oms = omsHarness()
    assert.equal(await oms.call('GET', `${ORDERS}/1-01`, { host: 'api.vtex.com' }), undefined)
    assert.equal(await oms.call('GET', '/api/catalog/pvt/product/1'), undefined)
    assert.equal(await oms.call('POST', `${ORDERS}/1-01/start-handling`), undefined)
    assert.equal(await oms.call('DELETE', `${ORDERS}/1-01`), undefined)
  })

  void it('answers 401 with the documented body without VtexIdclientAutCookie or an appKey/appToken pair', async () => {
    const oms = omsHarness()
    const order = oms.store.createOrder('acme')
    const attempts: Record<string, string>[] = [
      {},
      { 'x-vtex-api-appkey': 'vtexappkey-acme-XYZ' },
      { vtexidclientautcookie: '' },
    ]
    for (const headers of attempts) {
      const response = await oms.call('GET', `${ORDERS}/${order.orderId}`, { headers })
      assert.equal(response?.status, 401)
      assert.deepEqual(response?.body, { error: { code: '1', message: 'Unauthorized access', exception: null } })
    }
    const pair = { 'x-vtex-api-appkey': 'vtexappkey-acme-XYZ', 'x-vtex-api-apptoken': 'secret' }
    assert.equal((await oms.call('GET', `${ORDERS}/${order.orderId}`, { headers: pair }))?.status, 200)
  })

  void it('reads the account from ?an= on the shared host and from the account host', async () => {
    const oms = omsHarness()
    const order = oms.store.createOrder('acme')
    const viaHost = await oms.call('GET', `${ORDERS}/${order.orderId}`, { host: 'acme.vtexcommercestable.com.br' })
    assert.equal(bodyOf(viaHost).orderId, order.orderId)
    const otherAccount = await oms.call('GET', `${ORDERS}/${order.orderId}`, { account: 'globex' })
    assert.equal(otherAccount?.status, 404)
    const noAccount = await oms.call('GET', `${ORDERS}/${order.orderId}`, { account: null })
    assert.equal(noAccount?.status, 400)
    assert.match(JSON.stringify(noAccount?.body), /\?an=/)
  })

  void it('answers 404 with a VTEX-like error body for an unknown order', async () => {
    const response = await omsHarness().call('GET', `${ORDERS}/9999999999999-01`)
    assert.equal(response?.status, 404)
    assert.deepEqual(response?.body, {
      error: { code: '1', message: 'Order 9999999999999-01 not found', exception: null },
    })
  })

  void it('lists orders with the query filters', async () => {
    const oms = omsHarness()
    oms.store.createOrder('acme')
    const invoiced = oms.store.createOrder('acme')
    oms.store.invoice('acme', invoiced.orderId, invoiceFor(invoiced))
    const response = await oms.call('GET', `${ORDERS}?f_status=invoiced&per_page=10`)
    assert.equal(response?.status, 200)
    const body = bodyOf(response) as { list: { orderId: string }[]; paging: { perPage: number } }
    assert.deepEqual(
      body.list.map((item) => item.orderId),
      [invoiced.orderId]
    )
    assert.equal(body.paging.perPage, 10)
    assert.equal((await oms.call('GET', `${ORDERS}?per_page=500`))?.status, 400)
  })
})

void describe('OMS module: invoice → event, PATCH, PUT tracking', () => {
  void it('invoices, answers a receipt and fires the orders-broadcast event', async () => {
    const oms = omsHarness()
    const order = oms.store.createOrder('acme')
    const response = await oms.call('POST', `${ORDERS}/${order.orderId}/invoice`, { body: invoiceFor(order) })
    assert.equal(response?.status, 200)
    const receipt = bodyOf(response)
    assert.deepEqual(Object.keys(receipt).sort(), ['date', 'orderId', 'receipt'])
    assert.equal(receipt.orderId, order.orderId)
    assert.equal(oms.events.length, 1)
    const [event] = oms.events
    assert.deepEqual(
      { ...event, currentChangeDate: 'x', lastChangeDate: 'x' },
      {
        account: 'acme',
        domain: 'Fulfillment',
        orderId: order.orderId,
        currentState: 'invoiced',
        lastState: 'ready-for-handling',
        currentChangeDate: 'x',
        lastChangeDate: 'x',
      }
    )
    assert.match(event.currentChangeDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)
    assert.ok(Date.parse(event.currentChangeDate) >= Date.parse(event.lastChangeDate))
    const saved = bodyOf(await oms.call('GET', `${ORDERS}/${order.orderId}`))
    assert.equal(saved.status, 'invoiced')
  })

  void it('sends a Marketplace copy too when the order came from the marketplace', async () => {
    const oms = omsHarness()
    const order = oms.store.createOrder('acme', { origin: 'Marketplace', status: 'handling' })
    await oms.call('POST', `${ORDERS}/${order.orderId}/invoice`, { body: invoiceFor(order) })
    assert.deepEqual(
      oms.events.map((event) => [event.domain, event.lastState, event.currentState]),
      [
        ['Fulfillment', 'handling', 'invoiced'],
        ['Marketplace', 'handling', 'invoiced'],
      ]
    )
  })

  void it('rejects invoice bodies the spec rejects with a clear 400, and fires nothing', async () => {
    const oms = omsHarness()
    const order = oms.store.createOrder('acme')
    const send = (body: unknown) => oms.call('POST', `${ORDERS}/${order.orderId}/invoice`, { body })
    const asNumber = await send({ ...invoiceFor(order), invoiceValue: order.value })
    assert.equal(asNumber?.status, 400)
    const message = (bodyOf(asNumber).error as { message: string }).message
    assert.match(message, /body\.invoiceValue must be string \(got number \d+\)/)
    assert.match(message, /total in cents as a string, like "2499"/)
    const { items: _items, ...noItems } = invoiceFor(order)
    assert.match(JSON.stringify(bodyOf(await send(noItems))), /must have required property 'items'/)
    assert.equal((await send({ ...invoiceFor(order), type: 'Sale' }))?.status, 400)
    assert.equal((await send({ ...invoiceFor(order), invoiceValue: '99,90' }))?.status, 400)
    assert.equal((await send(undefined))?.status, 400)
    assert.equal((await send('not json'))?.status, 400)
    assert.deepEqual(oms.events, [])
    assert.equal(oms.store.getOrder('acme', order.orderId)?.status, 'ready-for-handling')
  })

  void it('PATCH sets the tracking number and fires no state change (the gap the app must cover)', async () => {
    const oms = omsHarness()
    const order = oms.store.createOrder('acme')
    await oms.call('POST', `${ORDERS}/${order.orderId}/invoice`, { body: invoiceFor(order) })
    const events = oms.events.length
    const patch = await oms.call('PATCH', `${ORDERS}/${order.orderId}/invoice/NF-000123`, { body: trackingNumberBody })
    assert.equal(patch?.status, 200)
    assert.equal(bodyOf(patch).orderId, order.orderId)
    assert.equal(oms.events.length, events)
    const saved = oms.store.getOrder('acme', order.orderId)
    assert.equal(saved?.status, 'invoiced')
    assert.equal(saved?.packageAttachment.packages[0].trackingNumber, 'AA123456789BR')
    const { courier: _courier, ...missing } = trackingNumberBody
    const invalid = await oms.call('PATCH', `${ORDERS}/${order.orderId}/invoice/NF-000123`, { body: missing })
    assert.equal(invalid?.status, 400)
    assert.match(JSON.stringify(invalid?.body), /must have required property 'courier'/)
    const unknown = await oms.call('PATCH', `${ORDERS}/${order.orderId}/invoice/NF-9`, { body: trackingNumberBody })
    assert.equal(unknown?.status, 404)
    assert.match(JSON.stringify(unknown?.body), /Invoice Not Found/)
  })

  void it('PUT tracking needs the tracking number first, then stores the events', async () => {
    const oms = omsHarness()
    const order = oms.store.createOrder('acme')
    const base = `${ORDERS}/${order.orderId}/invoice/NF-000123`
    await oms.call('POST', `${ORDERS}/${order.orderId}/invoice`, { body: invoiceFor(order) })
    const early = await oms.call('PUT', `${base}/tracking`, { body: trackingBody })
    assert.equal(early?.status, 409)
    assert.match(JSON.stringify(early?.body), /no tracking number yet/)
    await oms.call('PATCH', base, { body: trackingNumberBody })
    const { deliveredDate: _deliveredDate, ...noDeliveredDate } = trackingBody
    const missing = await oms.call('PUT', `${base}/tracking`, { body: noDeliveredDate })
    assert.equal(missing?.status, 400)
    assert.match(JSON.stringify(missing?.body), /send null until the package is delivered/)
    const ok = await oms.call('PUT', `${base}/tracking`, { body: trackingBody })
    assert.equal(ok?.status, 200)
    assert.equal(ok?.headers?.['content-type'], 'application/json; charset=utf-8')
    const status = oms.store.getOrder('acme', order.orderId)?.packageAttachment.packages[0].courierStatus
    assert.equal(status?.data.length, 2)
    assert.equal(oms.events.length, 1, 'only the invoice fired an event')
    const unknown = await oms.call('PUT', `${ORDERS}/${order.orderId}/invoice/NF-9/tracking`, { body: trackingBody })
    assert.equal(unknown?.status, 404)
  })

  void it("keeps VTEX's known issues: '/' in the invoice number → 404, spaces → 400", async () => {
    const oms = omsHarness()
    const order = oms.store.createOrder('acme')
    for (const invoiceNumber of ['NF/2024/1', 'NF 1']) {
      const posted = await oms.call('POST', `${ORDERS}/${order.orderId}/invoice`, {
        body: invoiceFor(order, { invoiceNumber }),
      })
      assert.equal(posted?.status, 200, 'OMS accepts such numbers on the invoice itself')
    }
    const encoded = encodeURIComponent('NF/2024/1')
    const slashPatch = await oms.call('PATCH', `${ORDERS}/${order.orderId}/invoice/${encoded}`, {
      body: trackingNumberBody,
    })
    assert.equal(slashPatch?.status, 404)
    const slashPut = await oms.call('PUT', `${ORDERS}/${order.orderId}/invoice/${encoded}/tracking`, {
      body: trackingBody,
    })
    assert.equal(slashPut?.status, 404)
    const spaced = await oms.call('PATCH', `${ORDERS}/${order.orderId}/invoice/NF%201`, { body: trackingNumberBody })
    assert.equal(spaced?.status, 400)
    assert.match(JSON.stringify(spaced?.body), /contains spaces/)
  })

  void it('a listener that throws does not fail the committed invoice', async () => {
    const oms = omsHarness()
    const order = oms.store.createOrder('acme')
    const module = createOmsModule({
      store: oms.store,
      onStateChange: () => {
        throw new Error('listener down')
      },
    })
    const originalError = console.error
    console.error = () => undefined
    try {
      const response = await module.handle(
        omsRequest('POST', `${ORDERS}/${order.orderId}/invoice`, { body: invoiceFor(order) })
      )
      assert.equal(response?.status, 200)
    } finally {
      console.error = originalError
    }
    assert.equal(oms.store.getOrder('acme', order.orderId)?.status, 'invoiced')
  })
})
