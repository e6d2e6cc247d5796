import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import { call, carrierCalls, correiosNumber, registryDocs, runSweep, startTestStack } from './harness'
import type { OrderPackageView } from './harness'

const HOUR = 3600_000
const trackingUrl = (tn: string): string => `https://rastreamento.correios.com.br/app/index.php?objeto=${tn}`

/**
 * A store that ships one order in two packages, invoiced two days apart. VTEX keeps the order out
 * of `invoiced` (and broadcasts nothing) until the invoices reach the order value, so the first
 * package is found by the sweep's reconciliation over orders still in handling.
 */
void describe('partial invoices: one order, two packages, invoiced two days apart', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    stack = await startTestStack()
  })
  after(async () => {
    await stack.stop()
  })

  const advance = async (hours: number): Promise<void> => {
    for (let done = 0; done < hours; done += 6) {
      stack.clock.advance(Math.min(6, hours - done) * HOUR)
      assert.equal(await runSweep(stack), 200)
    }
  }
  const packages = async (orderId: string): Promise<OrderPackageView[]> => {
    const order = await call<{ status: string; packageAttachment: { packages: OrderPackageView[] } }>(
      stack,
      'GET',
      `/_emulator/orders/${orderId}`
    )
    return order.body.packageAttachment.packages
  }
  const orderStatus = async (orderId: string): Promise<string> =>
    (await call<{ status: string }>(stack, 'GET', `/_emulator/orders/${orderId}`)).body.status
  const invoicedEvents = (orderId: string) =>
    stack.platform.gateway
      .eventLog()
      .filter((e) => e.topic === 'invoiced' && (e.body as { orderId?: string }).orderId === orderId)
  const invoice = async (orderId: string, body: Record<string, unknown>): Promise<void> => {
    const response = await call(stack, 'POST', `/_emulator/orders/${orderId}/invoice`, body)
    assert.equal(response.status, 200, JSON.stringify(response.body))
  }

  void it('tracks each package from its own invoice; invoiced fires only after the second', async () => {
    const [tnA, tnB] = [correiosNumber(30000001), correiosNumber(30000002)]
    const created = await call<{ orderId: string; value: number; items: Array<{ id: string; price: number }> }>(
      stack,
      'POST',
      '/_emulator/orders',
      {
        courier: 'Correios SEDEX',
        country: 'BRA',
        shippingEstimateDays: 7,
        items: [
          { id: '101', name: 'Mug', quantity: 1, price: 4000 },
          { id: '202', name: 'Lamp', quantity: 1, price: 9000 },
        ],
      }
    )
    assert.equal(created.status, 201)
    const { orderId, value, items } = created.body
    const ship = async (tn: string): Promise<void> => {
      const scripted = await call(stack, 'POST', '/_emulator/shipments', {
        carrier: 'correios',
        trackingNumber: tn,
        story: 'delivered',
      })
      assert.equal(scripted.status, 201)
    }
    await ship(tnA)

    // Package A: the mug, invoiced on its own. A partial invoice: no status change, no event.
    const [mug, lamp] = items
    await invoice(orderId, {
      invoiceNumber: 'NF-A',
      invoiceValue: mug.price,
      courier: 'Correios SEDEX',
      trackingNumber: tnA,
      items: [{ id: mug.id, price: mug.price, quantity: 1 }],
    })
    assert.notEqual(await orderStatus(orderId), 'invoiced')
    assert.equal(invoicedEvents(orderId).length, 0)
    assert.equal(registryDocs(stack, `orderId="${orderId}"`).length, 0, 'no event, so nothing registered yet')

    // The next sweep's reconciliation lists orders in handling, reads this one and tracks package A.
    await advance(1)
    const [docA] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(docA?.invoiceNumber, 'NF-A')
    assert.equal(docA.trackingNumber, tnA)
    assert.equal(docA.state, 'active')
    assert.equal(carrierCalls(stack, 'correios', tnA).length, 1, 'checked at once when found')
    assert.equal(carrierCalls(stack, 'correios', tnB).length, 0)

    await advance(2 * 24 - 1) // two days later, package A has scans on its own invoice
    const [pkgA] = await packages(orderId)
    assert.equal(pkgA.invoiceNumber, 'NF-A')
    assert.equal(pkgA.trackingUrl, trackingUrl(tnA))
    assert.ok((pkgA.courierStatus?.data.length ?? 0) >= 2, 'package A has carrier events before B is invoiced')
    assert.notEqual(await orderStatus(orderId), 'invoiced')
    assert.equal(invoicedEvents(orderId).length, 0, 'still no invoiced event')
    const eventsOfA = pkgA.courierStatus?.data.map((e) => e.description)

    // Package B, the lamp: its invoice reaches the order value, the order is invoiced, the event fires.
    await ship(tnB) // handed to the carrier now, two days after A
    // The last invoice carries the rest of the order value (the lamp and the freight).
    await invoice(orderId, {
      invoiceNumber: 'NF-B',
      invoiceValue: value - mug.price,
      courier: 'Correios SEDEX',
      trackingNumber: tnB,
      items: [{ id: lamp.id, price: lamp.price, quantity: 1 }],
    })
    assert.equal(await orderStatus(orderId), 'invoiced')
    assert.equal(invoicedEvents(orderId).length, 1)
    const docs = registryDocs(stack, `orderId="${orderId}"`)
    assert.deepEqual(docs.map((d) => [d.invoiceNumber, d.trackingNumber]).sort(), [
      ['NF-A', tnA],
      ['NF-B', tnB],
    ])
    assert.equal(carrierCalls(stack, 'correios', tnB).length, 1, 'package B checked at once on the event')

    await advance(12)
    const [afterA, afterB] = await packages(orderId)
    assert.equal(afterB.invoiceNumber, 'NF-B')
    assert.equal(afterB.trackingUrl, trackingUrl(tnB), 'B is tracked from its own invoice')
    assert.equal(afterA.trackingUrl, trackingUrl(tnA), 'A keeps its own tracking')
    assert.ok((afterB.courierStatus?.data.length ?? 0) >= 1, 'package B has its own events')
    assert.ok((afterA.courierStatus?.data.length ?? 0) >= (eventsOfA?.length ?? 0), "B's events never replace A's")
    assert.notDeepEqual(
      afterB.courierStatus?.data.map((e) => e.createDate),
      afterA.courierStatus?.data.map((e) => e.createDate),
      'the two packages carry different timelines'
    )
  })
})
