import { carrierModule } from '../../carriers'
import type { ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import { chunk, mapLimit } from '../concurrency'
import type { CheckBatch } from './checkBatch'
import { CHECK_BATCH_EVENT } from './checkBatch'

/** UPS answers one number per call: an event still carries this many, checked in parallel. */
const MIN_EVENT_BATCH = 20
const SEND_CONCURRENCY = 8

/**
 * Hands shipments just registered (not by an order event: by the backfill) to the normal fan-out:
 * check-batch events of one carrier each, a full carrier batch per event, as the sweep fires them.
 * `dueBefore` is the batch's latest registration grace, so the handler checks them now and skips
 * any that someone checked (and rescheduled) meanwhile. Returns how many batches were fired.
 */
export async function fireChecks(ctx: AppContext, records: readonly ShipmentRecord[]): Promise<number> {
  const byCarrier = new Map<string, ShipmentRecord[]>()
  for (const record of records) {
    if (record.state !== 'active' || record.carrier === null || record.nextCheckAt === null) continue
    byCarrier.set(record.carrier, [...(byCarrier.get(record.carrier) ?? []), record])
  }
  const batches: CheckBatch[] = [...byCarrier].flatMap(([carrier, group]) =>
    chunk(group, Math.max(carrierModule(carrier).limits.batchSize, MIN_EVENT_BATCH)).map((part) => ({
      carrier: carrier as CheckBatch['carrier'],
      shipments: part.map((r) => ({ id: r.id, orderId: r.orderId })),
      dueBefore: part.reduce((latest, r) => ((r.nextCheckAt ?? '') > latest ? (r.nextCheckAt ?? '') : latest), ''),
    }))
  )
  await mapLimit(batches, SEND_CONCURRENCY, async (batch) => {
    await ctx.clients.events.sendEvent('', CHECK_BATCH_EVENT, batch)
  })
  return batches.length
}
