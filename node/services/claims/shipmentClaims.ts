import type { VBase } from '@vtex/api'
import { randomUUID } from 'crypto'

import { httpStatusOf } from '../platformErrors'
import type { ClaimOrigin, ShardFile, Stamp } from './ledger'
import { claimIn, emptyShard, mustVerifyOrder, releaseIn, renewIn, shardOf } from './ledger'

const BUCKET = 'claims'
/**
 * Shards spread concurrent claimers over files, so compare-and-swap conflicts stay rare; the
 * sweep cuts its batches along them (one batch, one file). Few enough that batches stay full.
 */
export const CLAIM_SHARDS = 8
/** A claim outlives a slow carrier call and the writes after it; it is renewed while work goes on. */
export const CLAIM_TTL_MS = 120_000
/** Compare-and-swap retries under contention (many batches of many replicas at once), with back-off. */
const MAX_ATTEMPTS = 40

const shardPath = (shard: number): string => `shard-${String(shard).padStart(2, '0')}.json`

/** Claims held by one worker for one unit of work. Created by `claimShipments`. */
export class ClaimSet {
  private readonly lost = new Set<string>()
  private readonly stamps = new Map<string, Stamp>()
  private expiresAt: number

  constructor(
    private readonly vbase: VBase,
    readonly holder: string,
    /** Every claimed id with how it was found (free, released with a stamp, taken over). */
    readonly origins: ReadonlyMap<string, ClaimOrigin>,
    private readonly ttlMs: number
  ) {
    this.expiresAt = Date.now() + ttlMs
  }

  /** Still ours: claimed, not lost at a renewal, and not past the expiry we last wrote. */
  holds(id: string): boolean {
    return this.origins.has(id) && !this.lost.has(id) && Date.now() < this.expiresAt
  }

  get heldIds(): string[] {
    return [...this.origins.keys()].filter((id) => this.holds(id))
  }

  /** Extends every claim still held; ids someone took over meanwhile are dropped from this set. */
  async renew(): Promise<void> {
    const ids = this.heldIds
    if (ids.length === 0) return
    const renewedAt = Date.now()
    await forEachShard(ids, async (shardIds) => {
      await compareAndSwap(this.vbase, shardIds[0], (shard) => {
        const { next, lost } = renewIn(shard, shardIds, this.holder, Date.now(), this.ttlMs)
        lost.forEach((id) => this.lost.add(id))
        return next
      })
    })
    this.expiresAt = renewedAt + this.ttlMs
  }

  /** Renews every `ttl / 3` until the returned function is called. */
  keepAlive(onError: (error: unknown) => void): () => void {
    const timer = setInterval(() => this.renew().catch(onError), Math.max(1000, this.ttlMs / 3))
    timer.unref()
    return () => clearInterval(timer)
  }

  /**
   * Notes the record's `lastCheckedAt` as this worker left it, for the release stamp, and whether
   * the order may be ahead of the registry (the next worker then reads the order before writing).
   */
  stamp(id: string, checkedAt: string | null, verifyOrder = false): void {
    this.stamps.set(id, { checkedAt, verifyOrder })
  }

  /** Releases every claim, stamped with what `stamp` noted (null: nothing newer to re-read). */
  async release(): Promise<void> {
    const stamps = this.stamps
    const ids = [...this.origins.keys()].filter((id) => !this.lost.has(id))
    if (ids.length === 0) return
    await forEachShard(ids, async (shardIds) => {
      const shardStamps = new Map(
        shardIds.map(
          (id) =>
            [id, stamps.get(id) ?? { checkedAt: null, verifyOrder: mustVerifyOrder(this.origins.get(id)) }] as const
        )
      )
      await compareAndSwap(this.vbase, shardIds[0], (shard) => releaseIn(shard, shardStamps, this.holder, Date.now()))
    })
    this.origins.forEach((_, id) => this.lost.add(id))
  }
}

/**
 * Claims the shipments with `ids` that nobody else is working on, in VBase with compare-and-swap
 * (If-Match on the ETag). Of N workers asking for the same id at the same moment, exactly one gets
 * it. Ids held by someone else are simply not in the returned set.
 */
export async function claimShipments(vbase: VBase, ids: readonly string[], ttlMs = CLAIM_TTL_MS): Promise<ClaimSet> {
  const holder = randomUUID()
  const origins = new Map<string, ClaimOrigin>()
  await forEachShard([...new Set(ids)], async (shardIds) => {
    await compareAndSwap(vbase, shardIds[0], (shard) => {
      const { next, claimed } = claimIn(shard, shardIds, holder, Date.now(), ttlMs)
      // A retried swap recomputes from the fresh file: only the last attempt's answer counts.
      shardIds.forEach((id) => origins.delete(id))
      claimed.forEach((origin, id) => origins.set(id, origin))
      return next
    })
  })
  return new ClaimSet(vbase, holder, origins, ttlMs)
}

async function forEachShard(ids: readonly string[], fn: (shardIds: string[]) => Promise<void>): Promise<void> {
  const byShard = new Map<number, string[]>()
  for (const id of ids) {
    const shard = shardOf(id, CLAIM_SHARDS)
    byShard.set(shard, [...(byShard.get(shard) ?? []), id])
  }
  await Promise.all([...byShard.values()].map(fn))
}

/** Read, change, write with If-Match; on a conflict, read again and redo the change. */
async function compareAndSwap(vbase: VBase, anyId: string, change: (shard: ShardFile) => ShardFile): Promise<void> {
  const file = shardPath(shardOf(anyId, CLAIM_SHARDS))
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { shard, etag } = await readShard(vbase, file)
    try {
      await vbase.saveJSON<ShardFile>(BUCKET, file, change(shard), undefined, etag)
      return
    } catch (error) {
      if (!isConflict(error)) throw error
      // Full jitter, growing to half a second: contenders spread out instead of colliding again.
      await sleep(Math.random() * Math.min(500, 10 * 2 ** Math.min(attempt, 6)))
    }
  }
  throw new Error(`claim ledger ${file}: still conflicting after ${MAX_ATTEMPTS} attempts`)
}

async function readShard(vbase: VBase, file: string): Promise<{ shard: ShardFile; etag: string }> {
  let current = await vbase.getRawJSON<ShardFile>(BUCKET, file, true)
  if (!current?.data || !current.headers?.etag) {
    // First use of this shard in the account: VBase offers no create-if-absent, so the file is
    // created empty and then competed for like any other. Only a claim made within the same
    // round trip of this first creation could be overwritten (see the README's residual risks).
    await vbase.saveJSON<ShardFile>(BUCKET, file, emptyShard())
    current = await vbase.getRawJSON<ShardFile>(BUCKET, file, true)
  }
  const etag = current?.headers?.etag as string | undefined
  if (!current?.data || !etag) throw new Error(`claim ledger ${file} could not be created in VBase`)
  return { shard: { entries: current.data.entries ?? {} }, etag }
}

const isConflict = (error: unknown): boolean => httpStatusOf(error) === 412 || httpStatusOf(error) === 409

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
