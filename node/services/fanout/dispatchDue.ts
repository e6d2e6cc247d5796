import { carrierModule } from '../../carriers'
import { isWaitingState } from '../../tracking/shipment'
import type { ShipmentRegistry } from '../../registry/shipmentRegistry'
import type { ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import { chunk, mapLimit } from '../concurrency'
import type { CheckBatch } from './checkBatch'
import { CHECK_BATCH_EVENT } from './checkBatch'

const PAGE_SIZE = 100
/** UPS answers one number per call: an event still carries this many, checked in parallel. */
const MIN_EVENT_BATCH = 20
/** Waiting shipments (no number or no carrier) re-read per event: one order read each. */
const RECHECK_BATCH = 20
const SEND_CONCURRENCY = 8

export interface DispatchResult {
  dispatched: number
  batches: number
  /** False when the time budget ran out before the due list did. */
  complete: boolean
}

/**
 * The sweep's only work: find every due shipment (pages of a query sorted by next check, walked
 * with a cursor, never deep paging) and fire them to the app itself as IO events, one full
 * carrier batch each. Every replica then handles batches concurrently; no request waits for a
 * carrier. A shipment fired twice (a batch still queued when the next sweep runs) costs at most a
 * claim: the handler skips what was checked meanwhile.
 */
export async function dispatchDue(
  ctx: AppContext,
  registry: ShipmentRegistry,
  nowIso: string,
  deadline: number
): Promise<DispatchResult> {
  const result: DispatchResult = { dispatched: 0, batches: 0, complete: false }
  const pending = new Map<string, ShipmentRecord[]>()
  let cursor: { at: string; ids: Set<string> } | undefined

  while (Date.now() < deadline) {
    const page = await registry.findDueAfter(cursor?.at, nowIso, PAGE_SIZE)
    const fresh = page.filter((r) => !cursor?.ids.has(r.id))
    if (fresh.length === 0) {
      result.complete = true
      break
    }
    const lastAt = fresh[fresh.length - 1].nextCheckAt ?? nowIso
    cursor = { at: lastAt, ids: new Set(fresh.filter((r) => r.nextCheckAt === lastAt).map((r) => r.id)) }
    for (const record of fresh) {
      const key = groupOf(record)
      if (key === undefined) continue
      const group = pending.get(key) ?? []
      group.push(record)
      pending.set(key, group)
    }
    const full = [...pending.keys()].filter((key) => (pending.get(key)?.length ?? 0) >= batchSizeOf(key))
    await fire(ctx, full, pending, nowIso, result)
  }
  // What is left in each group is a partial batch: send it too, the due list is walked.
  await fire(ctx, [...pending.keys()], pending, nowIso, result)
  return result
}

/** Carrier code for active shipments, 'recheck' for those waiting for a number or a carrier. */
function groupOf(record: ShipmentRecord): string | undefined {
  if (isWaitingState(record.state)) return 'recheck'
  if (record.state === 'active' && record.carrier !== null && record.trackingNumber !== null) return record.carrier
  return undefined
}

const batchSizeOf = (key: string): number =>
  key === 'recheck' ? RECHECK_BATCH : Math.max(carrierModule(key).limits.batchSize, MIN_EVENT_BATCH)

/** Sends the groups' records as batch events, a few at a time (each is one courier request). */
async function fire(
  ctx: AppContext,
  keys: readonly string[],
  pending: Map<string, ShipmentRecord[]>,
  nowIso: string,
  result: DispatchResult
): Promise<void> {
  const batches: CheckBatch[] = keys.flatMap((key) => {
    const records = pending.get(key) ?? []
    pending.delete(key)
    return chunk(records, batchSizeOf(key)).map((part) => ({
      carrier: key === 'recheck' ? null : (key as CheckBatch['carrier']),
      shipments: part.map((r) => ({ id: r.id, orderId: r.orderId })),
      dueBefore: nowIso,
    }))
  })
  await mapLimit(batches, SEND_CONCURRENCY, async (batch) => {
    await ctx.clients.events.sendEvent('', CHECK_BATCH_EVENT, batch)
    result.dispatched += batch.shipments.length
    result.batches += 1
  })
}
