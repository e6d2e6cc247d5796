/**
 * The soak test: thousands of shipments across Correios and UPS through simulated weeks, with a
 * fifth of every upstream call faulted (carrier 5xx, 429 with Retry-After, malformed bodies, slow
 * answers, hangs; Master Data and Orders API 5xx and 429), every invoiced event delivered again
 * (concurrently, and late), overlapping sweeps with a "check now" in the middle, and the app's
 * process killed with SIGKILL in the middle of sweeps. At the end every order must show exactly
 * its carrier timeline, no shipment is lost or left behind, no order write repeats the one before
 * it, and no tracking number was ever asked while another call for it was in flight.
 *
 * Bounded: SOAK_SHIPMENTS (default 2000) shipments, a fixed number of simulated days.
 */
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { JournalEntry } from '../../emulator/journal'
import { REPO_ROOT } from '../../emulator/runtime'
import type { Stack } from '../../emulator/stack'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import { SHIPMENT_ENTITY } from '../../node/registry/schema'
import { shipmentId } from '../../node/registry/shipmentId'
import type { ShipmentRecord } from '../../node/tracking/shipment'
import type { InvoicedOrder } from '../e2e/harness'
import { call, correiosNumber, invoicedOrder, orderPackage, startTestStack, UPS_NUMBERS } from '../e2e/harness'
import { SOAK_FAULTS } from './faults'
import { ups1Z } from './numbers'
import { CarrierOverlapAudit, OrderWriteAudit } from './audits'

