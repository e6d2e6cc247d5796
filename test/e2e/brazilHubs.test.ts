import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import { readFileSync } from 'fs'
import path from 'path'

import type { Stack } from '../../emulator/stack'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import { call, orderPackage, orderWrites, registryDocs, runSweep, startTestStack } from './harness'

const HOUR = 3600_000

/**
 * Brazilian parcels that reach the app through a hub, not a carrier of their own: a Jadlog parcel
 * shipped through Intelipost, from the invoice to "delivered" on the order, on the real runtime.
 * The demo settings route the courier names "Jadlog .Package" and "Total Express" to Intelipost
 * (its `couriers` setting), so no courier mapping is written by hand.
 */
void describe('Brazilian hubs through the real runtime against their simulators', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    stack = await startTestStack()
  })
  after(async () => {
    await stack.stop()
  })

  async function invoiced(carrier: string, courier: string, trackingNumber: string, story: string): Promise<string> {
    const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
      courier,
      country: 'BRA',
      shippingEstimateDays: 5,
    })
    assert.equal(order.status, 201, JSON.stringify(order.body))
    const scripted = await call(stack, 'POST', '/_emulator/shipments', { carrier, trackingNumber, story })
    assert.equal(scripted.status, 201, JSON.stringify(scripted.body))
    const invoice = await call(stack, 'POST', `/_emulator/orders/${order.body.orderId}/invoice`, {
      courier,
      trackingNumber,
      invoiceNumber: `NF${order.body.orderId.slice(7, 13)}`,
    })
    assert.equal(invoice.status, 200, JSON.stringify(invoice.body))
    return order.body.orderId
  }

  async function untilDelivered(orderId: string): Promise<void> {
    for (let hours = 0; hours < 96; hours += 6) {
      stack.clock.advance(6 * HOUR)
      await runSweep(stack)
    }
    const pkg = await orderPackage(stack, orderId)
    assert.equal(pkg.courierStatus?.finished, true, 'written to the order as delivered')
    const lastPut = orderWrites(stack, orderId)
      .filter((w) => w.method === 'PUT')
      .at(-1)?.body as { isDelivered: boolean; events: unknown[] }
    assert.equal(lastPut.isDelivered, true)
  }

  void it('Intelipost: a Jadlog parcel, routed by courier name, tracked by code to delivered, São Paulo offsets kept', async () => {
    const tn = '10082000123456'
    const orderId = await invoiced('intelipost', 'Jadlog .Package', tn, 'delivered')
    const [registered] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(registered.carrier, 'intelipost', 'registered with the hub the courier routes to')
    assert.equal(registered.state, 'active')
    const calls = () =>
      stack.platform.journal
        .list({ module: 'intelipost' })
        .filter((e) => e.path === `/api/v1/shipment_order/tracking_code/${tn}`)
    assert.ok(calls().length >= 1, 'checked at once')
    assert.ok(
      calls().every((c) => c.headers['api-key'] === '<redacted>'),
      'the key was sent, and the journal does not keep it'
    )

    await untilDelivered(orderId)
    const [done] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(done.status, 'DELIVERED')
    assert.equal(done.state, 'done')
    assert.ok(done.events.length >= 6)
    for (const event of done.events) {
      assert.match(event.occurredAt, /-03:00$/, `${event.carrierCode} at ${event.occurredAt}`)
      assert.ok(event.occurredAtLocal, 'raw carrier time kept')
    }
    assert.ok(
      done.events.some((e) => e.carrierCode.startsWith('IN_TRANSIT/27')),
      'micro state kept raw'
    )
    const polled = calls().length
    stack.clock.advance(24 * HOUR)
    await runSweep(stack)
    assert.equal(calls().length, polled, 'no more polling once delivered')
  })

  void it('Intelipost webhook: one pushed state change makes the app read the whole history now, never cut the order to that one event', async () => {
    const tn = '10082000777777'
    const orderId = await invoiced('intelipost', 'Jadlog .Package', tn, 'delivered')
    stack.clock.advance(30 * HOUR) // the hub has recorded more scans; no sweep has run
    const webhook = '/_v/order-tracking/webhooks/intelipost'
    const sample = JSON.parse(
      readFileSync(
        path.join(__dirname, '../../node/carriers/intelipost/__fixtures__/docs-example-webhook-in-transit.json'),
        'utf8'
      )
    ) as Record<string, unknown>
    const body = JSON.stringify({ ...sample, tracking_code: tn })
    const post = (query: string) =>
      fetch(`${stack.platform.url}${webhook}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    const refused = await post('')
    assert.equal(refused.status, 401, 'no secret: refused')
    const wrong = await post('?secret=guessed')
    assert.equal(wrong.status, 401, 'a wrong secret: refused')
    // The merchant copies the webhook URL, secret included, from the admin's carrier health.
    const overview = await call<{ carriers: Array<{ carrier: string; webhookUrl?: string }> }>(
      stack,
      'GET',
      '/_v/private/order-tracking/admin/overview',
      undefined,
      { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}`, 'x-order-tracking-admin': '1' }
    )
    const shown = new URL(overview.body.carriers.find((c) => c.carrier === 'intelipost')?.webhookUrl ?? '')
    assert.equal(shown.pathname, webhook)
    assert.ok(shown.searchParams.get('secret'), 'the URL carries the install secret')
    const before = registryDocs(stack, `orderId="${orderId}"`)[0]
    const accepted = await post(shown.search)
    assert.equal(accepted.status, 200, await accepted.text())
    const [after] = registryDocs(stack, `orderId="${orderId}"`)
    assert.ok(after.lastPushAt, 'the push is recorded on the shipment')
    assert.ok(after.events.length > before.events.length, 'the hub was read: more events than before')
    assert.ok(after.events.length > 1, 'never cut to the one pushed event')
    const lastPut = orderWrites(stack, orderId)
      .filter((w) => w.method === 'PUT')
      .at(-1)?.body as { events: unknown[] }
    assert.equal(lastPut.events.length, after.events.length, 'the order shows the whole history, in the same request')
  })

  void it('Melhor Envio: a Loggi label, code resolved to its order, batch tracking to delivered, São Paulo time', async () => {
    const tn = 'LGI0000123456'
    const orderId = await invoiced('melhorenvio', 'Loggi Coleta', tn, 'delivered')
    const [registered] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(registered.carrier, 'melhorenvio', 'registered with the hub the courier routes to')
    const calls = (path: string) =>
      stack.platform.journal.list({ module: 'melhorenvio' }).filter((e) => e.path === path)
    assert.equal(calls('/api/v2/me/orders/search').length, 1, 'the code was resolved to its order once')
    assert.ok(calls('/api/v2/me/shipment/tracking').length >= 1, 'checked at once')
    assert.ok(
      calls('/api/v2/me/shipment/tracking').every((c) => c.headers.authorization === '<redacted>'),
      'the token was sent, and the journal does not keep it'
    )

    await untilDelivered(orderId)
    const [done] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(done.status, 'DELIVERED')
    assert.equal(done.state, 'done')
    assert.deepEqual(
      done.events.map((e) => e.carrierCode),
      ['created_at', 'paid_at', 'generated_at', 'posted_at', 'delivered_at']
    )
    for (const event of done.events) {
      assert.match(event.occurredAt, /-03:00$/, `${event.carrierCode} at ${event.occurredAt}`)
      assert.match(event.occurredAtLocal ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'raw time kept')
    }
    assert.equal(calls('/api/v2/me/orders/search').length, 1, 'the order id was remembered between checks')
  })
})
