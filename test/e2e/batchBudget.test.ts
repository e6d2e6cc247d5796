import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { seedDueShipments } from '../../bench/scale/seed'
import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import { demoSettings } from '../../emulator/stack'
import { SHIPMENT_ENTITY, SHIPMENT_FIELDS } from '../../node/registry/schema'
import type { ShipmentRecord } from '../../node/tracking/shipment'
import { runSweep, slowCarrier, startTestStack } from './harness'

const SHIPMENTS = 50

/**
 * UPS answers one number per call. Fifty due UPS shipments in one batch event, with the carrier
 * limited to 2 requests a second and answering in half a second, need about 25 s: more than a
 * batch's 15 s budget. The batch must neither start calls its budget would cut short (a timeout of
 * our own, recorded as the carrier's failure, backs the shipment off and turns carrier health
 * red) nor leave the rest for the sweep's redispatch ten minutes later.
 */
void describe('a batch its time budget cannot finish', () => {
  let stack: Stack & { clock: SimClock }

  before(async () => {
    stack = await startTestStack({ settings: { ...demoSettings(), carrierRequestsPerSecond: 2 } })
    seedDueShipments(stack, SHIPMENTS, ['ups'], 0.3)
    stack.clock.advance(6 * 60_000)
    await slowCarrier(stack, 'ups', { delayMs: 500 })
  })
  after(async () => {
    await stack?.stop()
  })

  void it('hands what is left on at once: every shipment checked after one sweep, none marked failed', async () => {
    const startedAt = new Date().toISOString()
    const eventMark = stack.platform.gateway.eventLog().at(-1)?.seq ?? 0
    await runSweep(stack)

    const docs = stack.platform.masterdata.search({
      account: stack.account,
      entity: SHIPMENT_ENTITY,
      fields: [...SHIPMENT_FIELDS],
      from: 0,
      to: 100,
    }).docs as unknown as ShipmentRecord[]
    assert.equal(docs.length, SHIPMENTS)
    assert.deepEqual(
      docs.filter((d) => d.lastCheckedAt === null || d.lastCheckedAt < startedAt).map((d) => d.trackingNumber),
      [],
      'every shipment was checked without waiting for another sweep'
    )
    assert.deepEqual(
      docs.filter((d) => d.consecutiveErrors > 0).map((d) => `${d.trackingNumber}: ${d.lastErrorReason}`),
      [],
      'no call was cut short by the batch budget and recorded as a carrier failure'
    )
    const batches = stack.platform.gateway.eventLog().filter((d) => d.handler === 'onCheckBatch' && d.seq > eventMark)
    const requeued = batches.filter((d) => ((d.body as { requeues?: number }).requeues ?? 0) > 0)
    assert.ok(requeued.length >= 1, `the first batch handed its rest on (${batches.length} batch events)`)
    for (const batch of batches) assert.ok(batch.durationMs < 30_000, `a batch took ${batch.durationMs} ms`)
    const upsCalls = stack.platform.journal.list({ pathIncludes: '/track/v1/' }).filter((e) => e.status === 200)
    assert.ok(upsCalls.length >= SHIPMENTS, 'one UPS call per shipment')
  })
})
