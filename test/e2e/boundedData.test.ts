/**
 * A carrier that says too much, through the real runtime: 2,000 scans and a 1 MB description.
 * The registry document, the order's tracking PUT and the admin rows stay small and readable.
 * (10,000 scans are covered by node/tracking/bounds.test.ts: the Correios simulator takes longer
 * than the client's 10 s timeout to build a 10,000-event answer.)
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import { MAX_DESCRIPTION, MAX_DOCUMENT_BYTES, MAX_EVENTS } from '../../node/tracking/bounds'
import { call, correiosNumber, invoicedOrder, orderWrites, registryDocs, runSweep, startTestStack } from './harness'

const EVENTS = 2_000
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8')

void describe('bounded carrier data (real runtime)', () => {
  let stack: Stack & { clock: SimClock }
  let orderId = ''

  before(async () => {
    stack = await startTestStack()
    const trackingNumber = correiosNumber(6601)
    const huge = `Objeto em trânsito ${'x'.repeat(1024 * 1024)}`
    const events = Array.from({ length: EVENTS }, (_, i) => ({
      afterHours: (i + 1) / 60,
      code: i === 0 ? 'PO/01' : 'RO/01',
      description: i === EVENTS - 1 ? huge : `Evento ${i}`,
      city: 'SAO PAULO',
      state: 'SP',
    }))
    const scripted = await call(stack, 'POST', '/_emulator/shipments', { carrier: 'correios', trackingNumber, events })
    assert.equal(scripted.status, 201)
    const order = await invoicedOrder(stack, { carrier: 'correios', trackingNumber, scriptTimeline: false })
    orderId = order.orderId
    stack.clock.advance((EVENTS / 60 + 1) * 3600_000)
    assert.equal(await runSweep(stack), 200)
  })

  after(async () => {
    await stack?.stop()
  })

  void it('keeps the newest 50 events and counts the rest, under the document budget', () => {
    const [doc] = registryDocs(stack, `orderId="${orderId}"`)
    assert.equal(doc.events.length, MAX_EVENTS)
    assert.equal(doc.droppedEvents, EVENTS - MAX_EVENTS)
    assert.equal(doc.events[0].description, `Evento ${EVENTS - MAX_EVENTS}`)
    assert.equal(doc.lastEventDescription?.length, MAX_DESCRIPTION)
    const size = bytes(doc)
    assert.ok(size < 32 * 1024 && size < MAX_DOCUMENT_BYTES, `registry document is ${size} bytes`)
  })

  void it('writes a bounded tracking PUT to the order', () => {
    const put = orderWrites(stack, orderId).find((w) => w.method === 'PUT' && w.path.endsWith('/tracking'))
    const body = put?.body as { events: Array<{ description: string }> } | undefined
    assert.equal(body?.events.length, MAX_EVENTS)
    assert.ok(body && body.events.every((e) => e.description.length <= MAX_DESCRIPTION))
    assert.ok(bytes(body) < 16 * 1024, `tracking PUT is ${bytes(body)} bytes`)
  })

  void it('shows a short description in the admin table', async () => {
    const page = await call<{ items: Array<{ lastEventDescription: string }> }>(
      stack,
      'GET',
      '/_v/private/order-tracking/admin/shipments',
      undefined,
      { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}` }
    )
    assert.equal(page.status, 200)
    assert.ok(page.body.items[0].lastEventDescription.length <= MAX_DESCRIPTION)
    assert.ok(bytes(page.body) < 8 * 1024)
  })
})
