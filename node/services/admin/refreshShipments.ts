import { ShipmentRegistry } from '../../registry/shipmentRegistry'
import type { ShipmentRecord, ShipmentState } from '../../tracking/shipment'
import { isWaitingState } from '../../tracking/shipment'
import type { TrackingStatus } from '../../tracking/status'
import type { AppContext } from '../../typings/context'
import { checkShipments } from '../checkShipments'
import { claimShipments } from '../claims/shipmentClaims'
import { mapLimit } from '../concurrency'
import { recheckWaiting } from '../recheckWaiting'
import { loadSettings } from '../settings'
import { AdminRequestError } from './adminErrors'
import type { AdminUser } from './adminAuth'
import { isShipmentId } from './shipmentDetail'

/** One call checks at most this many shipments (each may mean a carrier call and an order write). */
export const MAX_REFRESH = 50
const READ_CONCURRENCY = 10

export interface RefreshResult {
  /** Shipments checked at their carrier (or whose order was re-read) by this call. */
  refreshed: number
  results: Array<{ id: string; status: TrackingStatus | null; state: ShipmentState | null; error: string | null }>
}

/** Validates `{ ids: string[] }`: 1 to 50 registry ids. */
export function parseRefreshIds(body: unknown): string[] {
  const ids = (body as { ids?: unknown } | null)?.ids
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id): id is string => typeof id === 'string')) {
    throw new AdminRequestError('invalid_ids', 'send { "ids": [...] } with the shipment ids to refresh')
  }
  const unique = [...new Set(ids)]
  if (unique.length > MAX_REFRESH) {
    throw new AdminRequestError(
      'too_many_ids',
      `refresh at most ${MAX_REFRESH} shipments per call (got ${unique.length})`
    )
  }
  return unique
}

/**
 * "Refresh now": the same check the sweep makes (carrier call, order write when something
 * changed, reschedule), for the shipments the admin picked. Expired shipments get one more look
 * (a late delivery still lands on the order); finished ones are left alone.
 */
export async function refreshShipments(ctx: AppContext, ids: string[], admin: AdminUser): Promise<RefreshResult> {
  const settings = await loadSettings(ctx)
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  await registry.ensureSchema()
  const read = (): Promise<Array<ShipmentRecord | null>> =>
    mapLimit(ids, READ_CONCURRENCY, async (id) => (isShipmentId(id) ? registry.get(id) : null))
  const records = await read()
  const found = records.filter((r): r is ShipmentRecord => r !== null)
  const startedAt = new Date().toISOString()

  const waiting = found.filter((r) => isWaitingState(r.state))
  const trackable = found
    .filter((r) => r.state === 'active' || r.state === 'expired')
    .map((r) => ({ ...r, state: 'active' as const }))
  const nowTrackable = waiting.length > 0 ? await recheckWaiting(ctx, settings, waiting) : []
  const toCheck = [...trackable, ...nowTrackable]
  // The same claims as the sweep's: a shipment the sweep is checking right now is left to it.
  const claim = await claimShipments(
    ctx.clients.vbase,
    toCheck.map((r) => r.id)
  )
  const busy = new Set(toCheck.filter((r) => !claim.holds(r.id)).map((r) => r.id))
  try {
    await checkShipments(ctx, settings, toCheck, undefined, { claim })
  } finally {
    await claim.release()
  }
  ctx.vtex.logger.info({
    message: 'admin refreshed shipments',
    by: admin.email,
    ids: ids.length,
    checked: trackable.length,
  })

  const after = await read()
  return {
    refreshed: trackable.length + waiting.length,
    results: ids.map((id, i) =>
      busy.has(id)
        ? { id, status: after[i]?.status ?? null, state: after[i]?.state ?? null, error: 'being_checked' }
        : resultFor(id, records[i], after[i], startedAt)
    ),
  }
}

function resultFor(
  id: string,
  before: ShipmentRecord | null,
  after: ShipmentRecord | null,
  startedAt: string
): RefreshResult['results'][number] {
  const record = after ?? before
  if (record === null) return { id, status: null, state: null, error: 'not_found' }
  if (before?.state === 'done') return { id, status: record.status, state: record.state, error: 'already_final' }
  const failedNow = record.consecutiveErrors > 0 && (record.lastErrorAt ?? '') >= startedAt
  return {
    id,
    status: record.status,
    state: record.state,
    error: failedNow ? (record.lastErrorReason ?? 'error') : null,
  }
}
