/**
 * The pure part of shipment claims: what one shard file of the claim ledger says, and how a claim,
 * a renewal and a release change it. The VBase compare-and-swap around it is in vbaseClaims.ts.
 *
 * A shipment is claimed by one worker (an event, a sweep, a "check now") for as long as it calls
 * the carrier and writes to the order; nobody else checks it meanwhile. A claim expires by itself
 * (a killed worker blocks the shipment for `ttlMs` at most); a release leaves a stamp saying when
 * the shipment was last checked, so a worker holding an older copy of the record knows to re-read
 * it instead of writing the same tracking again.
 */

export interface HeldEntry {
  holder: string
  expiresAt: number
}

export interface ReleasedEntry {
  releasedAt: number
  /** `lastCheckedAt` of the record as the releasing worker left it (null: not checked). */
  checkedAt: string | null
  /** The order may show more than the registry says (an order write whose registry save failed). */
  verifyOrder?: true
}

export type ClaimEntry = HeldEntry | ReleasedEntry

export interface ShardFile {
  entries: Record<string, ClaimEntry>
}

/** How a claimed shipment was found: free, released by someone (with their stamp), or taken over from a dead holder. */
export type ClaimOrigin =
  | { kind: 'free' }
  | { kind: 'released'; checkedAt: string | null; verifyOrder: boolean }
  | { kind: 'taken_over'; fromHolder: string }

/**
 * Stamps are kept this long: long enough to outlive any copy of a record read before the release.
 * Every path reads its records just before claiming them (a batch event reads them fresh, never
 * from the sweep), and no request outlives service.json's 30 s timeout, so 5 minutes is a wide
 * margin; longer only fattens the shard files every claim reads and writes (at 35 checks a second,
 * 5 minutes of stamps is about 1,300 entries a shard).
 */
export const STAMP_TTL_MS = 5 * 60_000
/**
 * A stamp that asks the next worker to compare with the order is kept until a worker claims the
 * shipment again, however late that is (back-offs can last hours), up to the longest tracking window.
 */
export const VERIFY_STAMP_TTL_MS = 90 * 24 * 3600_000

export const isHeld = (entry: ClaimEntry | undefined): entry is HeldEntry => entry !== undefined && 'holder' in entry

export const emptyShard = (): ShardFile => ({ entries: {} })

/** Takes every id that is free, released or expired; leaves the ones another live holder has. */
export function claimIn(
  shard: ShardFile,
  ids: readonly string[],
  holder: string,
  now: number,
  ttlMs: number
): { next: ShardFile; claimed: Map<string, ClaimOrigin> } {
  const entries = prune(shard.entries, now)
  const claimed = new Map<string, ClaimOrigin>()
  for (const id of ids) {
    const entry = entries[id]
    if (isHeld(entry) && entry.holder !== holder && entry.expiresAt > now) continue
    claimed.set(id, originOf(entry, holder))
    entries[id] = { holder, expiresAt: now + ttlMs }
  }
  return { next: { entries }, claimed }
}

/** Extends the holder's claims; returns the ids it no longer holds (expired and taken by someone else). */
export function renewIn(
  shard: ShardFile,
  ids: readonly string[],
  holder: string,
  now: number,
  ttlMs: number
): { next: ShardFile; lost: string[] } {
  const entries = prune(shard.entries, now)
  const lost: string[] = []
  for (const id of ids) {
    const entry = entries[id]
    if (isHeld(entry) && entry.holder === holder) entries[id] = { holder, expiresAt: now + ttlMs }
    else lost.push(id)
  }
  return { next: { entries }, lost }
}

/** Releases the holder's claims with a stamp each; ids someone else holds now are left alone. */
export interface Stamp {
  checkedAt: string | null
  verifyOrder: boolean
}

export function releaseIn(
  shard: ShardFile,
  stamps: ReadonlyMap<string, Stamp>,
  holder: string,
  now: number
): ShardFile {
  const entries = prune(shard.entries, now)
  for (const [id, stamp] of stamps) {
    const entry = entries[id]
    if (!isHeld(entry) || entry.holder !== holder) continue
    entries[id] = {
      releasedAt: now,
      checkedAt: stamp.checkedAt,
      ...(stamp.verifyOrder ? { verifyOrder: true as const } : {}),
    }
  }
  return { entries }
}

function originOf(entry: ClaimEntry | undefined, holder: string): ClaimOrigin {
  if (entry === undefined) return { kind: 'free' }
  if (!isHeld(entry)) return { kind: 'released', checkedAt: entry.checkedAt, verifyOrder: entry.verifyOrder === true }
  // Our own expired claim (a renewal that came too late) is not a takeover from someone else.
  return entry.holder === holder ? { kind: 'free' } : { kind: 'taken_over', fromHolder: entry.holder }
}

/**
 * Drops stamps older than STAMP_TTL_MS and claims expired for that long, so the file stays small;
 * a claim whose holder died is kept as long as a verify stamp, since its holder may have written
 * the order and not the registry.
 */
function prune(entries: Record<string, ClaimEntry>, now: number): Record<string, ClaimEntry> {
  const kept: Record<string, ClaimEntry> = {}
  for (const [id, entry] of Object.entries(entries)) {
    const endedAt = isHeld(entry) ? entry.expiresAt : entry.releasedAt
    const keepFor = isHeld(entry) || entry.verifyOrder ? VERIFY_STAMP_TTL_MS : STAMP_TTL_MS
    if (now - endedAt < keepFor) kept[id] = entry
  }
  return kept
}

/** Which shard file an id lives in: a stable hash, so every worker agrees. */
export function shardOf(id: string, shards: number): number {
  let hash = 2166136261
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 16777619)
  }
  return (hash >>> 0) % shards
}

/**
 * Must the order be read before writing to it? When the previous holder died (its claim expired)
 * or said its order write was not saved in the registry: the order may already show this news.
 */
export const mustVerifyOrder = (origin: ClaimOrigin | undefined): boolean =>
  origin?.kind === 'taken_over' || (origin?.kind === 'released' && origin.verifyOrder)

/** Is the copy a worker holds older than what the last releaser left? Then it must be re-read. */
export function isStale(origin: ClaimOrigin, recordCheckedAt: string | null): boolean {
  if (origin.kind !== 'released' || origin.checkedAt === null) return false
  return recordCheckedAt === null || recordCheckedAt < origin.checkedAt
}
