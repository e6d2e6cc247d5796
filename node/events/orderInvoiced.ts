import { InvalidInputError } from '../errors'
import { ShipmentRegistry } from '../registry/shipmentRegistry'
import { checkShipments } from '../services/checkShipments'
import { claimShipments } from '../services/claims/shipmentClaims'
import { loadOrder, packageIds, registerShipments } from '../services/registerShipments'
import { loadSettings } from '../services/settings'
import { ensureSweepScheduledOccasionally } from '../services/sweepSchedule'
import type { AppEventContext } from '../typings/context'
import type { OrderStatusChangeBody } from '../typings/events'

/** Validates the orders-broadcast body; acknowledges events this app has nothing to do with. */
export async function parseOrderEvent(ctx: AppEventContext, next: () => Promise<void>): Promise<void> {
  const body = ctx.body as Partial<OrderStatusChangeBody> | null | undefined
  if (!body || typeof body.orderId !== 'string' || body.orderId.trim() === '') {
    throw new InvalidInputError(`malformed order event: ${JSON.stringify(body)?.slice(0, 200)}`)
  }
  if (typeof body.domain !== 'string' || typeof body.currentState !== 'string') {
    throw new InvalidInputError(`order event for ${body.orderId} lacks domain or currentState`)
  }
  // orders-broadcast sends a Marketplace and a Fulfillment copy of the same order: track one.
  if (body.domain === 'Marketplace') return
  if (body.currentState !== 'invoiced') return
  ctx.state.orderEvent = { ...body, orderId: body.orderId.trim() } as OrderStatusChangeBody
  await next()
}

/** First use after `vtex link` (no setup event): register the sweep. Never fails the event. */
export async function ensureScheduled(ctx: AppEventContext, next: () => Promise<void>): Promise<void> {
  await ensureSweepScheduledOccasionally(ctx).catch((error: unknown) =>
    ctx.vtex.logger.warn({ message: 'could not check the sweep schedule', error: String(error) })
  )
  await next()
}

/**
 * Registers the order's packages and checks the new ones at the carrier right away, all under one
 * claim: of several deliveries of the same event at the same moment, one does the work and the
 * others find the packages claimed and acknowledge.
 */
export async function registerAndCheck(ctx: AppEventContext): Promise<void> {
  const orderId = ctx.state.orderEvent?.orderId
  if (!orderId) throw new Error('parseOrderEvent must run first')
  const settings = await loadSettings(ctx)
  const order = await loadOrder(ctx, orderId)
  const claim = await claimShipments(ctx.clients.vbase, packageIds(order))
  try {
    // New packages are created with their first check: one Master Data write, not two.
    const outcome = await registerShipments(ctx, order, settings, claim, { deferNewTrackable: true })
    if (outcome.busy > 0)
      ctx.vtex.logger.info({ message: 'packages claimed by another worker', orderId, busy: outcome.busy })
    try {
      if (outcome.due.length === 0) return
      const summary = await checkShipments(ctx, settings, outcome.due, undefined, { claim, unsaved: outcome.unsaved })
      ctx.vtex.logger.info({ message: 'first check done', orderId, checked: summary.checked, errors: summary.errors })
    } finally {
      // What the first check did not save (deferred, refused, failed) is registered as it was, due
      // at once; a write that fails here fails the event, which VTEX delivers again.
      const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
      for (const record of outcome.unsaved.values()) await registry.put(record)
    }
  } finally {
    await claim.release()
  }
}
