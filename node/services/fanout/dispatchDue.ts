import { isWaitingState } from '../../tracking/shipment'
import type { DueShipment, ShipmentRegistry } from '../../registry/shipmentRegistry'
import type { AppContext } from '../../typings/context'
import { shardOf } from '../claims/ledger'
import { CLAIM_SHARDS } from '../claims/shipmentClaims'
import { fullChunks, mapLimit } from '../concurrency'
import type { CheckBatch } from './checkBatch'
import { CHECK_BATCH_EVENT, eventBatchSize } from './checkBatch'
import { monotonicNow } from '../budget'

const PAGE_SIZE = 100
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
  const pending = new Map<string, DueShipment[]>()
  // Shipments a recent run already fired are still queued as events: start after them.
  const previous = await readDispatchMark(ctx)
  let cursor: { at: string; ids: Set<string> } | undefined =
    previous && Date.parse(nowIso) - Date.parse(previous.dispatchedAt) < REDISPATCH_AFTER_MS
      ? { at: previous.upTo, ids: new Set(previous.idsAtUpTo) }
      : undefined

  // Pages of the same query: above 1 only while more than a page of shipments share one instant.
  let tiePage = 1
  while (monotonicNow() < deadline) {
    const page = await registry.findDueAfter(cursor?.at, nowIso, PAGE_SIZE, tiePage)
    const fresh = page.filter((r) => !cursor?.ids.has(r.id))
    if (fresh.length === 0) {
      // A full page, all seen: more than a page of shipments are due at the cursor's very instant
      // (a bulk import, a backfill). The cursor cannot move past them; read on at that instant.
      if (page.length === PAGE_SIZE) {
        tiePage += 1
        continue
      }
      result.complete = true
      break
    }
    const lastAt = fresh[fresh.length - 1].nextCheckAt ?? nowIso
    if (cursor && lastAt === cursor.at) {
      fresh.forEach((r) => cursor?.ids.add(r.id))
      tiePage += 1
    } else {
      cursor = { at: lastAt, ids: new Set(fresh.filter((r) => r.nextCheckAt === lastAt).map((r) => r.id)) }
      tiePage = 1
    }
    for (const record of fresh) {
      const key = groupOf(record)
      if (key === undefined) continue
      const group = pending.get(key) ?? []
      group.push(record)
      pending.set(key, group)
    }
    const full = [...pending.keys()].filter((key) => (pending.get(key)?.length ?? 0) >= batchSizeOf(key))
    await fire(ctx, full, pending, nowIso, result, true)
  }
  // What is left are partial shard groups: merged per carrier into full batches again, so a quiet
  // store still sends 50 Correios numbers per request (these few batches span several shards).
  const leftovers = new Map<string, DueShipment[]>()
  for (const [key, records] of pending) {
    const kind = `${kindOf(key)}/mixed`
    leftovers.set(kind, [...(leftovers.get(kind) ?? []), ...records])
  }
  await fire(ctx, [...leftovers.keys()], leftovers, nowIso, result)
  if (cursor) {
    await saveDispatchMark(ctx, { dispatchedAt: nowIso, upTo: cursor.at, idsAtUpTo: [...cursor.ids] })
  }
  return result
}

/**
 * How far recent runs fired the due list. A batch waits in the event queue for a while when the
 * backlog is large; firing it again every run would only cost claims. After REDISPATCH_AFTER_MS
 * whatever is still due (a lost event, a failed batch) is fired again.
 */
interface DispatchMark {
  dispatchedAt: string
  upTo: string
  idsAtUpTo: string[]
}
const REDISPATCH_AFTER_MS = 10 * 60_000
const MARK_BUCKET = 'sweep'
const MARK_FILE = 'dispatch.json'

const readDispatchMark = (ctx: AppContext): Promise<DispatchMark | null> =>
  ctx.clients.vbase.getJSON<DispatchMark | null>(MARK_BUCKET, MARK_FILE, true)

async function saveDispatchMark(ctx: AppContext, mark: DispatchMark): Promise<void> {
  await ctx.clients.vbase.saveJSON<DispatchMark>(MARK_BUCKET, MARK_FILE, mark)
}

/**
 * `<carrier>/<claim shard>` for active shipments, `recheck/<shard>` for those waiting for a number
 * or a carrier. A full batch from one group claims one shard file: under load, concurrent batches
 * claim different files instead of all contending for every file of the ledger.
 */
function groupOf(record: DueShipment): string | undefined {
  const shard = shardOf(record.id, CLAIM_SHARDS)
  if (isWaitingState(record.state)) return `recheck/${shard}`
  if (record.state === 'active' && record.carrier !== null && record.trackingNumber !== null) {
    return `${record.carrier}/${shard}`
  }
  return undefined
}

const kindOf = (key: string): string => key.split('/')[0]

const batchSizeOf = (key: string): number => (kindOf(key) === 'recheck' ? RECHECK_BATCH : eventBatchSize(kindOf(key)))

/**
 * Sends the groups' records as batch events, a few at a time (each is one courier request). With
 * `fullOnly`, a group's remainder past its last full batch stays pending for the next page: a
 * group of 57 is one batch of 50 now, not 50 and 7 (a 7-number Correios request).
 */
async function fire(
  ctx: AppContext,
  keys: readonly string[],
  pending: Map<string, DueShipment[]>,
  nowIso: string,
  result: DispatchResult,
  fullOnly = false
): Promise<void> {
  const batches: CheckBatch[] = keys.flatMap((key) => {
    const { chunks: parts, rest } = fullChunks(pending.get(key) ?? [], batchSizeOf(key))
    if (fullOnly && rest.length > 0) pending.set(key, rest)
    else pending.delete(key)
    if (!fullOnly && rest.length > 0) parts.push(rest)
    return parts.map((part) => ({
      carrier: kindOf(key) === 'recheck' ? null : (kindOf(key) as CheckBatch['carrier']),
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
