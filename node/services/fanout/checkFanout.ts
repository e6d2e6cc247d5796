import type { ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import { fullChunks, mapLimit } from '../concurrency'
import type { CheckBatch } from './checkBatch'
import { CHECK_BATCH_EVENT, eventBatchSize } from './checkBatch'

const SEND_CONCURRENCY = 8

/**
 * Hands shipments just registered (not by an order event: by the backfill) to the normal fan-out:
 * check-batch events of one carrier each, a full carrier batch per event, as the sweep fires them.
 * Registration comes in small steps, so shipments are collected until a carrier batch is full:
 * 500 backfilled Correios orders are 10 carrier requests, not 50 (the carrier's rate limit is
 * per request). `flush` fires the rest. What is never fired (a slice that died) stays due at its
 * registration grace, and the sweep fires it.
 *
 * `dueBefore` is the batch's latest registration grace, so the handler checks them now and skips
 * any that someone checked (and rescheduled) meanwhile.
 */
export class CheckFanout {
  private readonly pending = new Map<string, ShipmentRecord[]>()
  private firedBatches = 0

  constructor(private readonly ctx: AppContext) {}

  /** How many batch events were sent so far. */
  get batches(): number {
    return this.firedBatches
  }

  /** Collects the checkable records; fires every carrier group that fills a batch. */
  async add(records: readonly ShipmentRecord[]): Promise<void> {
    for (const record of records) {
      if (record.state !== 'active' || record.carrier === null || record.nextCheckAt === null) continue
      this.pending.set(record.carrier, [...(this.pending.get(record.carrier) ?? []), record])
    }
    await this.fire(false)
  }

  /** Fires everything collected, partial batches included. */
  async flush(): Promise<void> {
    await this.fire(true)
  }

  private async fire(partialToo: boolean): Promise<void> {
    const batches: CheckBatch[] = []
    for (const [carrier, group] of this.pending) {
      const { chunks, rest } = fullChunks(group, eventBatchSize(carrier))
      if (partialToo && rest.length > 0) chunks.push(rest)
      if (!partialToo && rest.length > 0) this.pending.set(carrier, rest)
      else this.pending.delete(carrier)
      batches.push(...chunks.map((part) => toBatch(carrier, part)))
    }
    await mapLimit(batches, SEND_CONCURRENCY, async (batch) => {
      await this.ctx.clients.events.sendEvent('', CHECK_BATCH_EVENT, batch)
      this.firedBatches += 1
    })
  }
}

const toBatch = (carrier: string, part: readonly ShipmentRecord[]): CheckBatch => ({
  carrier: carrier as CheckBatch['carrier'],
  shipments: part.map((r) => ({ id: r.id, orderId: r.orderId })),
  dueBefore: part.reduce((latest, r) => ((r.nextCheckAt ?? '') > latest ? (r.nextCheckAt ?? '') : latest), ''),
})
