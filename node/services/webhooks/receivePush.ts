import { carrierModule, isCarrierCode } from '../../carriers'
import type { PushedUpdate, PushRequest } from '../../carriers/shared/module'
import { ShipmentRegistry, quote } from '../../registry/shipmentRegistry'
import type { AppSettings } from '../../settings/appSettings'
import type { CarrierCode } from '../../tracking/carrierResult'
import type { ShipmentRecord } from '../../tracking/shipment'
import { normalizeTrackingNumber } from '../../tracking/trackingNumber'
import type { AppContext } from '../../typings/context'
import { stopBatch } from '../carrierGateway'
import { checkShipments } from '../checkShipments'
import type { PersistContext } from '../checks/persistResult'
import { persistResult } from '../checks/persistResult'
import { emptySummary } from '../checks/summary'
import { isStale, mustVerifyOrder } from '../claims/ledger'
import { claimShipments } from '../claims/shipmentClaims'
import { CHECK_BATCH_EVENT } from '../fanout/checkBatch'
import type { CheckBatch } from '../fanout/checkBatch'
import { loadSettings } from '../settings'
import { deliveryKey, markApplied, notePush, wasApplied, webhookSecret } from './pushLedger'

/** A delivery sent longer ago than this is refused as stale (AfterShip retries for about 68 hours). */
export const MAX_PUSH_AGE_MS = 7 * 24 * 3600_000
/** Clocks differ a little; a send time further in the future than this is not believed. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000
/** A busy shipment's follow-up check event covers the push fallback delay (12 h) and its jitter. */
const FOLLOW_UP_WINDOW_MS = 13 * 3600_000

export interface PushAnswer {
  status: 200 | 401 | 404
  body: Record<string, unknown>
}

/**
 * One webhook delivery, end to end: the signature is checked over the raw bytes before anything is
 * parsed; a delivery already applied (same event id, or the same body) changes nothing; each
 * update goes through the same claim and write path as polling (persistResult), so a push and a
 * poll of the same shipment never write at once, and an update the order already shows is not
 * written again. A shipment another worker holds at that moment gets a check event instead: the
 * news reaches the order one event later.
 */
export async function receivePush(ctx: AppContext, code: string, request: PushRequest): Promise<PushAnswer> {
  const module = isCarrierCode(code) ? carrierModule(code) : undefined
  if (!module?.push) return { status: 404, body: { error: 'unknown_webhook' } }
  const settings = await loadSettings(ctx)
  const section = settings.carriers[code]
  if (!section) return { status: 404, body: { error: 'carrier_not_configured' } }

  const verdict = module.push.verify(request, section, await webhookSecret(ctx))
  if (!verdict.ok) return reject(ctx, code, verdict.reason)

  const updates = module.push.parse(request.rawBody)
  const now = Date.now()
  const stale = updates.some((u) => u.sentAt !== undefined && !isFresh(Date.parse(u.sentAt), now))
  if (stale) return reject(ctx, code, 'stale')

  const eventIds = [...new Set(updates.map((u) => u.eventId).filter((id): id is string => id !== undefined))]
  const key = deliveryKey(eventIds.length === 1 ? eventIds[0] : undefined, request.rawBody)
  if (await wasApplied(ctx, code, key)) {
    await notePush(ctx, code, { kind: 'duplicate' })
    ctx.vtex.logger.info({ message: 'webhook replay ignored', carrier: code })
    return { status: 200, body: { duplicate: true, applied: 0 } }
  }
  const outcome = await applyUpdates(ctx, settings, code, updates, module.push.partial === true)
  await markApplied(ctx, code, key)
  await notePush(ctx, code, { kind: 'accepted' })
  ctx.vtex.logger.info({ message: 'webhook applied', carrier: code, updates: updates.length, ...outcome })
  return { status: 200, body: { duplicate: false, ...outcome } }
}

