/**
 * `vtex link` sends no `apps` setup event: the app must still get its sweep scheduled, on first
 * use, and the admin must say so while the sweep does not run.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import type { Overview } from '../../node/services/admin/overview'
import { call, correiosNumber, invoicedOrder, orderPackage, runSweep, startTestStack } from './harness'

const HOUR = 3600_000
const ADMIN = { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}` }

void describe('a linked app (no setup event)', () => {
  let stack: Stack & { clock: SimClock }
  before(async () => {
    stack = await startTestStack({ link: true })
  })
  after(async () => {
    await stack.stop()
  })
  const overview = () => call<Overview>(stack, 'GET', '/_v/private/order-tracking/admin/overview', undefined, ADMIN)

  void it('starts with nothing scheduled', () => {
    assert.deepEqual(stack.platform.scheduler.jobs(), [])
  })

  void it('registers its sweep on the first order event, and the sweep runs with its secret', async () => {
    const order = await invoicedOrder(stack, { carrier: 'correios', trackingNumber: correiosNumber(51000001) })
    await stack.platform.settle()
    const [job] = stack.platform.scheduler.jobs()
    assert.equal(job?.id, 'order-tracking-sweep')
    stack.clock.advance(30 * HOUR)
    assert.equal(await runSweep(stack), 200)
    assert.ok((await orderPackage(stack, order.orderId)).courierStatus?.data.length)
  })

  void it('the admin warns once no sweep has run for two intervals, and re-registers the job', async () => {
    const fresh = await overview()
    assert.equal(fresh.status, 200)
    assert.equal(fresh.body.sweepHealth.state, 'ok')
    stack.platform.scheduler.drop('order-tracking-sweep')
    assert.deepEqual(stack.platform.scheduler.jobs(), [])
    stack.clock.advance(2 * HOUR) // no tick: the scheduler never calls
    const late = await overview()
    assert.equal(late.body.sweepHealth.state, 'late')
    assert.equal(stack.platform.scheduler.jobs()[0]?.id, 'order-tracking-sweep', 'the job is registered again')
  })
})
