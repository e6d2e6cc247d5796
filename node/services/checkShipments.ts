import { carrierModule } from '../carriers'
import type { CarrierLimits } from '../carriers'
import type { CarrierCode, TrackingResult } from '../tracking/carrierResult'
import { ShipmentRegistry } from '../registry/shipmentRegistry'
import type { AppSettings } from '../settings/appSettings'
import type { ShipmentPatch, ShipmentRecord } from '../tracking/shipment'
import type { AppContext } from '../typings/context'
import { registerBatch, stopBatch, trackBatch } from './carrierGateway'
import { CarrierRunGate } from './checks/carrierRunGate'
import type { ThrottleLimits } from './checks/carrierThrottle'
import { acquireCarrierSlot } from './checks/carrierThrottle'
import type { PersistContext } from './checks/persistResult'
import { persistResult, recordFailures } from './checks/persistResult'
import type { CheckSummary } from './checks/summary'
import { emptySummary, messageOf } from './checks/summary'
import type { ClaimSet } from './claims/shipmentClaims'
import { claimShipments } from './claims/shipmentClaims'
import { isStale, mustVerifyOrder } from './claims/ledger'
import { chunk, mapLimit } from './concurrency'
import { timeLeft as realTimeLeft } from './budget'

export type { CarrierStats, CheckSummary } from './checks/summary'
export { emptySummary } from './checks/summary'

/** Shipments of one carrier answer written to OMS and Master Data in parallel (OMS allows 6000 req/min). */
const PERSIST_CONCURRENCY = 25
/** Batches of one carrier answer in flight per check run: calls overlap with the previous batch's writes. */
const BATCH_CONCURRENCY = 16
/** A carrier call never waits longer than this, whatever time is left. */
const MAX_CARRIER_WAIT_MS = 10_000
/**
 * A carrier call never starts with less time left than this: cut short by our own budget, it would
 * be recorded as the carrier's failure (and back the shipment off). It waits for the next run.
 */
const MIN_CALL_MS = 3_000
/**
 * Writing an answer never starts this long after the deadline: the request must end inside
 * service.json's timeout. An answer not written is not lost: the shipment stays due.
 */
const WRITE_GRACE_MS = 7_000

export interface CheckOptions {
  /** Claims the caller already holds (registration claims before it writes); else claimed here. */
  claim?: ClaimSet
  /** Epoch ms after which no carrier call starts and running ones are abandoned. */
  deadline?: number
  /** Sweep: a shipment someone else checked since it was read, and is no longer due, is skipped. */
  onlyDue?: boolean
  /**
   * Records registration has not written yet (registerShipments' `deferNewTrackable`): a check
   * creates the document with its result; saved ones are removed from the map, the caller writes
   * the rest.
   */
  unsaved?: Map<string, ShipmentRecord>
  /** Saved with every check of this run (a webhook's `lastPushAt`). */
  extra?: ShipmentPatch
  /** Collects the ids of shipments the time budget left unchecked (still due). */
  deferredIds?: string[]
}

/**
 * Checks shipments at their carriers and writes what changed to the orders. Shared by the
 * invoiced-event handler (first check), the sweep and the admin's "check now". Every shipment is
 * claimed first, so no two workers check it at once; claims are renewed while work goes on and
 * released only when all of it has settled. Never throws for one shipment's problem: each failure
 * is recorded on that shipment with a back-off.
 */
export async function checkShipments(
  ctx: AppContext,
  settings: AppSettings,
  records: readonly ShipmentRecord[],
  summary: CheckSummary = emptySummary(),
  options: CheckOptions = {}
): Promise<CheckSummary> {
  const trackable = records.filter((r) => r.state === 'active' && r.carrier !== null && r.trackingNumber !== null)
  if (trackable.length === 0) return summary
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  const claim =
    options.claim ??
    (await claimShipments(
      ctx.clients.vbase,
      trackable.map((r) => r.id)
    ))
  const stopRenewing = claim.keepAlive((error) =>
    ctx.vtex.logger.warn({ message: 'could not renew shipment claims', error: messageOf(error) })
  )
  const unsaved = options.unsaved
  const save = async (record: ShipmentRecord, patch: ShipmentPatch): Promise<void> => {
    const created = unsaved?.get(record.id)
    if (created === undefined) return registry.patch(record.id, patch)
    await registry.put({ ...created, ...patch })
    unsaved?.delete(record.id)
  }
  const pc: PersistContext = { ctx, settings, summary, claim, save }
  try {
    const mine = await freshCopies(registry, claim, trackable, options.onlyDue === true)
    summary.busy += trackable.length - mine.length
    const byCarrier = groupByCarrier(mine)
    // allSettled: a failing carrier never releases the claims while another is still writing.
    await Promise.allSettled([...byCarrier].map(([carrier, group]) => checkCarrier(pc, claim, carrier, group, options)))
  } finally {
    stopRenewing()
    if (!options.claim) {
      await claim
        .release()
        .catch((error: unknown) =>
          ctx.vtex.logger.warn({ message: 'could not release shipment claims', error: messageOf(error) })
        )
    }
  }
  return summary
}

