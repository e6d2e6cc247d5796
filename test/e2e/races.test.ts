/**
 * Races, run concurrently for real: duplicate events delivered at the same moment, a "check now"
 * during a sweep, overlapping sweeps against a slow carrier, and sweeps against a slow and a
 * hanging carrier, which must still answer within the route timeout of service.json.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, beforeEach, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import { REPO_ROOT } from '../../emulator/runtime'
import type { Stack } from '../../emulator/stack'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import { shipmentId } from '../../node/registry/shipmentId'
import type { InvoicedOrder } from './harness'
import {
  call,
  carrierCalls,
  correiosNumber,
  duplicateOrderWrites,
  invoicedOrder,
  orderWrites,
  slowCarrier,
  startTestStack,
  UPS_NUMBERS,
} from './harness'

const HOUR = 3600_000
const ROUTE_TIMEOUT_MS =
  (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node', 'service.json'), 'utf8')) as { timeout: number }).timeout * 1000
/** As the admin page sends it: its custom header is required on admin writes (CSRF). */
const ADMIN = { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}`, 'x-order-tracking-admin': '1' }

void describe('races', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    stack = await startTestStack()
  })
  after(async () => {
    await stack.stop()
  })
  beforeEach(async () => {
    await call(stack, 'DELETE', '/_emulator/faults')
  })

  const secret = (): string => stack.platform.scheduler.jobs()[0].request.headers.Authorization
  const sweep = () =>
    call<{ skipped?: string; checked?: number; busy?: number; complete?: boolean }>(
      stack,
      'POST',
      '/_v/order-tracking/sweep',
      {},
      { authorization: secret() }
    )
  const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> => {
    const started = performance.now()
    const result = await work()
    return { ms: performance.now() - started, result }
  }

  async function correiosOrders(count: number, firstSerial: number): Promise<InvoicedOrder[]> {
    const orders: InvoicedOrder[] = []
    for (let i = 0; i < count; i++) {
      orders.push(await invoicedOrder(stack, { carrier: 'correios', trackingNumber: correiosNumber(firstSerial + i) }))
    }
    await stack.platform.settle()
    return orders
  }

  void it('the same invoiced event delivered five times at once: one carrier call, one write of each kind', async () => {
    await slowCarrier(stack, 'correios', { delayMs: 300 })
    const trackingNumber = correiosNumber(41000001)
    await call(stack, 'POST', '/_emulator/shipments', { carrier: 'correios', trackingNumber, story: 'delivered' })
    stack.clock.advance(30 * HOUR) // the carrier has scans by the time the package is invoiced
    const mark = stack.platform.journal.lastSeq()
    const order = await invoicedOrder(stack, { carrier: 'correios', trackingNumber, scriptTimeline: false })
    // The broadcast of the invoice is in flight; four more copies of it arrive at the same moment.
    const body = { domain: 'Fulfillment', orderId: order.orderId, currentState: 'invoiced', lastState: 'handling' }
    await Promise.all(
      Array.from({ length: 4 }, () => stack.platform.gateway.deliverEvent('vtex.orders-broadcast', 'invoiced', body))
    )
    await stack.platform.settle()
    assert.equal(carrierCalls(stack, 'correios', order.trackingNumber, mark).length, 1, 'one carrier call')
    const writes = orderWrites(stack, order.orderId, mark)
    assert.equal(writes.filter((w) => w.method === 'PATCH').length, 1, 'one invoice PATCH')
    assert.equal(writes.filter((w) => w.method === 'PUT').length, 1, 'one tracking PUT')
    assert.deepEqual(duplicateOrderWrites(stack, mark), [])
  })

  void it('"check now" during a sweep: no shipment checked or written twice', async () => {
    const orders = await correiosOrders(40, 42000001)
    stack.clock.advance(7 * HOUR)
    await slowCarrier(stack, 'correios', { delayMs: 400 })
    const mark = stack.platform.journal.lastSeq()
    const ids = orders.map((o) => shipmentId(o.orderId, o.invoiceNumber))
    const [swept, refreshed] = await Promise.all([
      sweep(),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 150))
        return call<{ results: Array<{ id: string; error: string | null }> }>(
          stack,
          'POST',
          '/_v/private/order-tracking/admin/refresh-shipments',
          { ids },
          ADMIN
        )
      })(),
    ])
    await stack.platform.settle() // the sweep fired batch events: the checks run there
    assert.equal(swept.status, 200)
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body))
    // Both asked for all 40 at once; each number reached the carrier exactly once, by one of them.
    for (const order of orders) {
      const calls = carrierCalls(stack, 'correios', order.trackingNumber, mark)
      assert.equal(calls.length, 1, `${order.trackingNumber} asked ${calls.length} times`)
    }
    assert.deepEqual(duplicateOrderWrites(stack, mark), [])
  })

  void it('overlapping sweeps against a slow carrier: one runs, nothing written twice', async () => {
    await correiosOrders(20, 43000001)
    stack.clock.advance(7 * HOUR)
    await slowCarrier(stack, 'correios', { delayMs: 1500 })
    const mark = stack.platform.journal.lastSeq()
    const runs = await Promise.all([sweep(), sweep(), sweep()])
    await stack.platform.settle()
    assert.equal(runs.filter((r) => r.status === 200).length, 1)
    assert.equal(runs.filter((r) => r.body.skipped === 'another_sweep_running').length, 2)
    assert.deepEqual(duplicateOrderWrites(stack, mark), [])
  })

  void it('a carrier answering in 3 s and one hanging: every sweep and batch returns within the timeout', async () => {
    await correiosOrders(10, 44000001)
    for (const tn of UPS_NUMBERS) await invoicedOrder(stack, { carrier: 'ups', trackingNumber: tn })
    await stack.platform.settle()
    stack.clock.advance(7 * HOUR)
    await slowCarrier(stack, 'ups', { delayMs: 3000 })
    await slowCarrier(stack, 'correios', { hang: true })
    const mark = stack.platform.journal.lastSeq()
    const eventMark = stack.platform.gateway.eventLog().at(-1)?.seq ?? 0
    for (let run = 0; run < 2; run++) {
      const { ms, result } = await timed(sweep)
      assert.equal(result.status, 200, JSON.stringify(result.body))
      assert.ok(
        ms < ROUTE_TIMEOUT_MS,
        `sweep ${run + 1} took ${Math.round(ms)} ms (route timeout ${ROUTE_TIMEOUT_MS} ms)`
      )
      await stack.platform.settle()
      stack.clock.advance(7 * HOUR)
    }
    const batches = stack.platform.gateway.eventLog().filter((d) => d.handler === 'onCheckBatch' && d.seq > eventMark)
    assert.ok(batches.length >= 2, 'the sweeps fired batches')
    for (const batch of batches) assert.ok(batch.durationMs < ROUTE_TIMEOUT_MS, `a batch took ${batch.durationMs} ms`)
    assert.deepEqual(duplicateOrderWrites(stack, mark), [])
  })
})
