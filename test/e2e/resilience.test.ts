import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import {
  call,
  carrierCalls,
  correiosNumber,
  invoicedOrder,
  orderPackage,
  registryDocs,
  runSweep,
  startTestStack,
  UPS_NUMBERS,
} from './harness'

const HOUR = 3600_000
const CORREIOS = 'api.correios.com.br'

/** Bad input, outages and platform errors: every shipment keeps a clear error and a retry, none is lost. */
void describe('bad input and failures', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    stack = await startTestStack()
  })
  after(async () => {
    await stack.stop()
  })

  const deliver = async (body: unknown) =>
    (
      await call<Array<{ status: number; attempts: number }>>(stack, 'POST', '/_emulator/events', {
        sender: 'vtex.orders-broadcast',
        topic: 'invoiced',
        body,
        maxAttempts: 1,
      })
    ).body[0]
  const docOf = (orderId: string) => registryDocs(stack, `orderId="${orderId}"`)[0]
  const fault = (spec: Record<string, unknown>) => call(stack, 'POST', '/_emulator/faults', spec)
  const event = (orderId: string) => ({
    domain: 'Fulfillment',
    orderId,
    currentState: 'invoiced',
    lastState: 'invoice',
    currentChangeDate: new Date().toISOString(),
    lastChangeDate: new Date().toISOString(),
  })

  void it('acknowledges malformed events and unknown orders without registering anything', async () => {
    const before = registryDocs(stack).length
    const statuses = [
      (await deliver({ hello: 'world' })).status,
      (await deliver([1, 2, 3])).status,
      (await deliver(event('9999999999999-01'))).status,
      (await deliver({ ...event('9999999999999-01'), domain: 'Marketplace' })).status,
    ]
    assert.deepEqual(statuses, [204, 204, 204, 204])
    assert.equal(registryDocs(stack).length, before)
  })

  void it('acknowledges an invoiced event for an order without any invoice', async () => {
    const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', { courier: 'Correios SEDEX' })
    assert.equal((await deliver(event(order.body.orderId))).status, 204)
    assert.equal(registryDocs(stack, `orderId="${order.body.orderId}"`).length, 0)
  })

  void it('registers an unknown courier with an unknown number format visibly as unresolved', async () => {
    const { orderId } = await invoicedOrder(stack, {
      carrier: 'correios',
      courier: 'Jadlog Expresso',
      trackingNumber: '12345678901234',
      scriptTimeline: false,
    })
    const doc = docOf(orderId)
    assert.equal(doc.state, 'unresolved_carrier')
    assert.equal(doc.carrier, null)
    assert.ok(doc.nextCheckAt, 'kept for a later re-check, never dropped')
  })

  void it('records a carrier outage, backs off, and recovers on the next check', async () => {
    await fault({ host: CORREIOS, pathIncludes: '/srorastro/', status: 500, times: 1 })
    const tn = correiosNumber(20000001)
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'stuck' })
    const failed = docOf(orderId)
    assert.equal(failed.lastErrorReason, 'carrier_unavailable')
    assert.equal(failed.consecutiveErrors, 1)
    assert.equal(failed.state, 'active')
    assert.equal(
      Date.parse(failed.nextCheckAt ?? ''),
      Date.now() + 15 * 60_000 - (Date.now() - Date.parse(failed.lastErrorAt ?? ''))
    )

    stack.clock.advance(9 * HOUR)
    await runSweep(stack)
    const recovered = docOf(orderId)
    assert.equal(recovered.lastErrorReason, null)
    assert.equal(recovered.consecutiveErrors, 0)
    assert.equal(recovered.status, 'IN_TRANSIT')
  })

  void it("honours the carrier's Retry-After on 429 and stops calling it for the rest of the run", async () => {
    await fault({
      host: CORREIOS,
      pathIncludes: '/srorastro/',
      status: 429,
      headers: { 'retry-after': '7200', 'content-type': 'application/json' },
      body: { msgs: ['Too many requests'] },
      times: 1,
    })
    const tn = correiosNumber(20000002)
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'stuck' })
    const limited = docOf(orderId)
    assert.equal(limited.lastErrorReason, 'carrier_rate_limited')
    assert.equal(limited.nextCheckReason, 'retry_after')
    assert.ok(Date.parse(limited.nextCheckAt ?? '') >= Date.parse(limited.lastErrorAt ?? '') + 2 * HOUR)
  })

  void it('treats a malformed carrier body as a transient error, not as data', async () => {
    await fault({ host: CORREIOS, pathIncludes: '/srorastro/', status: 200, body: { objetos: 'nope' }, times: 1 })
    const { orderId } = await invoicedOrder(stack, {
      carrier: 'correios',
      trackingNumber: correiosNumber(20000003),
      story: 'stuck',
    })
    assert.equal(docOf(orderId).lastErrorReason, 'carrier_malformed_response')
    assert.equal(docOf(orderId).status, 'PENDING')
  })

  void it('records a number the carrier does not know (UPS 404) and keeps retrying on a back-off', async () => {
    const { orderId } = await invoicedOrder(stack, {
      carrier: 'ups',
      trackingNumber: UPS_NUMBERS[1],
      scriptTimeline: false,
    })
    const doc = docOf(orderId)
    assert.equal(doc.lastErrorReason, 'tracking_number_not_found')
    assert.equal(doc.state, 'active')
    assert.ok(doc.nextCheckAt)
  })

  void it('refreshes an expired carrier token and carries on', async () => {
    const tn = correiosNumber(20000004)
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'delivered' })
    stack.platform.simulators.correios.expireTokens()
    stack.clock.advance(6 * HOUR)
    await runSweep(stack)
    assert.equal(docOf(orderId).lastErrorReason, null)
    assert.equal(docOf(orderId).status, 'IN_TRANSIT')
  })

  void it('never marks delivered from a code the status table does not know', async () => {
    const tn = correiosNumber(20000005)
    await call(stack, 'POST', '/_emulator/shipments', {
      carrier: 'correios',
      trackingNumber: tn,
      events: [
        { afterHours: 1, code: 'PO/01', city: 'SAO PAULO', state: 'SP' },
        { afterHours: 2, code: 'BDE/99', description: 'Objeto entregue?', city: 'SAO PAULO', state: 'SP' },
      ],
    })
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, scriptTimeline: false })
    stack.clock.advance(3 * HOUR)
    await runSweep(stack)
    const doc = docOf(orderId)
    assert.equal(doc.status, 'UNKNOWN')
    assert.equal(doc.state, 'active')
    assert.equal((await orderPackage(stack, orderId)).courierStatus?.finished, false)
  })

  void it('retries an order write that the platform refused, without losing the events', async () => {
    const tn = correiosNumber(20000006)
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'stuck' })
    await fault({
      host: 'portal.vtexcommercestable.com.br',
      pathIncludes: `${orderId}/invoice`,
      method: 'PUT',
      status: 503,
      times: 1, // order writes are never retried blindly by the client
    })
    stack.clock.advance(9 * HOUR)
    await runSweep(stack)
    assert.equal(docOf(orderId).lastErrorReason, 'order_write_failed')
    assert.equal((await orderPackage(stack, orderId)).courierStatus, null)
    stack.clock.advance(HOUR)
    await runSweep(stack)
    assert.equal(docOf(orderId).lastErrorReason, null)
    assert.equal((await orderPackage(stack, orderId)).courierStatus?.data.length, 1)
  })

  void it("honours the Orders API's Retry-After when it refuses an order write with 429", async () => {
    const tn = correiosNumber(20000010)
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'stuck' })
    await fault({
      host: 'portal.vtexcommercestable.com.br',
      pathIncludes: `${orderId}/invoice`,
      method: 'PUT',
      status: 429,
      headers: { 'retry-after': '10800', 'content-type': 'application/json' },
      body: { error: { code: 'TooManyRequests', message: 'Too many requests' } },
      times: 1, // order writes are never retried blindly by the client
    })
    stack.clock.advance(9 * HOUR)
    await runSweep(stack)
    const limited = docOf(orderId)
    assert.equal(limited.lastErrorReason, 'order_write_failed')
    assert.equal(limited.nextCheckReason, 'retry_after')
    assert.ok(
      Date.parse(limited.nextCheckAt ?? '') >= Date.parse(limited.lastErrorAt ?? '') + 3 * HOUR,
      `next check ${limited.nextCheckAt} is not 3 h after ${limited.lastErrorAt}`
    )
    await call(stack, 'DELETE', '/_emulator/faults')
  })

  void it('expires a shipment whose window closes without a terminal status, visibly', async () => {
    const tn = correiosNumber(20000007)
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'stuck' })
    stack.clock.advance(13 * 24 * HOUR)
    await runSweep(stack)
    const doc = docOf(orderId)
    assert.equal(doc.state, 'expired')
    assert.equal(doc.status, 'EXPIRED')
    assert.equal(doc.nextCheckAt, null)
  })

  void it('registers an invoiced order whose broadcast event never arrived (hourly reconciliation)', async () => {
    const tn = correiosNumber(20000009)
    const order = stack.platform.orders.createOrder(stack.account, { courier: 'Correios SEDEX' })
    const items = (order.items as Array<{ id: string; price: number; quantity: number }>).map((i) => ({
      id: i.id,
      price: i.price,
      quantity: i.quantity,
    }))
    // Straight into the store: the order is invoiced but no event is ever delivered to the app.
    stack.platform.orders.invoice(stack.account, String(order.orderId), {
      type: 'Output',
      issuanceDate: new Date().toISOString(),
      invoiceNumber: 'NF-LOST-1',
      invoiceValue: String(order.value),
      courier: 'Correios SEDEX',
      trackingNumber: tn,
      items,
    })
    await call(stack, 'POST', '/_emulator/shipments', { carrier: 'correios', trackingNumber: tn, story: 'delivered' })
    assert.equal(registryDocs(stack, `orderId="${String(order.orderId)}"`).length, 0)
    stack.clock.advance(2 * HOUR)
    await runSweep(stack)
    const doc = docOf(String(order.orderId))
    assert.equal(doc?.trackingNumber, tn)
    assert.equal(doc?.state, 'active')
  })

  void it('still handles a normal order after all of that (the worker never crashed)', async () => {
    const tn = correiosNumber(20000008)
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'delivered' })
    assert.equal(docOf(orderId).state, 'active')
    assert.equal(carrierCalls(stack, 'correios', tn).length, 1)
  })
})
