import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import type { MailMessage } from '../../emulator/vtex/mail/mailbox'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import type { NoticeLedger } from '../../node/notifications/ledger'
import { shipmentId } from '../../node/registry/shipmentId'
import { call, correiosNumber, orderPackage, registryDocs, runSweep, startTestStack, UPS_NUMBERS } from './harness'

const HOUR = 3600_000
const ADMIN = { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}`, 'x-order-tracking-admin': '1' }

interface Placed {
  orderId: string
  invoiceNumber: string
  email: string
}

/** Customer emails on the real runtime against the emulator: VTEX's and the app's, exactly once. */
void describe('customer emails', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    stack = await startTestStack()
    // A check every hour (VTEX's fixed schedule, 1 h): each step of the story is seen on its own.
    // With sparser checks, a check that finds several steps at once announces only the newest.
    const current = await call<Record<string, unknown>>(stack, 'GET', '/_emulator/settings')
    await call(stack, 'PUT', '/_emulator/settings', {
      ...current.body,
      scheduleMode: 'vtex_fixed',
      pollingIntervalHours: 1,
    })
  })
  after(async () => {
    await stack.stop()
  })

  const place = async (
    trackingNumber: string,
    options: {
      origin: 'Marketplace' | 'Fulfillment'
      country: 'USA' | 'BRA'
      email: string
      carrier?: 'ups' | 'correios'
      story?: string
    }
  ): Promise<Placed> => {
    const carrier = options.carrier ?? 'ups'
    const courier = carrier === 'ups' ? 'UPS Ground' : 'Correios SEDEX'
    const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
      courier,
      country: options.country,
      origin: options.origin,
      email: options.email,
    })
    assert.equal(order.status, 201, JSON.stringify(order.body))
    const scripted = await call(stack, 'POST', '/_emulator/shipments', {
      carrier,
      trackingNumber,
      story: options.story ?? 'attempt_then_delivered',
    })
    assert.equal(scripted.status, 201)
    const invoiceNumber = `NF${order.body.orderId.slice(7, 13)}`
    const invoiced = await call(stack, 'POST', `/_emulator/orders/${order.body.orderId}/invoice`, {
      courier,
      trackingNumber,
      invoiceNumber,
    })
    assert.equal(invoiced.status, 200, JSON.stringify(invoiced.body))
    await stack.platform.settle()
    return { orderId: order.body.orderId, invoiceNumber, email: options.email }
  }
  const mail = (orderId: string): MailMessage[] => stack.platform.mailbox.list({ orderId })
  const templates = (orderId: string, sender: 'vtex' | 'app'): string[] =>
    mail(orderId)
      .filter((m) => m.sender === sender)
      .map((m) => m.templateName)
  const ledgerOf = (placed: Placed): NoticeLedger => {
    const row = stack.platform.db
      .prepare("SELECT body FROM infra_vbase WHERE bucket LIKE '%/notices' AND path = ?")
      .get(`${shipmentId(placed.orderId, placed.invoiceNumber)}.json`) as { body: string } | undefined
    return row ? (JSON.parse(row.body) as NoticeLedger) : { entries: [] }
  }
  /** Hour by hour through the story, sweeping each time as the scheduler would. */
  const live = async (hours: number): Promise<void> => {
    for (let hour = 0; hour < hours; hour++) {
      stack.clock.advance(HOUR)
      await runSweep(stack)
    }
  }

  let regular: Placed
  let fulfillment: Placed
  let portuguese: Placed

  void it('sends VTEX-covered news through VTEX and only the rest from the app, in the customer language', async () => {
    regular = await place(UPS_NUMBERS[0], { origin: 'Marketplace', country: 'USA', email: 'ana@example.com' })
    fulfillment = await place(UPS_NUMBERS[1], { origin: 'Fulfillment', country: 'USA', email: 'bo@example.com' })
    portuguese = await place(UPS_NUMBERS[2], { origin: 'Fulfillment', country: 'BRA', email: 'caio@example.com' })
    await live(80)

    assert.deepEqual(templates(regular.orderId, 'vtex'), [
      'vtexcommerce-order-shipped',
      // The first update (label) is swallowed by VTEX's known issue; each later change sends one.
      'vtexcommerce-order-shipping-update',
      'vtexcommerce-order-shipping-update',
      'vtexcommerce-order-shipping-update',
      'vtexcommerce-order-shipping-update',
      'vtexcommerce-order-shipping-update',
      'vtexcommerce-order-shipping-update',
      'vtexcommerce-order-shipping-finished',
    ])
    assert.deepEqual(templates(regular.orderId, 'app'), [
      'order-tracking-first-update_en',
      'order-tracking-out-for-delivery_en',
      'order-tracking-attempt-fail_en',
      'order-tracking-out-for-delivery_en',
    ])
    assert.deepEqual(templates(fulfillment.orderId, 'vtex'), [], 'VTEX sends nothing for fulfillment orders')
    assert.deepEqual(templates(fulfillment.orderId, 'app'), [
      'order-tracking-first-update_en',
      'order-tracking-in-transit_en',
      'order-tracking-out-for-delivery_en',
      'order-tracking-attempt-fail_en',
      'order-tracking-out-for-delivery_en',
      'order-tracking-delivered_en',
    ])
    assert.deepEqual(
      templates(portuguese.orderId, 'app').map((name) => name.slice(-3)),
      Array(6).fill('_pt'),
      'a Brazilian order (pt-BR) hears in Portuguese'
    )
    const [attempt] = mail(portuguese.orderId).filter((m) => m.templateName === 'order-tracking-attempt-fail_pt')
    assert.equal(attempt.to, 'caio@example.com')
    assert.match(attempt.subject, /Tentativa de entrega do pedido/)
    assert.match(attempt.html, /receiver was not available/)
    const pkg = await orderPackage(stack, portuguese.orderId)
    assert.ok(pkg.trackingUrl)
    const href = /href="([^"]+)"/
      .exec(attempt.html)?.[1]
      ?.replace(/&#x3D;/g, '=')
      .replace(/&amp;/g, '&')
    assert.equal(href, pkg.trackingUrl, 'the tracking link is in the email')
    assert.match(pkg.trackingUrl, /^https:\/\/www\.ups\.com\//)
  })

  void it('explains every send and every suppression on the shipment', () => {
    const entries = ledgerOf(regular).entries
    const sent = entries.filter((e) => e.state === 'sent').map((e) => e.kind)
    assert.deepEqual(sent, ['first_update', 'out_for_delivery', 'attempt_fail', 'out_for_delivery'])
    const reasons = new Map(entries.filter((e) => e.state === 'suppressed').map((e) => [e.kind, e.reason]))
    assert.equal(reasons.get('shipped'), 'vtex_sends')
    assert.equal(reasons.get('in_transit'), 'vtex_sends')
    assert.equal(reasons.get('delivered'), 'vtex_sends')
    assert.equal(reasons.get('update'), 'scan_noise', 'the "Arrived at Facility" scan is noise')
    const [doc] = registryDocs(stack, `orderId="${regular.orderId}"`)
    assert.equal(doc.emailsSent, 4)
    assert.equal(doc.emailOutcome, 'sent')
  })

  void it('repeated sweeps, duplicate concurrent events and check-now send no second copy', async () => {
    const before = stack.platform.mailbox.list().length
    const event = (orderId: string) => ({
      domain: 'Fulfillment',
      orderId,
      currentState: 'invoiced',
      lastState: 'invoice',
      currentChangeDate: new Date().toISOString(),
      lastChangeDate: new Date().toISOString(),
    })
    const ids = [regular, fulfillment, portuguese].map((p) => shipmentId(p.orderId, p.invoiceNumber))
    await Promise.all([
      runSweep(stack),
      runSweep(stack),
      ...[regular, fulfillment, portuguese].flatMap((p) => [
        call(stack, 'POST', '/_emulator/events', {
          sender: 'vtex.orders-broadcast',
          topic: 'invoiced',
          body: event(p.orderId),
        }),
        call(stack, 'POST', '/_emulator/events', {
          sender: 'vtex.orders-broadcast',
          topic: 'invoiced',
          body: event(p.orderId),
        }),
      ]),
      call(stack, 'POST', '/_v/private/order-tracking/admin/refresh-shipments', { ids }, ADMIN),
    ])
    await live(12)
    assert.equal(stack.platform.mailbox.list().length, before, 'nothing sent twice')
  })

  void it('a failed sendmail keeps the tracking write and is retried once, without a duplicate', async () => {
    const placed = await place(UPS_NUMBERS[3], { origin: 'Fulfillment', country: 'USA', email: 'dee@example.com' })
    const first = mail(placed.orderId).length
    const fault = await call(stack, 'POST', '/_emulator/faults', {
      host: 'portal.vtexcommercestable.com.br',
      pathIncludes: '/api/mail-service/pvt/sendmail',
      status: 503,
      times: 1,
    })
    assert.equal(fault.status, 201)
    // Until the origin scan (+4 h) is written: its email fails, the write stands.
    for (let hour = 0; hour < 12 && ledgerOf(placed).entries.every((e) => e.kind !== 'in_transit'); hour++)
      await live(1)
    const pkg = await orderPackage(stack, placed.orderId)
    assert.equal(pkg.courierStatus?.data.at(-1)?.description, 'Origin Scan', 'the tracking write went through')
    const failed = ledgerOf(placed).entries.find((e) => e.kind === 'in_transit')
    assert.equal(failed?.state, 'failed')
    assert.equal(mail(placed.orderId).length, first)
    await live(12) // the next check retries it
    const inTransit = mail(placed.orderId).filter((m) => m.templateName === 'order-tracking-in-transit_en')
    assert.equal(inTransit.length, 1)
    const retried = ledgerOf(placed).entries.find((e) => e.kind === 'in_transit')
    assert.equal(retried?.state, 'sent')
    assert.equal(retried?.attempts, 2)
  })
  void it('shows the audit, the previews and the counts on the admin API, to admins only', async () => {
    const id = shipmentId(regular.orderId, regular.invoiceNumber)
    const audit = await call<{ emails: Array<{ kind: string; state: string; reason: string | null }> }>(
      stack,
      'GET',
      `/_v/private/order-tracking/admin/shipments/${id}/emails`,
      undefined,
      ADMIN
    )
    assert.equal(audit.status, 200, JSON.stringify(audit.body))
    assert.equal(audit.body.emails.filter((e) => e.state === 'sent').length, 4)
    assert.ok(audit.body.emails.some((e) => e.kind === 'delivered' && e.reason === 'vtex_sends'))
    const previews = await call<{ previews: Array<{ kind: string; locale: string; subject: string; html: string }> }>(
      stack,
      'GET',
      '/_v/private/order-tracking/admin/email-previews',
      undefined,
      ADMIN
    )
    assert.equal(previews.status, 200)
    assert.equal(previews.body.previews.length, 8 * 3, 'every email in every language')
    const pt = previews.body.previews.find((p) => p.kind === 'out_for_delivery' && p.locale === 'pt')
    assert.match(pt?.subject ?? '', /saiu para entrega/)
    assert.match(pt?.html ?? '', /href="https:\/\/www\.ups\.com\/track/)
    const overview = await call<{ emails: { sent: number; failed: number } }>(
      stack,
      'GET',
      '/_v/private/order-tracking/admin/overview',
      undefined,
      ADMIN
    )
    assert.ok(overview.body.emails.sent >= 3, JSON.stringify(overview.body.emails))
    const anonymous = await call(stack, 'GET', `/_v/private/order-tracking/admin/shipments/${id}/emails`)
    assert.ok(anonymous.status === 401 || anonymous.status === 403, String(anonymous.status))
  })

  void it('an email switched off in the settings is not sent, and the audit says so', async () => {
    const current = await call<Record<string, unknown>>(stack, 'GET', '/_emulator/settings')
    await call(stack, 'PUT', '/_emulator/settings', { ...current.body, emails: { sendOutForDelivery: false } })
    try {
      const placed = await place('1Z8V92A70367203024', {
        origin: 'Fulfillment',
        country: 'USA',
        email: 'eve@example.com',
      })
      await live(50)
      const names = templates(placed.orderId, 'app')
      assert.ok(names.includes('order-tracking-in-transit_en'), names.join())
      assert.ok(!names.some((name) => name.startsWith('order-tracking-out-for-delivery')), names.join())
      const ofd = ledgerOf(placed).entries.find((e) => e.kind === 'out_for_delivery')
      assert.equal(ofd?.reason, 'disabled')
    } finally {
      await call(stack, 'PUT', '/_emulator/settings', current.body)
    }
  })
  void it('a delivery marked by hand is announced once, in the customer language', async () => {
    const placed = await place(correiosNumber(77000001), {
      origin: 'Fulfillment',
      country: 'BRA',
      email: 'gil@example.com',
      carrier: 'correios',
      story: 'stuck',
    })
    await live(8)
    const id = shipmentId(placed.orderId, placed.invoiceNumber)
    const mark = () =>
      call(stack, 'POST', `/_v/private/order-tracking/admin/shipments/${id}/status`, { status: 'DELIVERED' }, ADMIN)
    assert.equal((await mark()).status, 200)
    assert.equal((await mark()).status, 200)
    await live(2)
    const delivered = mail(placed.orderId).filter((m) => m.templateName === 'order-tracking-delivered_pt')
    assert.equal(delivered.length, 1, templates(placed.orderId, 'app').join())
    assert.match(delivered[0].subject, /foi entregue/)
  })
})