/**
 * The claimed records, re-read where someone released them after this copy was read (their
 * stamp is newer): checking an old copy would write the same tracking to the order again.
 */
async function freshCopies(
  registry: ShipmentRegistry,
  claim: ClaimSet,
  records: readonly ShipmentRecord[],
  onlyDue: boolean
): Promise<ShipmentRecord[]> {
  const held = records.filter((r) => claim.holds(r.id))
  const fresh = await mapLimit(held, 8, async (record) => {
    const origin = claim.origins.get(record.id)
    if (!origin || !isStale(origin, record.lastCheckedAt)) return record
    const current = await registry.get(record.id)
    if (!current || current.state !== 'active') return null
    if (onlyDue && current.nextCheckAt !== null && current.nextCheckAt > new Date().toISOString()) return null
    return current
  })
  return fresh.filter((r): r is ShipmentRecord => r !== null)
}

async function checkCarrier(
  pc: PersistContext,
  claim: ClaimSet,
  carrier: CarrierCode,
  records: ShipmentRecord[],
  { deadline, extra, deferredIds }: CheckOptions
): Promise<void> {
  const stats = (pc.summary.carriers[carrier] ??= { checked: 0, errors: 0 })
  const gate = new CarrierRunGate()
  const { limits } = carrierModule(carrier)
  const batches = chunk(records, limits.batchSize)

  const throttle = throttleLimits(limits, pc.settings.carrierRequestsPerSecond)
  await mapLimit(batches, BATCH_CONCURRENCY, async (batch) => {
    const lastStart = deadline === undefined ? undefined : deadline - MIN_CALL_MS
    const slot = await acquireCarrierSlot(`${pc.ctx.vtex.account}:${carrier}`, throttle, lastStart)
    const timeLeft = deadline === undefined ? MAX_CARRIER_WAIT_MS : realTimeLeft(deadline)
    if (slot === null || (deadline !== undefined && timeLeft < MIN_CALL_MS)) {
      slot?.()
      defer(pc.summary, deferredIds, batch)
      return
    }
    if (gate.closedBy) {
      slot()
      stats.skippedBecause = gate.closedBy.reason
      return recordFailures(pc, batch, gate.closedBy, stats)
    }
    let results: TrackingResult[]
    try {
      // Aggregators learn a number before they are first asked about it (and again while it is
      // unknown to them); "already tracked" is success.
      const unregistered = batch.filter((r) => r.checkCount === 0 || r.status === 'PENDING')
      await registerBatch(
        pc.ctx,
        pc.settings,
        carrier,
        unregistered.map((r) => r.trackingNumber ?? ''),
        unregistered.map((r) => r.courierName)
      )
      results = await trackBatch(
        pc.ctx,
        pc.settings,
        carrier,
        batch.map((r) => r.trackingNumber ?? ''),
        { timeoutMs: Math.min(MAX_CARRIER_WAIT_MS, timeLeft) }
      )
      gate.succeeded()
    } catch (error) {
      gate.failed(error)
      return recordFailures(pc, batch, error, stats)
    } finally {
      // The slot is the carrier's, not ours: free it before writing, so the next call starts now.
      slot()
    }
    stats.lastSuccessAt = new Date().toISOString()
    const ended: string[] = []
    // Order writes and registry updates are independent per shipment: overlap them.
    await mapLimit([...batch.entries()], PERSIST_CONCURRENCY, async ([index, record]) => {
      if (deadline !== undefined && realTimeLeft(deadline) < -WRITE_GRACE_MS) {
        defer(pc.summary, deferredIds, [record])
        return
      }
      // A claim lost meanwhile (renewal failed past its expiry): someone else owns it now.
      if (!claim.holds(record.id)) {
        pc.summary.busy += 1
        return
      }
      const saved = await persistResult(
        pc,
        record,
        results[index],
        mustVerifyOrder(claim.origins.get(record.id)),
        extra
      )
      if (saved && saved.state !== 'active' && record.trackingNumber !== null) ended.push(record.trackingNumber)
      stats.checked += 1
    })
    await stopBatch(pc.ctx, pc.settings, carrier, ended)
  })
}

function defer(summary: CheckSummary, ids: string[] | undefined, records: readonly ShipmentRecord[]): void {
  summary.deferred += records.length
  ids?.push(...records.map((r) => r.id))
}

/**
 * Carrier requests in flight and started per second, per carrier and replica, shared by every
 * batch this replica runs: the carrier module's limits, unless settings.carrierRequestsPerSecond
 * sets the rate.
 */
function throttleLimits(limits: CarrierLimits, perSecond: number | undefined): ThrottleLimits {
  return { inFlight: limits.concurrency, perSecond: perSecond ?? limits.requestsPerSecond }
}

function groupByCarrier(records: readonly ShipmentRecord[]): Map<CarrierCode, ShipmentRecord[]> {
  const groups = new Map<CarrierCode, ShipmentRecord[]>()
  for (const record of records) {
    if (record.carrier === null) continue
    const group = groups.get(record.carrier) ?? []
    group.push(record)
    groups.set(record.carrier, group)
  }
  return groups
}
