/**
 * A courier the app cannot query still gets a working tracking link on every invoice: the
 * merchant's URL template (settings `trackingLinks`) is expanded and written with the invoice PATCH
 * at registration, and nobody polls anything for it. On the real runtime against the emulator.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import { demoSettings } from '../../emulator/stack'
import { call, invoicedOrder, orderPackage, orderWrites, registryDocs, runSweep, startTestStack } from './harness'

const HOUR = 3600_000
const TEMPLATE = 'https://carrier.example/track?n={trackingNumber}'

void describe('link-only couriers', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    stack = await startTestStack({
      settings: { ...demoSettings(), trackingLinks: [{ courierName: 'Loggi Express', urlTemplate: TEMPLATE }] },
    })
  })
  after(async () => {
    await stack.stop()
  })

  const carrierRequests = (sinceSeq?: number) =>
    stack.platform.journal.list({ sinceSeq }).filter((e) => e.module === 'correios' || e.module === 'ups')

  void it('writes the expanded template to the invoice, and polls nothing', async () => {
    const mark = stack.platform.journal.list({}).length
    const { orderId } = await invoicedOrder(stack, {
      carrier: 'correios',
      courier: 'LOGGI EXPRESS',
      trackingNumber: 'lgx-0042 77',
      scriptTimeline: false,
    })
    const pkg = await orderPackage(stack, orderId)
    assert.equal(pkg.trackingUrl, 'https://carrier.example/track?n=LGX004277')
    assert.equal(pkg.trackingNumber, 'lgx-0042 77', 'the number stays as the store typed it')
    const [doc] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(doc.state, 'link_only')
    assert.equal(doc.carrier, null)
    assert.equal(doc.trackingUrl, 'https://carrier.example/track?n=LGX004277')
    assert.equal(doc.nextCheckAt, null)
    assert.equal(doc.nextCheckReason, 'tracking_link_written')
    assert.deepEqual(
      orderWrites(stack, orderId).map((w) => [w.method, w.status]),
      [['PATCH', 200]],
      'one invoice PATCH, no tracking PUT'
    )

    stack.clock.advance(30 * HOUR)
    assert.equal(await runSweep(stack), 200)
    assert.equal(orderWrites(stack, orderId).length, 1, 'nothing written again')
    assert.deepEqual(carrierRequests(mark), [], 'no carrier asked')
  })

  void it("never overwrites the merchant's own URL", async () => {
    const { orderId } = await invoicedOrder(stack, {
      carrier: 'correios',
      courier: 'Loggi Express',
      trackingNumber: 'LGX0099',
      scriptTimeline: false,
      trackingUrl: 'https://merchant.example/where/LGX0099',
    })
    assert.equal((await orderPackage(stack, orderId)).trackingUrl, 'https://merchant.example/where/LGX0099')
    assert.deepEqual(orderWrites(stack, orderId), [])
    const [doc] = registryDocs(stack, `orderId="${orderId}"`)
    assert.deepEqual([doc.state, doc.nextCheckAt], ['link_only', null])
  })

  void it('retries a refused invoice PATCH in the next sweep', async () => {
    const invoiceNumber = 'NF-LINK-RETRY'
    const added = await call(stack, 'POST', '/_emulator/faults', {
      host: 'portal.vtexcommercestable.com.br',
      pathIncludes: `/invoice/${invoiceNumber}`,
      method: 'PATCH',
      status: 503,
      times: 1,
    })
    assert.equal(added.status, 201)
    const { orderId } = await invoicedOrder(stack, {
      carrier: 'correios',
      courier: 'Loggi Express',
      trackingNumber: 'LGX0100',
      invoiceNumber,
      scriptTimeline: false,
    })
    const [failed] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(failed.lastErrorReason, 'order_write_failed')
    assert.equal(failed.trackingUrl, null)
    assert.ok(failed.nextCheckAt !== null, 'still due')
    assert.ok(!(await orderPackage(stack, orderId)).trackingUrl, 'no URL on the invoice yet')

    stack.clock.advance(7 * HOUR)
    assert.equal(await runSweep(stack), 200)
    assert.equal((await orderPackage(stack, orderId)).trackingUrl, 'https://carrier.example/track?n=LGX0100')
    const [written] = registryDocs(stack, `orderId="${orderId}"`)
    assert.deepEqual(
      [written.state, written.nextCheckAt, written.lastErrorReason],
      ['link_only', null, null],
      'written, and no longer due'
    )
  })
})