const HOUR = 3600_000
const SHIPMENTS = Number(process.env.SOAK_SHIPMENTS ?? 2000)
const WAVES = 4
const STEP_HOURS = 12
const FAULTY_STEPS = 20
const KILL_AT_STEPS = new Set([2, 5, 9])
const MAX_SWEEPS_PER_STEP = 12
const ADMIN = { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}`, 'x-order-tracking-admin': '1' }
const STORIES = ['delivered', 'attempt_then_delivered', 'returned'] as const

interface SoakOrder extends InvoicedOrder {
  carrier: 'correios' | 'ups'
  story: (typeof STORIES)[number]
}

void describe('soak: 20% faults, duplicate events, overlapping work, process kills', () => {
  let stack: Stack & { clock: SimClock }
  const orders: SoakOrder[] = []
  const writes = new OrderWriteAudit()
  const overlaps = new CarrierOverlapAudit()
  const numbers = { sweeps: 0, sweepFailures: 0, checkNows: 0, kills: 0, duplicateEvents: 0, faultsHit: 0 }
  let journalMark = 0

  before(async () => {
    const logDir = path.join(REPO_ROOT, 'test-results')
    mkdirSync(logDir, { recursive: true })
    stack = await startTestStack({ childLogFile: path.join(logDir, 'soak-runtime.log') })
  })
  after(async () => {
    await stack.stop()
  })

  /** Audits the journal since the last call (the journal keeps a bounded window). */
  const audit = (): void => {
    const entries: JournalEntry[] = stack.platform.journal.list({ sinceSeq: journalMark })
    journalMark = stack.platform.journal.lastSeq()
    writes.add(entries)
    overlaps.add(entries)
  }

  const sweep = () =>
    call<{ skipped?: string; complete?: boolean }>(
      stack,
      'POST',
      '/_v/order-tracking/sweep',
      {},
      { authorization: stack.platform.scheduler.jobs()[0].request.headers.Authorization }
    )

  const checkNow = (ids: string[]) =>
    call(stack, 'POST', '/_v/private/order-tracking/admin/refresh-shipments', { ids }, ADMIN)

  async function invoiceWave(wave: number): Promise<void> {
    const perWave = Math.ceil(SHIPMENTS / WAVES)
    const start = wave * perWave
    const batch: Array<Promise<void>> = []
    for (let i = start; i < Math.min(SHIPMENTS, start + perWave); i++) {
      const carrier = i % 10 < 7 ? 'correios' : 'ups'
      const story = STORIES[i % STORIES.length]
      const trackingNumber = carrier === 'correios' ? correiosNumber(70000000 + i) : ups1Z(i)
      batch.push(
        invoicedOrder(stack, { carrier, trackingNumber, story }).then((order) => {
          orders.push({ ...order, carrier, story })
        })
      )
      if (batch.length >= 8) await Promise.all(batch.splice(0))
    }
    await Promise.all(batch)
    await redeliverSome(orders.slice(start))
  }

  /** At-least-once delivery: a third of the events arrive again, some twice at the same moment. */
  async function redeliverSome(wave: readonly SoakOrder[]): Promise<void> {
    const copies = wave.filter((_, i) => i % 3 === 0)
    const body = (o: SoakOrder) => ({
      domain: 'Fulfillment',
      orderId: o.orderId,
      currentState: 'invoiced',
      lastState: 'handling',
    })
    for (let i = 0; i < copies.length; i += 10) {
      const group = copies.slice(i, i + 10)
      await Promise.all(
        group.flatMap((o, k) =>
          Array.from({ length: k % 2 === 0 ? 2 : 1 }, () =>
            stack.platform.gateway.deliverEvent('vtex.orders-broadcast', 'invoiced', body(o))
          )
        )
      )
      numbers.duplicateEvents += group.length + Math.ceil(group.length / 2)
    }
  }

  /** Sweeps until one completes: two at once each time, a "check now" in the middle, maybe a kill. */
  async function sweepStep(step: number): Promise<void> {
    for (let run = 0; run < MAX_SWEEPS_PER_STEP; run++) {
      const killNow = run === 0 && KILL_AT_STEPS.has(step)
      const ids = orders
        .filter((_, i) => (i + step + run) % 97 === 0)
        .slice(0, 20)
        .map((o) => shipmentId(o.orderId, o.invoiceNumber))
      const work = Promise.all([
        sweep(),
        sweep(),
        new Promise((resolve) => setTimeout(resolve, 200)).then(() => (ids.length > 0 ? checkNow(ids) : undefined)),
      ])
      if (killNow) {
        await new Promise((resolve) => setTimeout(resolve, 700))
        await stack.restartRuntime()
        numbers.kills += 1
      }
      const [a, b] = await work
      numbers.sweeps += 2
      numbers.checkNows += ids.length > 0 ? 1 : 0
      const results = [a, b].filter((r) => r.status === 200)
      numbers.sweepFailures += [a, b].filter((r) => r.status !== 200 && r.status !== 202).length
      await stack.platform.settle()
      audit()
      if (!killNow && results.some((r) => r.body.complete === true)) return
    }
  }

  const setFaults = async (on: boolean): Promise<void> => {
    await call(stack, 'DELETE', '/_emulator/faults')
    if (!on) return
    for (const fault of SOAK_FAULTS) {
      const added = await call(stack, 'POST', '/_emulator/faults', { times: 1_000_000, ...fault })
      assert.equal(added.status, 201, JSON.stringify(added.body))
    }
  }

  void it('keeps every shipment, writes nothing twice, and ends with every order showing its timeline', async () => {
    const faultsBefore = stack.platform.faults.hitCount()
    await setFaults(true)
    for (let step = 0; step < FAULTY_STEPS; step++) {
      if (step < WAVES) await invoiceWave(step)
      stack.clock.advance(STEP_HOURS * HOUR)
      await sweepStep(step)
    }
    numbers.faultsHit = stack.platform.faults.hitCount() - faultsBefore
    // Faults off: whatever is still owed (backed-off retries, reconciliation) must now converge.
    await setFaults(false)
    for (let step = 0; step < 12 && activeShipments().length > 0; step++) {
      stack.clock.advance(STEP_HOURS * HOUR)
      await sweepStep(FAULTY_STEPS + step)
    }
    audit()

    const records = orders.map((o) => registryDoc(o))
    const lost = orders.filter((_, i) => records[i] === undefined)
    const notDone = records.filter((r): r is ShipmentRecord => r !== undefined && r.state !== 'done')
    const mismatched: string[] = []
    for (const order of orders) {
      const problem = await timelineMismatch(order)
      if (problem) mismatched.push(`${order.orderId} ${order.trackingNumber}: ${problem}`)
    }
    const report = {
      shipments: orders.length,
      correios: orders.filter((o) => o.carrier === 'correios').length,
      ups: orders.filter((o) => o.carrier === 'ups').length,
      simulatedDays: ((FAULTY_STEPS + 12) * STEP_HOURS) / 24,
      ...numbers,
      orderWrites: writes.total,
      lost: lost.length,
      stuck: notDone.length,
      trackingMismatches: mismatched.length,
      duplicateOrderWrites: writes.duplicates.length,
      overlappingCarrierChecks: overlaps.overlaps.length,
    }
    writeFileSync(path.join(REPO_ROOT, 'test-results', 'soak.json'), `${JSON.stringify(report, null, 2)}\n`)
    if (writes.duplicates.length > 0) {
      const orderId = /orders\/([^/]+)\//.exec(writes.duplicates[0])?.[1] ?? ''
      const trail = stack.platform.journal
        .list({})
        .filter(
          (e) =>
            e.path.includes(orderId) ||
            JSON.stringify(e.body ?? '').includes(orderId) ||
            e.path.includes(shipmentIdOf(orderId)) ||
            e.query.includes(orderId)
        )
        .map((e) => ({ at: e.at, module: e.module, method: e.method, path: e.path, status: e.status, body: e.body }))
      writeFileSync(path.join(REPO_ROOT, 'test-results', 'soak-duplicate-trail.json'), JSON.stringify(trail, null, 2))
    }
    console.log(`soak: ${JSON.stringify(report)}`)

    assert.ok(orders.length >= SHIPMENTS, 'every order was invoiced')
    assert.ok(numbers.kills >= 3, 'the app process was killed at least three times')
    assert.ok(numbers.faultsHit > 0, 'faults were injected')
    assert.deepEqual(
      lost.map((o) => o.orderId),
      [],
      'no shipment lost'
    )
    assert.deepEqual(
      notDone.map((r) => `${r.orderId} ${r.state} ${r.status} ${r.lastErrorReason ?? ''}`),
      [],
      'no shipment stuck'
    )
    assert.deepEqual(mismatched, [], 'every order shows its carrier timeline')
    assert.deepEqual(writes.duplicates, [], 'no order write repeats the previous one')
    assert.deepEqual(overlaps.overlaps, [], 'no tracking number asked while another call for it was in flight')
  })

  function shipmentIdOf(orderId: string): string {
    const order = orders.find((o) => o.orderId === orderId)
    return order ? shipmentId(order.orderId, order.invoiceNumber) : 'none'
  }

  function registryDoc(order: InvoicedOrder): ShipmentRecord | undefined {
    return stack.platform.masterdata.get(
      { account: stack.account, entity: SHIPMENT_ENTITY },
      shipmentId(order.orderId, order.invoiceNumber),
      ['_all']
    ) as ShipmentRecord | undefined
  }

  function activeShipments(): SoakOrder[] {
    return orders.filter((o) => registryDoc(o)?.state !== 'done')
  }

  /** What the order shows against what the carrier's timeline says, or null when they agree. */
  async function timelineMismatch(order: SoakOrder): Promise<string | null> {
    const timeline = stack.platform.timelines.get(order.carrier, order.trackingNumber)
    if (!timeline) return 'no timeline'
    const expected = [...timeline.events].sort((a, b) => a.at - b.at)
    const pkg = await orderPackage(stack, order.orderId)
    const shown = pkg.courierStatus?.data ?? []
    if (shown.length !== expected.length) return `${shown.length} events shown, ${expected.length} expected`
    for (let i = 0; i < expected.length; i++) {
      const at = Date.parse(
        /[zZ]|[+-]\d\d:?\d\d$/.test(shown[i].createDate) ? shown[i].createDate : `${shown[i].createDate}Z`
      )
      if (Math.abs(at - expected[i].at) >= 60_000)
        return `event ${i} at ${shown[i].createDate}, expected ${new Date(expected[i].at).toISOString()}`
    }
    const delivered = order.story !== 'returned'
    if (pkg.courierStatus?.finished !== delivered)
      return `finished=${pkg.courierStatus?.finished}, expected ${delivered}`
    if (!pkg.trackingUrl) return 'no trackingUrl'
    return null
  }
})

// Keep the list of valid UPS numbers in sight: ups1Z makes more of the same shape.
void UPS_NUMBERS
