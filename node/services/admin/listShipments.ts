import { ShipmentRegistry } from '../../registry/shipmentRegistry'
import { attentionCutoffs } from '../../tracking/attention'
import type { AppContext } from '../../typings/context'
import { loadSettings } from '../settings'
import type { ListQuery } from './shipmentQuery'
import { maxPageFor, sortFor, whereFor } from './shipmentQuery'
import type { ShipmentSummary } from './shipmentViews'
import { SUMMARY_FIELDS, toSummary } from './shipmentViews'
import { loadStoreTimeZone } from '../storeCalendar'

export interface ShipmentPageView {
  items: ShipmentSummary[]
  total: number
  page: number
  pageSize: number
  maxPage: number
}

/** One page of the shipments table: one indexed search (filter + sort) that also returns the total. */
export async function listShipments(ctx: AppContext, query: ListQuery): Promise<ShipmentPageView> {
  const settings = await loadSettings(ctx)
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  await registry.ensureSchema()
  const cutoffs = attentionCutoffs(Date.now(), settings.stuckAfterHours, await loadStoreTimeZone(ctx, settings))
  const result = await registry.search({
    where: whereFor(query.filter, cutoffs),
    sort: sortFor(query.sort, query.dir),
    page: query.page,
    pageSize: query.pageSize,
    fields: SUMMARY_FIELDS,
  })
  return {
    items: result.items.map((record) => toSummary(record, cutoffs)),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
    maxPage: maxPageFor(result.total, query.pageSize),
  }
}
