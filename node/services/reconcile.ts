import { ShipmentRegistry } from '../registry/shipmentRegistry'
import type { AppSettings } from '../settings/appSettings'
import type { AppContext } from '../typings/context'
import { asPlatformError } from './platformErrors'
import { loadOrder, registerShipments } from './registerShipments'

const BUCKET = 'sweep'
const FILE = 'reconcile.json'
const EVERY_MS = 3600_000
/** First run looks this far back; later runs overlap the previous window to cover the list's indexing lag. */
const FIRST_LOOKBACK_MS = 2 * 24 * 3600_000
const OVERLAP_MS = 15 * 60_000
/** The list endpoint serves at most 30 pages; an hour of orders rarely needs more than a few. */
const MAX_PAGES = 5

interface ReconcileState {
  lastRunAt: string
}

/**
 * Catches invoiced orders whose broadcast event never arrived (delivery is at-least-once, not
 * exactly-once, and an app outage can outlast the retries): once an hour, lists recently invoiced
 * orders and registers any the registry does not know. Returns how many orders it registered.
 */
export async function reconcileRecentOrders(ctx: AppContext, settings: AppSettings, deadline: number): Promise<number> {
  const now = Date.now()
  const state = await ctx.clients.vbase.getJSON<ReconcileState | null>(BUCKET, FILE, true)
  const lastRun = state ? Date.parse(state.lastRunAt) : NaN
  if (Number.isFinite(lastRun) && now - lastRun < EVERY_MS) return 0

  const from = new Date(Number.isFinite(lastRun) ? lastRun - OVERLAP_MS : now - FIRST_LOOKBACK_MS).toISOString()
  const to = new Date(now).toISOString()
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  let registered = 0
  for (let page = 1; page <= MAX_PAGES && Date.now() < deadline; page++) {
    const list = await ctx.clients.oms.listInvoiced(from, to, page).catch((error: unknown) => {
      throw asPlatformError('oms', error)
    })
    for (const item of list.list) {
      if ((await registry.findByOrder(item.orderId)).length > 0) continue
      await registerShipments(ctx, await loadOrder(ctx, item.orderId), settings)
      registered += 1
      ctx.vtex.logger.warn({ message: 'registered an invoiced order whose event never arrived', orderId: item.orderId })
    }
    if (page >= list.paging.pages) break
  }
  await ctx.clients.vbase.saveJSON<ReconcileState>(BUCKET, FILE, { lastRunAt: to })
  return registered
}
