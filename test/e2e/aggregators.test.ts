import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { after, before, describe, it } from 'node:test'

import { SIMULATOR_CREDENTIALS } from '../../emulator/carriers/types'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import {
  call,
  correiosNumber,
  duplicateOrderWrites,
  orderPackage,
  orderWrites,
  registryDocs,
  runSweep,
  startTestStack,
} from './harness'

const HOUR = 3600_000
const WEBHOOK = '/_v/order-tracking/webhooks/aftership'
/** The demo settings route this courier name through AfterShip. */
const COURIER = 'Correios PAC'

/** Posts a raw body to an app route through the emulated router, as the aggregator would. */
async function post(stack: Stack, path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${stack.platform.url}${path}`, { method: 'POST', headers, body })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // keep text
  }
  return { status: response.status, body: parsed as Record<string, unknown> }
}

void describe('AfterShip through the real runtime: registration, polling, webhooks', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    stack = await startTestStack()
  })
  after(async () => {
    await stack.stop()
  })

  const aftershipCalls = (sinceSeq?: number) => stack.platform.journal.list({ module: 'aftership', sinceSeq })

  async function invoiced(trackingNumber: string, story: string): Promise<string> {
    const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
      courier: COURIER,
      country: 'BRA',
      shippingEstimateDays: 5,
    })
    assert.equal(order.status, 201, JSON.stringify(order.body))
    const scripted = await call(stack, 'POST', '/_emulator/shipments', { carrier: 'aftership', trackingNumber, story })
    assert.equal(scripted.status, 201, JSON.stringify(scripted.body))
    const invoice = await call(stack, 'POST', `/_emulator/orders/${order.body.orderId}/invoice`, {
      courier: COURIER,
      trackingNumber,
      invoiceNumber: `NF${order.body.orderId.slice(7, 13)}`,
    })
    assert.equal(invoice.status, 200, JSON.stringify(invoice.body))
    return order.body.orderId
  }

  void it('polling: registered with the courier slug, read through the list filter, delivered on the order, then stopped', async () => {
    const tn = correiosNumber(7100001, 'PX')
    const orderId = await invoiced(tn, 'delivered')
    const [registered] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(registered.carrier, 'aftership', 'the courier mapping routes it through AfterShip')
    const creates = aftershipCalls().filter((c) => c.method === 'POST' && c.path === '/tracking/2025-01/trackings')
    assert.equal(creates.length, 1, 'registered once')
    assert.deepEqual(creates[0].body, { tracking_number: tn, slug: 'brazil-correios' })
    assert.equal(creates[0].headers['as-api-key'], '<redacted>', 'the key is sent and the journal does not keep it')
    assert.ok(
      aftershipCalls().some((c) => c.method === 'GET' && c.query.includes(tn)),
      'listed at once'
    )

    for (let hours = 0; hours < 72; hours += 6) {
      stack.clock.advance(6 * HOUR)
      await runSweep(stack)
    }
    const pkg = await orderPackage(stack, orderId)
    assert.equal(pkg.courierStatus?.finished, true, 'delivered on the order')
    const [done] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(done.status, 'DELIVERED')
    assert.equal(done.state, 'done')
    for (const event of done.events) {
      assert.match(event.occurredAt, /-03:00$/, `${event.carrierCode} keeps the offset AfterShip sent`)
    }
    assert.ok(
      done.events.some((e) => e.carrierCode === 'OutForDelivery_001'),
      'raw subtag kept'
    )
    assert.equal(stack.platform.simulators.aftership.registered(tn)?.deleted, false, 'AfterShip had closed it itself')
  })

  void it('webhook: a signed push updates the order within the same request; a replay changes nothing', async () => {
    const tn = correiosNumber(7100002, 'PX')
    const orderId = await invoiced(tn, 'delivered')
    stack.clock.advance(55 * HOUR) // AfterShip has heard the whole story; the app has not polled since
    const writesBefore = orderWrites(stack, orderId).length
    const push = stack.platform.simulators.aftership.webhook(tn, SIMULATOR_CREDENTIALS.aftership.webhookSecret)
    const mark = stack.platform.journal.lastSeq()
    const answer = await post(stack, WEBHOOK, push.body, push.headers)
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.equal(answer.body.applied, 1)
    assert.deepEqual(
      aftershipCalls(mark).map((c) => c.method),
      ['GET'],
      'applied from the push: the one call is the stop (AfterShip had closed it already)'
    )
    const pkg = await orderPackage(stack, orderId)
    assert.equal(pkg.courierStatus?.finished, true, 'delivered on the order in the same request')
    const writes = orderWrites(stack, orderId).length
    assert.ok(writes > writesBefore)
    const [record] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(record.status, 'DELIVERED')
    assert.ok(record.lastPushAt, 'the push is recorded on the shipment')

    const replay = await post(stack, WEBHOOK, push.body, push.headers)
    assert.equal(replay.status, 200)
    assert.equal(replay.body.duplicate, true)
    assert.equal(orderWrites(stack, orderId).length, writes, 'a replayed delivery writes nothing')
  })

  void it('webhook: an in-transit push slows polling to the fallback; bad or missing signatures get 401 and change nothing', async () => {
    const tn = correiosNumber(7100003, 'PX')
    const orderId = await invoiced(tn, 'delivered')
    stack.clock.advance(21 * HOUR)
    const push = stack.platform.simulators.aftership.webhook(tn, SIMULATOR_CREDENTIALS.aftership.webhookSecret)

    const writesBefore = orderWrites(stack, orderId).length
    const [before] = registryDocs(stack, `orderId="${orderId}"`)
    const forged = stack.platform.simulators.aftership.webhook(tn, 'not-the-secret')
    const bad = await post(stack, WEBHOOK, push.body, {
      ...push.headers,
      'aftership-hmac-sha256': forged.headers['aftership-hmac-sha256'],
    })
    assert.equal(bad.status, 401)
    assert.equal(bad.body.error, 'bad_signature')
    const tampered = await post(stack, WEBHOOK, push.body.replace('InTransit', 'Delivered'), push.headers)
    assert.equal(tampered.status, 401, 'a body changed after signing does not verify')
    const missing = await post(stack, WEBHOOK, push.body, { 'content-type': 'application/json' })
    assert.equal(missing.status, 401)
    assert.equal(missing.body.error, 'missing_signature')
    assert.equal(orderWrites(stack, orderId).length, writesBefore, 'refused pushes write nothing')
    const [unchanged] = registryDocs(stack, `orderId="${orderId}"`)
    assert.deepEqual(unchanged, before, 'nor change the shipment')

    const ok = await post(stack, WEBHOOK, push.body, push.headers)
    assert.equal(ok.status, 200, JSON.stringify(ok.body))
    const [record] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(record.status, 'IN_TRANSIT')
    assert.ok(record.lastPushAt)
    assert.ok(Date.parse(record.nextCheckAt ?? '') - Date.now() >= 12 * HOUR - 60_000, 'polled only as a fallback')
  })

  void it('webhook: a delivery signed correctly but sent more than 7 days ago is refused as stale', async () => {
    const tn = correiosNumber(7100004, 'PX')
    const orderId = await invoiced(tn, 'delivered')
    stack.clock.advance(30 * HOUR)
    const push = stack.platform.simulators.aftership.webhook(tn, SIMULATOR_CREDENTIALS.aftership.webhookSecret)
    const old = JSON.stringify({
      ...(JSON.parse(push.body) as object),
      ts: Math.floor((Date.now() - 8 * 24 * HOUR) / 1000),
    })
    const signature = createHmac('sha256', SIMULATOR_CREDENTIALS.aftership.webhookSecret).update(old).digest('base64')
    const before = orderWrites(stack, orderId).length
    const answer = await post(stack, WEBHOOK, old, { ...push.headers, 'aftership-hmac-sha256': signature })
    assert.equal(answer.status, 401)
    assert.equal(answer.body.error, 'stale')
    assert.equal(orderWrites(stack, orderId).length, before)
  })

  void it('an unknown carrier or one without webhooks is 404', async () => {
    const unknown = await post(stack, '/_v/order-tracking/webhooks/pigeon', '{}', {
      'content-type': 'application/json',
    })
    assert.equal(unknown.status, 404)
    const noPush = await post(stack, '/_v/order-tracking/webhooks/ups', '{}', { 'content-type': 'application/json' })
    assert.equal(noPush.status, 404)
  })

  void it('17TRACK: registered with Correios key 2151, read with gettrackinfo, the zoneless delivery read in Recife, delivered, stopped', async () => {
    const tn = correiosNumber(7200001, 'MN')
    const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
      courier: 'Correios Mini Envios',
      country: 'BRA',
      shippingEstimateDays: 5,
    })
    const orderId = order.body.orderId
    await call(stack, 'POST', '/_emulator/shipments', { carrier: 'track17', trackingNumber: tn, story: 'delivered' })
    const invoice = await call(stack, 'POST', `/_emulator/orders/${orderId}/invoice`, {
      courier: 'Correios Mini Envios',
      trackingNumber: tn,
      invoiceNumber: `NF${orderId.slice(7, 13)}`,
    })
    assert.equal(invoice.status, 200)
    const calls = () => stack.platform.journal.list({ module: 'track17' })
    const register = calls().find((c) => c.path === '/track/v2.4/register')
    assert.deepEqual(register?.body, [{ number: tn, carrier: 2151 }])
    assert.equal(register?.headers['17token'], '<redacted>')
    assert.equal(registryDocs(stack, `orderId="${orderId}"`)[0].carrier, 'track17')

    for (let hours = 0; hours < 72; hours += 6) {
      stack.clock.advance(6 * HOUR)
      await runSweep(stack)
    }
    const pkg = await orderPackage(stack, orderId)
    assert.equal(pkg.courierStatus?.finished, true, 'delivered on the order')
    const [done] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(done.status, 'DELIVERED')
    const delivered = done.events.at(-1)
    assert.match(delivered?.occurredAt ?? '', /-03:00$/, 'no zone from 17TRACK: read in the event place (Recife)')
    assert.doesNotMatch(
      delivered?.occurredAtLocal ?? '',
      /[+-]\d{2}:\d{2}$|Z$/,
      'raw text kept as sent, without a zone'
    )
    assert.equal(stack.platform.simulators.track17.registered(tn)?.stopped, true, 'stoptrack once it ended')
    assert.ok(calls().every((c) => !Array.isArray(c.body) || c.body.length <= 40))
  })

  void it('17TRACK webhook: sign over body + "/" + key applies the push in the same request; a replay and a bad sign change nothing', async () => {
    const tn = correiosNumber(7200002, 'MN')
    const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
      courier: 'Correios Mini Envios',
      country: 'BRA',
      shippingEstimateDays: 5,
    })
    const orderId = order.body.orderId
    await call(stack, 'POST', '/_emulator/shipments', { carrier: 'track17', trackingNumber: tn, story: 'delivered' })
    await call(stack, 'POST', `/_emulator/orders/${orderId}/invoice`, {
      courier: 'Correios Mini Envios',
      trackingNumber: tn,
      invoiceNumber: `NF${orderId.slice(7, 13)}`,
    })
    stack.clock.advance(55 * HOUR)
    const push = stack.platform.simulators.track17.webhook(tn, SIMULATOR_CREDENTIALS.track17.apiKey)
    const before = orderWrites(stack, orderId).length
    const forged = stack.platform.simulators.track17.webhook(tn, 'wrong-key')
    const bad = await post(stack, '/_v/order-tracking/webhooks/track17', push.body, forged.headers)
    assert.equal(bad.status, 401)
    assert.equal(orderWrites(stack, orderId).length, before)
    const ok = await post(stack, '/_v/order-tracking/webhooks/track17', push.body, push.headers)
    assert.equal(ok.status, 200, JSON.stringify(ok.body))
    assert.equal((await orderPackage(stack, orderId)).courierStatus?.finished, true, 'delivered in the same request')
    const writes = orderWrites(stack, orderId).length
    const replay = await post(stack, '/_v/order-tracking/webhooks/track17', push.body, push.headers)
    assert.equal(replay.status, 200)
    assert.equal(replay.body.duplicate, true)
    assert.equal(orderWrites(stack, orderId).length, writes)
  })

  void it("the admin overview shows each aggregator's last push, refusals and quota; other carriers have none", async () => {
    const overview = await call<{ carriers: Array<Record<string, unknown> & { carrier: string }> }>(
      stack,
      'GET',
      '/_v/private/order-tracking/admin/overview',
      undefined,
      { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}`, 'x-order-tracking-admin': '1' }
    )
    assert.equal(overview.status, 200, JSON.stringify(overview.body))
    const byCode = new Map(overview.body.carriers.map((c) => [c.carrier, c]))
    const aftership = byCode.get('aftership') as unknown as {
      push: { lastPushAt: string | null; accepted: number; duplicates: number; rejected: Record<string, number> }
      quota: { remaining: number } | null
    }
    assert.ok(aftership.push.lastPushAt)
    assert.equal(aftership.push.accepted, 2)
    assert.equal(aftership.push.duplicates, 1)
    assert.equal(aftership.push.rejected.bad_signature, 2)
    assert.equal(aftership.push.rejected.missing_signature, 1)
    assert.equal(typeof aftership.quota?.remaining, 'number', 'X-RateLimit-Remaining as AfterShip sent it')
    const track17 = byCode.get('track17') as unknown as {
      push: { rejected: Record<string, number> }
      quota: { remaining: number }
    }
    assert.equal(track17.push.rejected.bad_signature, 1)
    assert.equal(track17.quota.remaining, 98, 'getquota after registering two numbers of 100')
    assert.equal('push' in (byCode.get('correios') ?? {}), false)
  })

  // Runs last: the pushes here would change the overview's counts above.
  void it('a push and a poll of the same shipments at the same moment: each delivery written once, no event twice', async () => {
    const numbers = [7100031, 7100032, 7100033].map((serial) => correiosNumber(serial, 'PX'))
    const orderIds: string[] = []
    for (const tn of numbers) orderIds.push(await invoiced(tn, 'delivered'))
    stack.clock.advance(55 * HOUR) // due for a poll, and AfterShip has the delivery to push
    // AfterShip answers polls in 600 ms, so pushes land while the poll holds its claims (and
    // some before it takes them).
    stack.platform.faults.add({ host: 'api.aftership.com', method: 'GET', delayMs: 600, times: 100 })
    const mark = stack.platform.journal.lastSeq()
    const pushes = numbers.map((tn) =>
      stack.platform.simulators.aftership.webhook(tn, SIMULATOR_CREDENTIALS.aftership.webhookSecret)
    )
    const [, ...answers] = await Promise.all([
      runSweep(stack),
      ...pushes.map(async (push, i) => {
        await new Promise((resolve) => setTimeout(resolve, 150 * i))
        return post(stack, WEBHOOK, push.body, push.headers)
      }),
    ])
    await stack.platform.settle()
    for (const answer of answers) assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.deepEqual(duplicateOrderWrites(stack, mark), [], 'no order write repeated')
    for (const [i, orderId] of orderIds.entries()) {
      const pkg = await orderPackage(stack, orderId)
      assert.equal(pkg.courierStatus?.finished, true, `${numbers[i]} delivered on the order`)
      const delivered = orderWrites(stack, orderId, mark).filter((w) =>
        JSON.stringify(w.body).includes('"isDelivered":true')
      )
      assert.equal(delivered.length, 1, `${numbers[i]}: the delivery written once`)
      const [record] = registryDocs(stack, `orderId="${orderId}"`)
      assert.equal(record.status, 'DELIVERED')
      const keys = record.events.map((e) => `${e.occurredAt}|${e.carrierCode}|${e.description}`)
      assert.equal(new Set(keys).size, keys.length, `${numbers[i]}: no event twice`)
    }
  })
})
