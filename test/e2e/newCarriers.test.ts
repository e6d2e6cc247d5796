import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import { fedexExpressCheckDigit } from '../../node/carriers/fedex/trackingNumber'
import { call, orderPackage, orderWrites, registryDocs, runSweep, startTestStack } from './harness'

const HOUR = 3600_000

type NewCarrier = 'fedex' | 'usps' | 'dhl'
/** The courier names the demo settings map to each carrier. */
const COURIERS: Record<NewCarrier, string> = {
  fedex: 'FedEx Priority Overnight',
  usps: 'USPS Priority Mail',
  dhl: 'DHL Express',
}
const MODULES: Record<NewCarrier, { module: string; trackPath: string }> = {
  fedex: { module: 'fedex', trackPath: '/track/v1/trackingnumbers' },
  usps: { module: 'usps', trackPath: '/tracking/v3/tracking/' },
  dhl: { module: 'dhl', trackPath: '/track/shipments' },
}

/** A FedEx Express 12-digit number with its check digit. */
const fedexNumber = (serial: number): string => {
  const body = String(serial).padStart(11, '0')
  return `${body}${fedexExpressCheckDigit(body)}`
}

/** The invoiced order -> registry -> carrier -> order loop for FedEx, USPS and DHL, on the real runtime. */
void describe('FedEx, USPS and DHL through the real runtime against their simulators', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    stack = await startTestStack() // the demo settings configure all five carriers
  })
  after(async () => {
    await stack.stop()
  })

  const carrierCalls = (carrier: NewCarrier, sinceSeq?: number) =>
    stack.platform.journal
      .list({ module: MODULES[carrier].module, sinceSeq })
      .filter((e) => e.path.startsWith(MODULES[carrier].trackPath))

  async function invoiced(carrier: NewCarrier, trackingNumber: string, story = 'delivered'): Promise<string> {
    const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
      courier: COURIERS[carrier],
      country: carrier === 'dhl' ? 'NLD' : 'USA',
      shippingEstimateDays: 5,
    })
    assert.equal(order.status, 201, JSON.stringify(order.body))
    const scripted = await call(stack, 'POST', '/_emulator/shipments', { carrier, trackingNumber, story })
    assert.equal(scripted.status, 201, JSON.stringify(scripted.body))
    const invoice = await call(stack, 'POST', `/_emulator/orders/${order.body.orderId}/invoice`, {
      courier: COURIERS[carrier],
      trackingNumber,
      invoiceNumber: `NF${order.body.orderId.slice(7, 13)}`,
    })
    assert.equal(invoice.status, 200, JSON.stringify(invoice.body))
    return order.body.orderId
  }

  async function followToDelivery(
    carrier: NewCarrier,
    trackingNumber: string,
    expectedUrl: string,
    offsets: RegExp
  ): Promise<void> {
    const orderId = await invoiced(carrier, trackingNumber)
    const [registered] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(registered.carrier, carrier, 'registered with the mapped carrier')
    assert.equal(registered.state, 'active')
    assert.ok(
      carrierCalls(carrier).some((c) => JSON.stringify(c).includes(trackingNumber)),
      'checked at once'
    )
    assert.equal((await orderPackage(stack, orderId)).trackingUrl, expectedUrl)

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
    const [done] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(done.status, 'DELIVERED')
    assert.equal(done.state, 'done')
    assert.ok(done.events.length >= 5)
    for (const event of done.events) {
      assert.match(event.occurredAt, offsets, `${event.carrierCode} at ${event.occurredAt} keeps the place's offset`)
      assert.ok(event.occurredAtLocal, 'raw carrier time kept')
    }
  }

  void it('FedEx: OAuth, batch Track API, scans in Eastern and Central time, delivered', async () => {
    const tn = fedexNumber(9000001)
    await followToDelivery('fedex', tn, `https://www.fedex.com/fedextrack/?trknbr=${tn}`, /-0[456]:00$/)
  })

  void it('USPS: OAuth, Tracking v3, instants from GMTTimestamp at GMTOffset (Central and Pacific), delivered', async () => {
    const tn = '9400111206206406260787'
    await followToDelivery('usps', tn, `https://tools.usps.com/go/TrackConfirmAction?tLabels=${tn}`, /-0[5-8]:00$/)
  })

  void it('DHL: API key, Unified tracking with service=express, zoneless local times read as CET, delivered', async () => {
    const tn = '3318810025'
    await followToDelivery(
      'dhl',
      tn,
      `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${tn}&submit=1`,
      /\+0[12]:00$/
    )
    const calls = carrierCalls('dhl')
    assert.ok(
      calls.every((c) => c.query.includes('service=express')),
      'the configured service is sent'
    )
    assert.ok(
      calls.every((c) => c.headers['dhl-api-key'] === '<redacted>'),
      'the key was sent, and the journal does not keep it'
    )
  })

  void it('FedEx: 100 due shipments are checked in at most 4 requests (30 per request)', async () => {
    const numbers = Array.from({ length: 100 }, (_, i) => fedexNumber(9100000 + i))
    for (const tn of numbers) await invoiced('fedex', tn, 'stuck')
    // Move the clock just past the last of their next checks (the schedule's "awaiting pickup"
    // delay plus jitter), with no sweep in between: all 100 come due in the same sweep.
    const numbersSet = new Set(numbers)
    const due = registryDocs(stack, 'carrier="fedex" AND state="active"')
      .filter((d) => d.trackingNumber !== null && numbersSet.has(d.trackingNumber))
      .map((d) => Date.parse(d.nextCheckAt ?? ''))
    assert.equal(due.length, 100, 'all registered')
    stack.clock.advance(Math.max(...due) - Date.now() + 60_000)
    const mark = stack.platform.journal.lastSeq()
    await runSweep(stack)
    const calls = carrierCalls('fedex', mark)
    const asked = calls.flatMap((c) =>
      ((c.body as { trackingInfo: Array<{ trackingNumberInfo: { trackingNumber: string } }> }).trackingInfo ?? []).map(
        (t) => t.trackingNumberInfo.trackingNumber
      )
    )
    assert.ok(calls.length <= 4, `${calls.length} FedEx requests for 100 shipments`)
    assert.ok(calls.every((c) => (c.body as { trackingInfo: unknown[] }).trackingInfo.length <= 30))
    assert.deepEqual(new Set(asked), new Set(numbers), 'every shipment asked exactly in those requests')
    assert.equal(asked.length, 100)
  })
})
