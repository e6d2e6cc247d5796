import { randomBytes } from 'crypto'

import type { PushVerdict } from '../../carriers/shared/module'
import { sha256 } from '../../carriers/shared/signature'
import type { CarrierCode } from '../../tracking/carrierResult'
import type { AppContext } from '../../typings/context'

/**
 * What the webhook route keeps in VBase: the per-install secret (for aggregators whose own signing
 * does not apply), the deliveries already applied (replays change nothing twice), and per-carrier
 * push health for the admin. Counters are read-modify-write without a lock: under concurrent
 * deliveries a count may be one short, which the health display tolerates.
 */
const BUCKET = 'webhooks'
const SECRET_FILE = 'secret.json'

interface SecretFile {
  secret: string
  createdAt: string
}

/** The install's webhook secret, created on first use (concurrent first uses settle on the last written). */
export async function webhookSecret(ctx: AppContext): Promise<string> {
  const stored = await ctx.clients.vbase.getJSON<SecretFile | null>(BUCKET, SECRET_FILE, true)
  if (stored?.secret) return stored.secret
  const secret = randomBytes(32).toString('base64url')
  await ctx.clients.vbase.saveJSON<SecretFile>(BUCKET, SECRET_FILE, { secret, createdAt: new Date().toISOString() })
  const saved = await ctx.clients.vbase.getJSON<SecretFile | null>(BUCKET, SECRET_FILE, true)
  return saved?.secret ?? secret
}

/** A delivery's identity: the carrier's event id, else the hash of the exact body. */
export const deliveryKey = (eventId: string | undefined, rawBody: Buffer): string =>
  sha256([eventId === undefined ? Buffer.concat([Buffer.from('body:'), rawBody]) : `event:${eventId}`], 'hex')

const seenFile = (carrier: CarrierCode, key: string): string => `seen-${carrier}-${key}.json`

export async function wasApplied(ctx: AppContext, carrier: CarrierCode, key: string): Promise<boolean> {
  const seen = await ctx.clients.vbase.getJSON<{ at: string } | null>(BUCKET, seenFile(carrier, key), true)
  return seen !== null && seen !== undefined
}

export async function markApplied(ctx: AppContext, carrier: CarrierCode, key: string): Promise<void> {
  await ctx.clients.vbase.saveJSON(BUCKET, seenFile(carrier, key), { at: new Date().toISOString() })
}

export type RejectReason = Extract<PushVerdict, { ok: false }>['reason']

export interface PushHealth {
  lastPushAt: string | null
  accepted: number
  duplicates: number
  rejected: Record<RejectReason, number>
  lastRejectedAt: string | null
}

const emptyHealth = (): PushHealth => ({
  lastPushAt: null,
  accepted: 0,
  duplicates: 0,
  rejected: { missing_signature: 0, bad_signature: 0, stale: 0 },
  lastRejectedAt: null,
})

const healthFile = (carrier: CarrierCode): string => `health-${carrier}.json`

export async function readPushHealth(ctx: AppContext, carrier: CarrierCode): Promise<PushHealth | null> {
  const stored = await ctx.clients.vbase.getJSON<PushHealth | null>(BUCKET, healthFile(carrier), true)
  return stored ? { ...emptyHealth(), ...stored, rejected: { ...emptyHealth().rejected, ...stored.rejected } } : null
}

export async function notePush(
  ctx: AppContext,
  carrier: CarrierCode,
  outcome: { kind: 'accepted' | 'duplicate' } | { kind: 'rejected'; reason: RejectReason }
): Promise<void> {
  const health = (await readPushHealth(ctx, carrier)) ?? emptyHealth()
  const now = new Date().toISOString()
  if (outcome.kind === 'rejected') {
    health.rejected[outcome.reason] += 1
    health.lastRejectedAt = now
  } else {
    health.lastPushAt = now
    if (outcome.kind === 'accepted') health.accepted += 1
    else health.duplicates += 1
  }
  await ctx.clients.vbase.saveJSON(BUCKET, healthFile(carrier), health)
}
