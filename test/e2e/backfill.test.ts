import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import { CORREIOS_STORIES } from '../../emulator/carriers/correios'
import { fromRelative } from '../../emulator/carriers/timelines'
import type { Stack } from '../../emulator/stack'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import { SHIPMENT_ENTITY, SHIPMENT_FIELDS } from '../../node/registry/schema'
import type { ShipmentRecord } from '../../node/tracking/shipment'
import { call, correiosNumber, runSweep, startTestStack } from './harness'

const HOUR = 3600_000
const ORDERS = 500
const BEFORE_INSTALL_MS = 10 * 24 * HOUR
const ADMIN = { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}`, 'x-order-tracking-admin': '1' }
const STORIES = ['delivered', 'attempt_then_delivered', 'exception', 'stuck', 'lost', 'returned'] as const

interface OverviewBackfill {
  backfill: {
    totalOrders: number | null
    processedOrders: number
    registeredOrders: number
    startedAt: string
    finishedAt: string | null
    running: boolean
  } | null
}

/**
 * A store that sold for ten days before installing the app: the install (setup event) backfills
 * every order invoiced in the tracking window, checks each at its carrier through the normal
 * fan-out, shows its progress on the admin API, and emails nobody about news older than itself.
 */
void describe('backfill on install', () => {
  let stack: Stack & { clock: SimClock }
  let installedAt = 0
  const orderIds: string[] = []

  before(async () => {
    // Link mode: the app runs, but is not installed yet (no setup event) while the store sells.
    stack = await startTestStack({ link: true })
    const step = BEFORE_INSTALL_MS / ORDERS
    for (let i = 0; i < ORDERS; i++) {
      stack.clock.advance(step)
      const trackingNumber = correiosNumber(31000000 + i)
      const order = stack.platform.orders.createOrder(stack.account, {
        courier: 'Correios SEDEX',
        country: 'BRA',
        // Half are fulfillment orders: VTEX emails those customers nothing, so the app would.
        origin: i % 2 === 0 ? 'Marketplace' : 'Fulfillment',
        email: `shopper${i}@example.com`,
      })
      const orderId = String(order.orderId)
      // Straight into the store, as the ERP did then: no event reaches an app that is not installed.
      stack.platform.orders.invoice(stack.account, orderId, {
        type: 'Output',
        issuanceDate: new Date().toISOString(),
        invoiceNumber: `NF-BF-${i}`,
        invoiceValue: String(order.value),
        courier: 'Correios SEDEX',
        trackingNumber,
        trackingUrl: `https://rastreamento.correios.com.br/app/index.php?objeto=${trackingNumber}`,
        items: (order.items as Array<{ id: string; price: number; quantity: number }>).map((item) => ({
          id: item.id,
          price: item.price,
          quantity: item.quantity,
        })),
      })
      stack.platform.timelines.script({
        carrier: 'correios',
        trackingNumber,
        events: fromRelative(Date.now(), CORREIOS_STORIES[STORIES[i % STORIES.length]]),
      })
      orderIds.push(orderId)
    }
  })
  after(async () => {
    await stack?.stop()
  })

  const docs = (): ShipmentRecord[] => {
    const found: ShipmentRecord[] = []
    for (let from = 0; ; from += 100) {
      const page = stack.platform.masterdata.search({
        account: stack.account,
        entity: SHIPMENT_ENTITY,
        fields: [...SHIPMENT_FIELDS],
        sort: 'invoicedAt ASC',
        from,
        to: from + 100,
      }).docs as unknown as ShipmentRecord[]
      found.push(...page)
      if (page.length < 100) return found
    }
  }

  void it('registers and checks all 500 orders invoiced before the install', async () => {
    const listCallsBefore = stack.platform.journal
      .list({ module: 'oms' })
      .filter((e) => e.method === 'GET' && !/\/orders\/[^/]+$/.test(e.path))
    assert.equal(listCallsBefore.length, 0, 'nothing read the order list before the install')
    installedAt = Date.now()
    const installed = await stack.platform.gateway.deliverEvent('apps', 'setup', { to: { id: stack.appId } })
    assert.ok(
      installed.every((d) => d.status >= 200 && d.status < 300),
      `install answered ${JSON.stringify(installed)}`
    )
    await stack.platform.settle()
    // A batch that ran out of its time budget (a loaded machine) leaves its shipments due once
    // their registration grace (5 min) is over: the next scheduled sweep checks them, as on IO.
    stack.clock.advance(6 * 60_000)
    await runSweep(stack)
    await stack.platform.settle()

    const registered = docs()
    assert.equal(registered.length, ORDERS, 'one shipment per backfilled order')
    assert.deepEqual(new Set(registered.map((d) => d.orderId)), new Set(orderIds))
    const unchecked = registered.filter((d) => d.checkCount < 1 || d.lastCheckedAt === null)
    assert.deepEqual(
      unchecked.map((d) => d.orderId),
      [],
      'every backfilled shipment was checked at its carrier'
    )
    for (const doc of registered) {
      assert.ok(Date.parse(doc.emailsFrom ?? '') >= installedAt, 'marked with the backfill start')
    }
    // The old news is on the orders: some delivered, the rest moving or flagged.
    assert.ok(registered.filter((d) => d.status === 'DELIVERED').length > 100)
    // Every list call respected VTEX's limits (the contract gate refuses the rest; stop() asserts none).
    const listCalls = stack.platform.journal
      .list({ module: 'oms' })
      .filter((e) => e.method === 'GET' && e.query.includes('f_invoicedDate'))
    assert.ok(listCalls.length >= 5, `the 500 orders were read in pages of 100 (${listCalls.length} list calls)`)
    for (const listCall of listCalls) {
      const query = new URLSearchParams(listCall.query)
      assert.ok(Number(query.get('per_page')) <= 100)
      assert.ok(Number(query.get('page')) <= 30)
    }
    // Registered ten at a time, checked in full Correios batches of 50 (plus a partial batch
    // per slice): the carrier's per-request rate limit is spent on full requests.
    const backfillBatches = stack.platform.gateway
      .eventLog()
      .filter((d) => d.topic === 'check-batch' && Date.parse(d.at) < installedAt + 6 * 60_000)
    const sizes = backfillBatches.map((d) => (d.body as { shipments: unknown[] }).shipments.length)
    assert.ok(sizes.filter((size) => size === 50).length >= 8, `batch sizes ${JSON.stringify(sizes)}`)
    assert.ok(sizes.length <= 14, `batch sizes ${JSON.stringify(sizes)}`)
  })

  void it('shows the progress on the admin overview: 500 of 500 orders, started and finished', async () => {
    const overview = await call<OverviewBackfill>(
      stack,
      'GET',
      '/_v/private/order-tracking/admin/overview',
      undefined,
      ADMIN
    )
    assert.equal(overview.status, 200)
    const progress = overview.body.backfill
    assert.ok(progress)
    assert.equal(progress.totalOrders, ORDERS)
    assert.equal(progress.processedOrders, ORDERS)
    assert.equal(progress.registeredOrders, ORDERS)
    assert.equal(progress.running, false)
    assert.ok(Date.parse(progress.startedAt) >= installedAt)
    assert.ok(progress.finishedAt !== null && progress.finishedAt >= progress.startedAt)
  })

  void it('sends no customer email for carrier news from before the backfill', async () => {
    const mail = await call<Array<{ sender: string; templateName: string; orderId?: string }>>(
      stack,
      'GET',
      '/_emulator/mail'
    )
    assert.equal(mail.status, 200)
    const messages = Array.isArray(mail.body) ? mail.body : []
    assert.deepEqual(
      messages.filter((m) => m.sender === 'app'),
      [],
      'the app emailed no one about old news'
    )
    // The invoices already carried number and link ("Order shipped" went out at the time), and the
    // first tracking write sends no "Shipping update" (VTEX's known issue): VTEX sends nothing new
    // either, except its own "Order delivered" for the store's orders delivered before the
    // install, on the app's first delivered write (VTEX's rule, not the app's; see README).
    const vtexTemplates = new Set(messages.filter((m) => m.sender === 'vtex').map((m) => m.templateName))
    vtexTemplates.delete('vtexcommerce-order-shipping-finished')
    assert.deepEqual([...vtexTemplates], [])
  })

  void it('a second start from the admin registers nothing twice', async () => {
    const again = await call<{ outcome: string }>(stack, 'POST', '/_v/private/order-tracking/admin/backfill', {}, ADMIN)
    assert.equal(again.status, 202, JSON.stringify(again.body))
    assert.equal(again.body.outcome, 'started')
    await stack.platform.settle()
    assert.equal(docs().length, ORDERS)
    const overview = await call<OverviewBackfill>(
      stack,
      'GET',
      '/_v/private/order-tracking/admin/overview',
      undefined,
      ADMIN
    )
    assert.equal(overview.body.backfill?.processedOrders, ORDERS)
    assert.equal(overview.body.backfill?.registeredOrders, 0, 'every order was already registered')
  })

  void it('an order that cannot be read is retried and registered; the run still finishes', async () => {
    const trackingNumber = correiosNumber(31900000)
    const order = stack.platform.orders.createOrder(stack.account, { courier: 'Correios SEDEX', country: 'BRA' })
    const orderId = String(order.orderId)
    stack.platform.orders.invoice(stack.account, orderId, {
      type: 'Output',
      issuanceDate: new Date().toISOString(),
      invoiceNumber: 'NF-BF-LATE',
      invoiceValue: String(order.value),
      courier: 'Correios SEDEX',
      trackingNumber,
      items: (order.items as Array<{ id: string; price: number; quantity: number }>).map((item) => ({
        id: item.id,
        price: item.price,
        quantity: item.quantity,
      })),
    })
    // OMS answers 503 to the first two reads of that order (the list itself works).
    const fault = await call(stack, 'POST', '/_emulator/faults', {
      host: 'portal.vtexcommercestable.com.br',
      pathIncludes: `/api/oms/pvt/orders/${orderId}`,
      method: 'GET',
      status: 503,
      times: 2,
      body: { error: 'injected' },
    })
    assert.equal(fault.status, 201, JSON.stringify(fault.body))
    stack.clock.advance(60_000)
    const started = await call<{ outcome: string }>(
      stack,
      'POST',
      '/_v/private/order-tracking/admin/backfill',
      {},
      ADMIN
    )
    assert.equal(started.status, 202, JSON.stringify(started.body))
    await stack.platform.settle()
    const refused = stack.platform.journal
      .list({ module: 'fault' })
      .filter((e) => e.method === 'GET' && e.path.endsWith(`/orders/${orderId}`))
    assert.equal(refused.length, 2, 'both injected 503s were hit')
    const doc = docs().find((d) => d.orderId === orderId)
    assert.equal(doc?.trackingNumber, trackingNumber, 'registered after the retry')
    const overview = await call<OverviewBackfill & { backfill: { failedOrders: number } }>(
      stack,
      'GET',
      '/_v/private/order-tracking/admin/overview',
      undefined,
      ADMIN
    )
    assert.equal(overview.body.backfill?.totalOrders, ORDERS + 1)
    assert.equal(overview.body.backfill?.processedOrders, ORDERS + 1)
    assert.equal(overview.body.backfill?.registeredOrders, 1)
    assert.equal(overview.body.backfill?.failedOrders, 0)
    assert.ok(overview.body.backfill?.finishedAt)
  })
})