const isFresh = (sentAt: number, now: number): boolean =>
  Number.isFinite(sentAt) && sentAt >= now - MAX_PUSH_AGE_MS && sentAt <= now + MAX_CLOCK_SKEW_MS

async function reject(
  ctx: AppContext,
  carrier: CarrierCode,
  reason: 'missing_signature' | 'bad_signature' | 'stale'
): Promise<PushAnswer> {
  // Never the body, the header or the secret: only that it failed and why.
  ctx.vtex.logger.warn({ message: 'webhook refused', carrier, reason })
  await notePush(ctx, carrier, { kind: 'rejected', reason })
  return { status: 401, body: { error: reason } }
}

interface ApplyOutcome {
  applied: number
  unknown: number
  deferred: number
}

async function applyUpdates(
  ctx: AppContext,
  settings: AppSettings,
  carrier: CarrierCode,
  updates: readonly PushedUpdate[],
  partial: boolean
): Promise<ApplyOutcome> {
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  const targets: Array<{ record: ShipmentRecord; update: PushedUpdate }> = []
  let unknown = 0
  for (const update of updates) {
    const number = normalizeTrackingNumber(update.trackingNumber)
    if (number === null || update.result.carrier !== carrier) {
      unknown += 1
      continue
    }
    const page = await registry.search({
      where: `trackingNumber=${quote(number)} AND carrier=${quote(carrier)} AND state="active"`,
      page: 1,
      pageSize: 20,
    })
    if (page.items.length === 0) unknown += 1
    for (const record of page.items) targets.push({ record, update })
  }
  if (targets.length === 0) return { applied: 0, unknown, deferred: 0 }

  const claim = await claimShipments(
    ctx.clients.vbase,
    targets.map((t) => t.record.id)
  )
  const pc: PersistContext = {
    ctx,
    settings,
    summary: emptySummary(),
    claim,
    save: (record, patch) => registry.patch(record.id, patch),
  }
  const busy: ShipmentRecord[] = []
  const toCheck: ShipmentRecord[] = []
  const ended: string[] = []
  let applied = 0
  const pushedAt = new Date().toISOString()
  try {
    for (const { record: read, update } of targets) {
      if (!claim.holds(read.id)) {
        busy.push(read)
        continue
      }
      const origin = claim.origins.get(read.id)
      // Released by someone after it was read: act on the fresh copy.
      const record = origin && isStale(origin, read.lastCheckedAt) ? await registry.get(read.id) : read
      if (!record || record.state !== 'active') continue
      if (partial) {
        toCheck.push(record)
        continue
      }
      const result = { ...update.result, trackingNumber: record.trackingNumber ?? update.result.trackingNumber }
      const saved = await persistResult(pc, record, result, mustVerifyOrder(origin), { lastPushAt: pushedAt })
      if (saved) applied += 1
      if (saved && saved.state !== 'active' && record.trackingNumber !== null) ended.push(record.trackingNumber)
    }
    if (toCheck.length > 0) {
      // Partial news: the carrier's whole history is read now, under the claim already held.
      const summary = await checkShipments(ctx, settings, toCheck, undefined, {
        claim,
        extra: { lastPushAt: pushedAt },
      })
      applied += summary.checked
    }
  } finally {
    await claim
      .release()
      .catch((error: unknown) =>
        ctx.vtex.logger.warn({ message: 'could not release shipment claims', error: String(error) })
      )
  }
  await stopBatch(ctx, settings, carrier, ended)
  if (busy.length > 0) {
    const batch: CheckBatch = {
      carrier,
      shipments: busy.map((r) => ({ id: r.id, orderId: r.orderId })),
      dueBefore: new Date(Date.now() + FOLLOW_UP_WINDOW_MS).toISOString(),
    }
    await ctx.clients.events.sendEvent('', CHECK_BATCH_EVENT, batch)
  }
  return { applied, unknown, deferred: busy.length }
}
