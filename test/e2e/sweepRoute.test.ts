import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import { call, carrierCalls, correiosNumber, invoicedOrder, orderWrites, startTestStack } from './harness'

const HOUR = 3600_000

void describe('the scheduled sweep route', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    stack = await startTestStack()
  })
  after(async () => {
    await stack.stop()
  })
  const sweep = (authorization?: string) =>
    call<{ skipped?: string; checked?: number; complete?: boolean }>(
      stack,
      'POST',
      '/_v/order-tracking/sweep',
      {},
      authorization ? { authorization } : {}
    )

  void it('is registered with the scheduler on install and refuses callers without its secret', async () => {
    const [job] = stack.platform.scheduler.jobs()
    assert.equal(job.id, 'order-tracking-sweep')
    assert.match(job.request.uri, /^https:\/\/master--acme\.myvtex\.com\/_v\/order-tracking\/sweep$/)
    assert.equal((await sweep()).status, 401)
    assert.equal((await sweep('Bearer not-the-secret')).status, 401)
    assert.equal((await sweep(job.request.headers.Authorization)).status, 200)
  })

  void it('lets only one of two overlapping sweeps run: no double polling, no double writes', async () => {
    const numbers = Array.from({ length: 6 }, (_, i) => correiosNumber(30000001 + i))
    const orders = []
    for (const tn of numbers)
      orders.push(await invoicedOrder(stack, { carrier: 'correios', trackingNumber: tn, story: 'delivered' }))
    stack.clock.advance(7 * HOUR)
    const mark = stack.platform.journal.lastSeq()
    const secret = stack.platform.scheduler.jobs()[0].request.headers.Authorization
    const [a, b] = await Promise.all([sweep(secret), sweep(secret)])
    await stack.platform.settle() // the sweep fires batch events; the checks happen there
    assert.deepEqual([a.status, b.status].sort(), [200, 202])
    assert.equal([a, b].find((r) => r.status === 202)?.body.skipped, 'another_sweep_running')
    for (const tn of numbers)
      assert.equal(carrierCalls(stack, 'correios', tn, mark).length, 1, 'each number asked once')
    const trackCalls = carrierCalls(stack, 'correios', undefined, mark)
    assert.equal(trackCalls.length, 1, 'six numbers in one Correios batch request')
    for (const order of orders) {
      assert.equal(orderWrites(stack, order.orderId, mark).filter((w) => w.method === 'PUT').length, 1)
    }
  })

  void it('reports how far it got', async () => {
    const secret = stack.platform.scheduler.jobs()[0].request.headers.Authorization
    const result = await sweep(secret)
    assert.equal(result.status, 200)
    assert.equal(result.body.complete, true)
    assert.equal(typeof result.body.checked, 'number')
  })
})
