import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import { demoSettings } from '../../emulator/stack'
import { loadSpec, validateRequestBody } from '../openapi'
import {
  call,
  carrierCalls,
  correiosNumber,
  invoicedOrder,
  orderPackage,
  orderWrites,
  platformRequest,
  registryDocs,
  runSweep,
  startTestStack,
  UPS_NUMBERS,
} from './harness'

const HOUR = 3600_000

/** The invoiced order → registry → carrier → order loop, on the real runtime against the emulator. */
void describe('core loop', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    // These flows step the clock by VTEX's 6-hour interval; the adaptive schedule has its own tests.
    stack = await startTestStack({ settings: { ...demoSettings(), scheduleMode: 'vtex_fixed' } })
  })
  after(async () => {
    await stack.stop()
  })

  const advance = async (hours: number): Promise<void> => {
    stack.clock.advance(hours * HOUR)
    await runSweep(stack)
  }

  void it('registers an invoiced Correios order, writes URL and events, and stops at delivery', async () => {
    const tn = correiosNumber(10000001)
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'delivered' })

    const [doc] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(doc.state, 'active')
    assert.equal(doc.carrier, 'correios')
    assert.equal(carrierCalls(stack, 'correios', tn).length, 1, 'checked once at once on registration')
    const pkg = await orderPackage(stack, orderId)
    assert.equal(pkg.trackingUrl, `https://rastreamento.correios.com.br/app/index.php?objeto=${tn}`)

    await advance(6) // the posting scan (at +5 h) is now visible
    let after6 = await orderPackage(stack, orderId)
    assert.deepEqual(
      after6.courierStatus?.data.map((e) => e.description),
      ['Objeto postado'],
      'the tracking PUT carries the carrier timeline'
    )
    assert.equal(after6.courierStatus?.finished, false)

    for (let hours = 6; hours < 72; hours += 6) await advance(6)
    after6 = await orderPackage(stack, orderId)
    assert.equal(after6.courierStatus?.finished, true)
    assert.equal(after6.courierStatus?.data.length, 5)
    const put = orderWrites(stack, orderId)
      .filter((w) => w.method === 'PUT')
      .at(-1)
    const body = put?.body as { isDelivered: boolean; deliveredDate: string }
    assert.equal(body.isDelivered, true)
    assert.match(body.deliveredDate, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)

    const [done] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(done.state, 'done')
    assert.equal(done.status, 'DELIVERED')
    assert.equal(done.nextCheckAt, null)

    const calls = carrierCalls(stack, 'correios', tn).length
    await advance(24)
    assert.equal(carrierCalls(stack, 'correios', tn).length, calls, 'no polling after delivery')
  })

  void it('follows a UPS package through OAuth and the Track API to delivery', async () => {
    const tn = UPS_NUMBERS[0]
    const { orderId } = await invoicedOrder(stack, { carrier: 'ups', trackingNumber: tn, story: 'delivered' })
    for (let hours = 0; hours < 66; hours += 6) await advance(6)
    const pkg = await orderPackage(stack, orderId)
    assert.equal(pkg.trackingUrl, `https://www.ups.com/track?loc=en_US&tracknum=${tn}`)
    assert.equal(pkg.courierStatus?.finished, true)
    const [doc] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(doc.status, 'DELIVERED')
    assert.ok(doc.events.length >= 4)
    // UPS tokens live ~4 h and sweeps here are 6 h apart: a new token only once the cached one expired.
    const tokenTimes = received(stack, 'ups', '/security/v1/oauth/token').map((e) => Date.parse(e.at))
    assert.ok(tokenTimes.length <= carrierCalls(stack, 'ups', tn).length)
    tokenTimes.slice(1).forEach((t, i) => assert.ok(t - tokenTimes[i] >= 4 * HOUR - 60_000, 'token reused while valid'))
  })

  void it('turns the same invoiced event delivered three times into one document and one first check', async () => {
    const tn = correiosNumber(10000002)
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'stuck' })
    const event = stack.platform.gateway
      .eventLog()
      .filter((d) => (d.body as { orderId?: string }).orderId === orderId)[0]
    for (let i = 0; i < 2; i++) {
      const redelivered = await call<Array<{ status: number }>>(stack, 'POST', '/_emulator/events', {
        sender: 'vtex.orders-broadcast',
        topic: 'invoiced',
        body: event.body,
      })
      assert.equal(redelivered.body[0].status, 204)
    }
    assert.equal(registryDocs(stack, `orderId="${orderId}"`).length, 1)
    assert.equal(carrierCalls(stack, 'correios', tn).length, 1)
  })

  void it('makes no extra order writes when two sweeps see no carrier change', async () => {
    const tn = correiosNumber(10000003)
    const { orderId } = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'stuck' })
    await advance(12) // posting scan written
    assert.ok(orderWrites(stack, orderId).some((w) => w.method === 'PUT'))
    const mark = stack.platform.journal.lastSeq()
    await advance(6)
    await advance(6)
    assert.ok(carrierCalls(stack, 'correios', tn, mark).length >= 2, 'it did check the carrier')
    assert.deepEqual(orderWrites(stack, undefined, mark), [], 'but wrote nothing to any order')
  })

  void it('picks up a tracking number PATCHed onto the invoice after invoicing', async () => {
    const tn = correiosNumber(10000004)
    const { orderId, invoiceNumber } = await invoicedOrder(stack, {
      carrier: 'correios',
      trackingNumber: '',
      story: 'delivered',
      scriptTimeline: false,
    })
    const [waiting] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(waiting.state, 'awaiting_tracking')
    await call(stack, 'POST', '/_emulator/shipments', { carrier: 'correios', trackingNumber: tn, story: 'delivered' })

    const patched = await platformRequest(
      stack,
      'PATCH',
      'portal.vtexcommercestable.com.br',
      `/api/oms/pvt/orders/${orderId}/invoice/${invoiceNumber}`,
      { trackingNumber: tn, trackingUrl: null, courier: 'Correios SEDEX', dispatchedDate: null }
    )
    assert.equal(patched.status, 200)
    await advance(7) // the awaiting shipment is re-read on its next check
    const [found] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(found.trackingNumber, tn)
    assert.equal(found.state, 'active')
    assert.ok(carrierCalls(stack, 'correios', tn).length >= 1)
    assert.equal((await orderPackage(stack, orderId)).trackingUrl?.endsWith(tn), true)
  })

  void it('sends only requests that the official Orders API contract accepts', () => {
    const spec = loadSpec('VTEX - Orders API.json')
    const writes = orderWrites(stack)
    assert.ok(writes.length > 5)
    for (const write of writes) {
      const template =
        write.method === 'PATCH'
          ? '/api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}'
          : '/api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}/tracking'
      assert.deepEqual(
        validateRequestBody(spec, write.method, template, write.body),
        [],
        `${write.method} ${write.path}`
      )
    }
  })
})

const received = (stack: Stack, module: string, path: string) =>
  stack.platform.journal.list({ module, pathIncludes: path })
