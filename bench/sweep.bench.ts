/**
 * Sweep throughput and memory: N invoiced shipments (Correios and UPS) are due at once; the
 * scheduler's sweep runs until none is left. Measures shipments checked per second of sweep, time
 * per sweep run (each must stay inside the route's time budget) and process memory.
 *   node --import tsx bench/sweep.bench.ts [N]
 */
import { writeFileSync } from 'fs'
import path from 'path'

import { fromRelative } from '../emulator/carriers/timelines'
import { SimClock } from '../emulator/clock'
import { startStack } from '../emulator/stack'
import { CARRIER_ADAPTERS } from '../node/carriers/registry'
import { shipmentId } from '../node/registry/shipmentId'
import { SHIPMENT_ENTITY } from '../node/registry/schema'
import { newShipmentRecord } from '../node/tracking/newShipment'
import type { Order } from '../node/typings/orders'
import { demoShipments, nextTrackingNumber } from '../scripts/demo/seed'

const N = Number(process.argv[2] ?? 2000)
const HOUR = 3600_000

async function main(): Promise<void> {
  const clock = new SimClock(Date.parse('2026-11-02T12:00:00Z'), 1)
  const stack = await startStack({ clock })
  const { platform, account } = stack
  const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024)
  const rssBefore = process.memoryUsage().rss

  // Seed straight into the stores (the registration path is measured by the e2e tests).
  const seedStart = performance.now()
  const docs = demoShipments(N).map((shipment) => {
    const trackingNumber = nextTrackingNumber(shipment.carrier)
    const order = platform.orders.createOrder(account, { courier: shipment.courier, country: shipment.country })
    const items = (order.items as Array<{ id: string; price: number; quantity: number }>).map((i) => ({
      id: i.id,
      price: i.price,
      quantity: i.quantity,
    }))
    const invoiceNumber = `NF${String(order.orderId).slice(7, 13)}`
    const invoiced = platform.orders.invoice(account, String(order.orderId), {
      type: 'Output',
      issuanceDate: new Date().toISOString(),
      invoiceNumber,
      invoiceValue: '1000',
      courier: shipment.courier,
      trackingNumber,
      trackingUrl: '',
      items,
    }).order as unknown as Order
    const story = platform.simulators[shipment.carrier].stories[shipment.story]
    platform.timelines.script({ carrier: shipment.carrier, trackingNumber, events: fromRelative(Date.now(), story) })
    const pkg = invoiced.packageAttachment?.packages?.[0]
    if (!pkg) throw new Error('invoice created no package')
    return newShipmentRecord(shipmentId(invoiced.orderId, invoiceNumber), invoiced, pkg, {
      now: Date.now(),
      pollingIntervalHours: 6,
      courierMappings: [],
      adapters: Object.values(CARRIER_ADAPTERS),
    })
  })
  platform.masterdata.bulkInsert(
    { account, entity: SHIPMENT_ENTITY },
    docs as unknown as Array<Record<string, unknown>>
  )
  const seedMs = performance.now() - seedStart

  clock.advance(12 * HOUR)
  const runs: Array<{ ms: number; checked: number; orderWrites: number; errors: number; complete: boolean }> = []
  const secret = platform.scheduler.jobs()[0].request.headers.Authorization
  for (let i = 0; i < 50; i++) {
    const started = performance.now()
    const response = await fetch(`${platform.url}/_v/order-tracking/sweep`, {
      method: 'POST',
      headers: { authorization: secret, 'content-type': 'application/json' },
      body: '{}',
    })
    const body = (await response.json()) as { checked: number; orderWrites: number; errors: number; complete: boolean }
    runs.push({ ms: Math.round(performance.now() - started), ...pick(body) })
    if (body.complete) break
  }
  const rssAfter = process.memoryUsage().rss
  const totalMs = runs.reduce((sum, r) => sum + r.ms, 0)
  const checked = runs.reduce((sum, r) => sum + r.checked, 0)
  const result = {
    measuredAt: new Date(performance.timeOrigin + performance.now()).toISOString(),
    shipments: N,
    seedMs: Math.round(seedMs),
    sweepRuns: runs.length,
    checked,
    orderWrites: runs.reduce((sum, r) => sum + r.orderWrites, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    totalSweepMs: totalMs,
    shipmentsPerSecond: Math.round((checked / totalMs) * 1000),
    slowestRunMs: Math.max(...runs.map((r) => r.ms)),
    rssMbBefore: mb(rssBefore),
    rssMbAfter: mb(rssAfter),
    heapUsedMb: mb(process.memoryUsage().heapUsed),
    runs,
  }
  console.log(JSON.stringify({ ...result, runs: undefined }, null, 2))
  writeFileSync(path.join(__dirname, 'results', 'sweep.json'), `${JSON.stringify(result, null, 2)}\n`)
  await stack.stop()
}

const pick = (body: { checked: number; orderWrites: number; errors: number; complete: boolean }) => ({
  checked: body.checked,
  orderWrites: body.orderWrites,
  errors: body.errors,
  complete: body.complete,
})

// The runtime keeps timers alive after stop(): exit explicitly once the report is written.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
