/**
 * What a shipment's registration and first check cost in Master Data requests, through the real
 * path: orders invoiced as an ERP does (the orders-broadcast event follows), registered by the app
 * and checked at once. Counted in the emulator's journal, after one warm-up order (schema and
 * settings are read once per process, not per shipment).
 */
import path from 'path'

import { SimClock } from '../../emulator/clock'
import { REPO_ROOT } from '../../emulator/runtime'
import type { Stack } from '../../emulator/stack'
import { demoSettings, startStack } from '../../emulator/stack'
import { stopNow } from './stopNow'
import { SHIPMENT_ENTITY } from '../../node/registry/schema'
import { nextTrackingNumber } from '../../scripts/demo/seed'
import { invoicedOrder } from '../../test/e2e/harness'

export interface RegistrationCost {
  shipments: number
  masterDataRequests: number
  /** Master Data requests per shipment for its registration and first check together. */
  perShipment: number
}

export async function registrationCost(orders: number): Promise<RegistrationCost> {
  const clock = new SimClock(Date.parse('2026-11-02T12:00:00Z'), 1)
  const stack = await startStack({
    clock,
    childLogFile: path.join(REPO_ROOT, 'bench', 'results', 'registration.log'),
    replicas: 1,
    buildDir: path.join(REPO_ROOT, '.build', 'bench'),
    settings: demoSettings(),
  })
  try {
    await invoice(stack, 0)
    await checkedCount(stack, 1)
    const before = stack.platform.journal.countByModule().masterdata ?? 0
    for (let i = 1; i <= orders; i++) await invoice(stack, i)
    await checkedCount(stack, orders + 1)
    const masterDataRequests = (stack.platform.journal.countByModule().masterdata ?? 0) - before
    return {
      shipments: orders,
      masterDataRequests,
      perShipment: Math.round((masterDataRequests / orders) * 100) / 100,
    }
  } finally {
    await stopNow(stack)
  }
}

async function invoice(stack: Stack, i: number): Promise<void> {
  const carrier = i % 2 === 0 ? 'correios' : 'ups'
  await invoicedOrder(stack, { carrier, trackingNumber: nextTrackingNumber(carrier) })
}

/** Waits until `count` shipments have had their first check (events are delivered asynchronously). */
async function checkedCount(stack: Stack, count: number): Promise<void> {
  const until = performance.now() + 120_000
  const scope = { account: stack.account, entity: SHIPMENT_ENTITY }
  while (stack.platform.masterdata.count(scope, 'lastCheckedAt is not null') < count) {
    if (performance.now() > until) throw new Error(`only some of ${count} shipments were checked in 2 minutes`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
