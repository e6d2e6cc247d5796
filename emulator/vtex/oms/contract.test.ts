/**
 * Contract tests: everything the OMS emulator answers, and everything these tests send it, is
 * checked against VTEX's official Orders API OpenAPI file, so the emulator cannot drift into a
 * private dialect.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { loadSpec, matchOperation, validateRequestBody, validateResponse } from '../../../test/openapi'
import type { EmuResponse } from '../../http'
import { invoiceFor, omsHarness, trackingBody, trackingNumberBody } from './testing'
import type { OmsHarness } from './testing'

const spec = loadSpec('VTEX - Orders API.json')
const ORDERS = '/api/oms/pvt/orders'

interface Exchange {
  method: string
  path: string
  body: unknown
  response: EmuResponse
}

/** Calls the module and keeps every exchange for the contract checks. */
function recorder(oms: OmsHarness): { exchanges: Exchange[]; send: OmsHarness['call'] } {
  const exchanges: Exchange[] = []
  return {
    exchanges,
    send: async (method, path, options = {}) => {
      const response = await oms.call(method, path, options)
      assert.ok(response, `${method} ${path} was answered`)
      exchanges.push({ method, path, body: options.body, response })
      return response
    },
  }
}

void describe('OMS emulator contract (VTEX - Orders API.json)', () => {
  void it('every success response and every request of a full order lifecycle validates against the spec', async () => {
    const oms = omsHarness()
    const { exchanges, send } = recorder(oms)
    const fulfillment = oms.store.createOrder('acme', { courier: 'Correios SEDEX' })
    const marketplace = oms.store.createOrder('acme', {
      origin: 'Marketplace',
      status: 'handling',
      courier: 'UPS Ground',
      country: 'USA',
      items: [
        { id: 'boots', quantity: 2, price: 12900 },
        { id: 'socks', quantity: 3, price: 990 },
      ],
    })
    for (const order of [fulfillment, marketplace]) {
      const base = `${ORDERS}/${order.orderId}`
      await send('GET', base)
      await send('POST', `${base}/invoice`, { body: invoiceFor(order) })
      await send('GET', base)
      await send('PATCH', `${base}/invoice/NF-000123`, { body: trackingNumberBody })
      await send('PUT', `${base}/invoice/NF-000123/tracking`, { body: trackingBody })
      await send('GET', base)
      const delivered = { ...trackingBody, isDelivered: true, deliveredDate: '2015-06-26 14:05' }
      await send('PUT', `${base}/invoice/NF-000123/tracking`, { body: delivered })
      await send('POST', `${base}/invoice`, { body: invoiceFor(order, { type: 'Input', invoiceNumber: 'DEV-1' }) })
      await send('GET', `${ORDERS}/seq${order.sequence}`)
    }
    await send('GET', ORDERS)
    await send('GET', `${ORDERS}?f_status=invoiced&per_page=1&page=2&orderBy=totalValue,desc`)
    await send('GET', `${ORDERS}?f_status=canceled`)

    const covered = new Set<string>()
    for (const exchange of exchanges) {
      const label = `${exchange.method} ${exchange.path} -> ${exchange.response.status}`
      assert.equal(exchange.response.status, 200, `${label}: ${JSON.stringify(exchange.response.body)}`)
      const match = matchOperation(spec, exchange.method, exchange.path)
      assert.ok(match, `${label} is a documented operation`)
      covered.add(match.operationId ?? match.pathTemplate)
      const responseErrors = validateResponse(spec, exchange.method, match.pathTemplate, 200, exchange.response.body)
      assert.deepEqual(responseErrors, [], `${label} response`)
      const requestErrors = validateRequestBody(spec, exchange.method, match.pathTemplate, exchange.body)
      assert.deepEqual(requestErrors, [], `${label} request`)
    }
    assert.deepEqual([...covered].sort(), [
      'GetOrder',
      'InvoiceNotification',
      'ListOrders',
      'UpdateTrackingStatus',
      'Updatepartialinvoice.SendTrackingNumber',
    ])
  })

  void it('accepts exactly the request bodies the spec accepts (schema part)', async () => {
    const oms = omsHarness()
    const order = oms.store.createOrder('acme')
    const invoicePath = '/api/oms/pvt/orders/{orderId}/invoice'
    const patchPath = '/api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}'
    const trackingPath = `${patchPath}/tracking`
    const valid = invoiceFor(order)
    const cases: { method: string; template: string; url: string; body: unknown }[] = [
      ...[
        valid,
        { ...valid, invoiceValue: 2499 },
        { ...valid, type: 'Sale' },
        { ...valid, courier: null },
        { ...valid, trackingNumber: null, trackingUrl: null, invoiceKey: null, embeddedInvoice: null },
        { ...valid, items: [{ id: order.items[0].id, price: '10', quantity: 1 }] },
        { ...valid, issuanceDate: undefined },
      ].map((body) => ({ method: 'POST', template: invoicePath, url: `${ORDERS}/${order.orderId}/invoice`, body })),
      ...[
        trackingNumberBody,
        { ...trackingNumberBody, trackingUrl: null, courier: null, dispatchedDate: null },
        { ...trackingNumberBody, trackingNumber: null },
        { trackingNumber: 'X1' },
      ].map((body) => ({
        method: 'PATCH',
        template: patchPath,
        url: `${ORDERS}/${order.orderId}/invoice/NF-000123`,
        body,
      })),
      ...[
        trackingBody,
        { ...trackingBody, isDelivered: 'false' },
        { ...trackingBody, events: [{ city: 'Rio', state: 'RJ', description: 'ok' }] },
        { isDelivered: true, events: [] },
      ].map((body) => ({
        method: 'PUT',
        template: trackingPath,
        url: `${ORDERS}/${order.orderId}/invoice/NF-000123/tracking`,
        body,
      })),
    ]
    for (const testCase of cases) {
      const body = JSON.parse(JSON.stringify(testCase.body)) as unknown
      const specValid = validateRequestBody(spec, testCase.method, testCase.template, body).length === 0
      const response = await oms.call(testCase.method, testCase.url, { body })
      assert.equal(response?.status === 200, specValid, `${testCase.method} ${JSON.stringify(body)}`)
    }
  })
})
