import { InvalidInputError } from '../errors'
import { ShipmentRegistry } from '../registry/shipmentRegistry'
import { checkShipments } from '../services/checkShipments'
import type { CheckBatch } from '../services/fanout/checkBatch'
import { CHECK_BATCH_EVENT, MAX_REQUEUES, parseCheckBatch } from '../services/fanout/checkBatch'
import { recheckWaiting } from '../services/recheckWaiting'
import { isWaitingState } from '../tracking/shipment'
import { loadSettings } from '../services/settings'
import type { AppEventContext } from '../typings/context'
import { deadlineIn } from '../services/budget'

/** One batch never runs longer than this: whatever is left stays due for the next sweep. */
const BATCH_BUDGET_MS = 15_000

/** Validates the batch the sweep fired; a malformed one can never succeed and is acknowledged. */
export async function parseBatchEvent(ctx: AppEventContext, next: () => Promise<void>): Promise<void> {
  try {
    ctx.state.checkBatch = parseCheckBatch(ctx.body)
  } catch (error) {
    throw new InvalidInputError(error instanceof Error ? error.message : String(error))
  }
  await next()
}

/**
 * Checks one batch: the records are read fresh (one search), those rescheduled since the sweep
 * fired them are skipped, waiting ones have their order re-read, and the rest go through the same
 * claimed check as every other path. A redelivered batch finds everything already checked.
 */
export async function checkBatch(ctx: AppEventContext): Promise<void> {
  const batch = ctx.state.checkBatch
  if (!batch) throw new Error('parseBatchEvent must run first')
  const deadline = deadlineIn(BATCH_BUDGET_MS)
  const settings = await loadSettings(ctx)
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  const records = await registry.getMany(batch.shipments)
  const due = records.filter((r) => r.nextCheckAt !== null && r.nextCheckAt <= batch.dueBefore)
  const waiting = due.filter((r) => isWaitingState(r.state))
  const active = due.filter((r) => r.state === 'active')
  const nowTrackable = waiting.length > 0 ? await recheckWaiting(ctx, settings, waiting, deadline) : []
  const deferredIds: string[] = []
  const summary = await checkShipments(ctx, settings, [...active, ...nowTrackable], undefined, {
    deadline,
    onlyDue: true,
    deferredIds,
  })
  const requeued = await handOn(ctx, batch, deferredIds)
  ctx.vtex.logger.info({
    message: 'check batch done',
    carrier: batch.carrier,
    size: batch.shipments.length,
    due: due.length,
    checked: summary.checked,
    changed: summary.changed,
    busy: summary.busy,
    deferred: summary.deferred,
    requeued,
    errors: summary.errors,
  })
}

/**
 * What the time budget left unchecked goes back to the event queue at once, behind what is
 * already there, instead of waiting for the sweep's redispatch (ten minutes). A carrier that
 * answers one number per call (UPS) leaves some of every batch when batches queue for it.
 */
async function handOn(ctx: AppEventContext, batch: CheckBatch, deferredIds: readonly string[]): Promise<number> {
  const requeues = batch.requeues ?? 0
  if (deferredIds.length === 0 || requeues >= MAX_REQUEUES) return 0
  const left = new Set(deferredIds)
  const next: CheckBatch = {
    ...batch,
    shipments: batch.shipments.filter((s) => left.has(s.id)),
    requeues: requeues + 1,
  }
  await ctx.clients.events.sendEvent('', CHECK_BATCH_EVENT, next)
  return next.shipments.length
}
