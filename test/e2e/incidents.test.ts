/**
 * Incidents as work queues, end to end on the real runtime: a shipment goes overdue and shows in
 * the queue, the parcel is delivered and the incident closes by itself; a stuck one is resolved by
 * an admin with a reason (audited) and the counter drops; a snoozed one comes back when its snooze
 * ends. Every counter is a Master Data count the emulator checks against the documented grammar.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import { REPO_ROOT } from '../../emulator/runtime'
import type { Stack } from '../../emulator/stack'
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import { shipmentId } from '../../node/registry/shipmentId'
import type { ShipmentPageView } from '../../node/services/admin/listShipments'
import type { Overview } from '../../node/services/admin/overview'
import type { ShipmentDetail } from '../../node/services/admin/shipmentViews'
import { call, correiosNumber, orderWrites, runSweep, startTestStack } from './harness'

const BASE = '/_v/private/order-tracking/admin'
const HEADERS = { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}`, 'x-order-tracking-admin': '1' }
const HOUR = 3600_000
const SP = { city: 'SAO PAULO', state: 'SP' }
const CORREIOS = 'api.correios.com.br'

void describe('incidents: queues that can be worked off', () => {
  let stack: Stack & { clock: SimClock }
  const ids: Record<string, { id: string; orderId: string }> = {}

  const api = async <T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> =>
    call<T>(stack, method, BASE + route, body, HEADERS)
  const attention = async (): Promise<Overview['attention']> => {
    const response = await api<Overview>('GET', '/overview')
    assert.equal(response.status, 200, JSON.stringify(response.body))
    return response.body.attention
  }
  const queue = async (view: string): Promise<string[]> => {
    const response = await api<ShipmentPageView>('GET', `/shipments?view=${view}&pageSize=100`)
    assert.equal(response.status, 200, JSON.stringify(response.body))
    return response.body.items.map((item) => item.id)
  }
  const detail = async (name: string): Promise<ShipmentDetail> => {
    const response = await api<{ shipment: ShipmentDetail }>('GET', `/shipments/${ids[name].id}`)
    assert.equal(response.status, 200)
    return response.body.shipment
  }

  async function seed(name: string, serial: number, days: number, events: unknown[]): Promise<void> {
    const trackingNumber = correiosNumber(serial)
    const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
      courier: 'Correios SEDEX',
      country: 'BRA',
      shippingEstimateDays: days,
    })
    assert.equal(order.status, 201)
    const scripted = await call(stack, 'POST', '/_emulator/shipments', { carrier: 'correios', trackingNumber, events })
    assert.equal(scripted.status, 201, JSON.stringify(scripted.body))
    const invoiceNumber = `NF-${name}`
    const invoiced = await call(stack, 'POST', `/_emulator/orders/${order.body.orderId}/invoice`, {
      courier: 'Correios SEDEX',
      trackingNumber,
      invoiceNumber,
    })
    assert.equal(invoiced.status, 200)
    ids[name] = { id: shipmentId(order.body.orderId, invoiceNumber), orderId: order.body.orderId }
  }

  before(async () => {
    stack = await startTestStack({ buildDir: path.join(REPO_ROOT, '.build', 'incidents-test') })
    // Promised in one business day, moving, delivered late (day 5).
    await seed('late', 9301, 1, [
      { afterHours: 5, code: 'PO/01', ...SP },
      { afterHours: 10, code: 'RO/01', ...SP },
      { afterHours: 120, code: 'OEC/01', ...SP },
      { afterHours: 126, code: 'BDE/01', ...SP },
    ])
    // Posted, then silence; promised far away, so only stuck.
    await seed('silent', 9302, 15, [{ afterHours: 8, code: 'PO/01', ...SP }])
    // Hits a carrier exception.
    await seed('blocked', 9303, 15, [
      { afterHours: 5, code: 'PO/01', ...SP },
      { afterHours: 20, code: 'FC/01', ...SP },
    ])
    stack.clock.advance(100 * HOUR)
    assert.equal(await runSweep(stack), 200)
  })

  after(async () => {
    await stack?.stop()
  })

  void it('a shipment goes overdue: its incident is open, in the queue and counted', async () => {
    assert.ok((await queue('overdue')).includes(ids.late.id))
    assert.equal((await attention()).overdue, 1)
    const incidents = (await detail('late')).incidents
    assert.deepEqual(
      incidents.find((i) => i.kind === 'overdue'),
      { kind: 'overdue', silencedUntil: null, resolved: false, neverPickedUp: false }
    )
  })

  void it('an admin resolves a stuck incident with a reason: audited, out of the queue, counter drops', async () => {
    const before = await attention()
    assert.ok((await queue('stuck')).includes(ids.silent.id))
    const mark = stack.platform.journal.lastSeq()

    const noReason = await api<{ error: string }>('POST', `/shipments/${ids.silent.id}/incidents`, {
      kind: 'stuck',
      action: 'resolve',
      reason: ' ',
    })
    assert.deepEqual([noReason.status, noReason.body.error], [400, 'invalid_incident'])
    const notThere = await api<{ error: string }>('POST', `/shipments/${ids.silent.id}/incidents`, {
      kind: 'returned',
      action: 'resolve',
      reason: 'Restocked',
    })
    assert.deepEqual([notThere.status, notThere.body.error], [400, 'no_open_incident'])

    const resolved = await api<{ shipment: ShipmentDetail }>('POST', `/shipments/${ids.silent.id}/incidents`, {
      kind: 'stuck',
      action: 'resolve',
      reason: 'Correios confirmed the parcel is held at the Cajamar hub',
    })
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body))
    const after = await attention()
    assert.equal(after.stuck, before.stuck - 1, 'the stuck counter drops')
    assert.ok(!(await queue('stuck')).includes(ids.silent.id), 'and the queue no longer lists it')
    const shipment = await detail('silent')
    assert.equal(shipment.incidents.find((i) => i.kind === 'stuck')?.resolved, true)
    const entry = shipment.adminLog?.at(-1)
    assert.ok(entry && entry.action === 'resolve')
    assert.deepEqual(
      [entry.by, entry.kind, entry.reason],
      [DEMO_ADMIN_EMAIL, 'stuck', 'Correios confirmed the parcel is held at the Cajamar hub']
    )
    assert.equal(Number.isNaN(Date.parse(entry.at)), false)
    assert.deepEqual(orderWrites(stack, ids.silent.orderId, mark), [], 'the order is never touched')
  })

  void it('a snoozed incident leaves the queue and comes back when the snooze ends', async () => {
    assert.ok((await queue('exceptions')).includes(ids.blocked.id))
    const until = new Date(stack.clock.now() + 24 * HOUR).toISOString()
    const snoozed = await api<{ shipment: ShipmentDetail }>('POST', `/shipments/${ids.blocked.id}/incidents`, {
      kind: 'exception',
      action: 'snooze',
      reason: 'Waiting for the carrier to call back',
      until,
    })
    assert.equal(snoozed.status, 200, JSON.stringify(snoozed.body))
    assert.equal((await attention()).exceptions, 0)
    assert.ok(!(await queue('exceptions')).includes(ids.blocked.id))
    stack.clock.advance(30 * HOUR)
    assert.ok((await queue('exceptions')).includes(ids.blocked.id), 'back after a day')
    assert.equal((await attention()).exceptions, 1)
  })

  void it('the parcel is delivered: the overdue incident closes by itself; resolved ones stay resolved', async () => {
    stack.clock.advance(10 * HOUR) // 140 hours after invoicing: delivered at 126
    assert.equal(await runSweep(stack), 200)
    const late = await detail('late')
    assert.equal(late.status, 'DELIVERED')
    assert.deepEqual(late.incidents, [], 'no incident left')
    assert.ok(!(await queue('overdue')).includes(ids.late.id))
    assert.equal((await attention()).overdue, 0, 'the counter dropped without anyone acting')
    assert.ok(
      !(await queue('stuck')).includes(ids.silent.id),
      'the resolved stuck parcel has not moved: still resolved'
    )
  })

  void it('carrier health turns to warning, then error, when no check succeeds for one, then two intervals', async () => {
    const health = async (): Promise<string | undefined> =>
      (await api<Overview>('GET', '/overview')).body.carriers.find((c) => c.carrier === 'correios')?.staleness
    // Every Correios call fails from now on (a silent outage).
    await call(stack, 'POST', '/_emulator/faults', { host: CORREIOS, status: 503, times: 1000 })
    try {
      assert.equal(await health(), 'ok', 'the last sweep succeeded')
      stack.clock.advance(7 * HOUR)
      assert.equal(await runSweep(stack), 200)
      assert.equal(await health(), 'warning', 'no success for more than one 6-hour interval')
      stack.clock.advance(6 * HOUR)
      assert.equal(await runSweep(stack), 200)
      assert.equal(await health(), 'error', 'and for more than two')
    } finally {
      await call(stack, 'DELETE', '/_emulator/faults')
    }
  })
})
