import { ShipmentRegistry, quote } from '../../registry/shipmentRegistry'
import { attentionCutoffs } from '../../tracking/attention'
import type { TrackingStatus } from '../../tracking/status'
import { TRACKING_STATUSES } from '../../tracking/status'
import type { AppContext } from '../../typings/context'
import { mapLimit } from '../concurrency'
import { loadSettings } from '../settings'
import type { CarrierDeliveryTimes, CarrierOnTime } from './carrierMetrics'
import { deliveryTimesByCarrier, onTimeByCarrier } from './carrierMetrics'
import { and } from './shipmentQuery'
import { atOrAfter } from '../../registry/whereBounds'
import { startOfLocalDay } from '../../tracking/businessDays'
import { localParts } from '../../tracking/localTime'
import { loadStoreTimeZone } from '../storeCalendar'

export const CHART_DAYS = 30
const DAY = 24 * 3600_000
/** Count queries in flight at once (Master Data throttles per account). */
const COUNT_CONCURRENCY = 16

export interface Charts {
  /** Shipments invoiced on each of the last 30 days of the store's time zone (today included), by current status. */
  days: Array<{ date: string; byStatus: Partial<Record<TrackingStatus, number>> }>
  /**
   * Per carrier, over shipments invoiced in the same 30 days: on time / (delivered with a promise
   * + overdue still undelivered + expired). Late parcels that never arrive count against the rate.
   */
  onTime: CarrierOnTime[]
  /** Per carrier, same 30 days: days from invoice to delivery (average, 90th percentile). */
  deliveryTimes: CarrierDeliveryTimes[]
  /** The store's IANA zone the days are counted in. */
  timeZone: string
}

const CACHE_BUCKET = 'admin'
const CACHE_FILE = 'charts-v3.json'
/** 30-day trends do not need to be live: recomputing them costs a few hundred counts. */
const CACHE_TTL_MS = 15 * 60_000

/** The charts, from a VBase copy younger than 15 minutes when there is one. */
export async function chartsCached(ctx: AppContext): Promise<Charts & { computedAt: string }> {
  const cached = await ctx.clients.vbase
    .getJSON<(Charts & { computedAt: string }) | null>(CACHE_BUCKET, CACHE_FILE, true)
    .catch(() => null)
  const timeZone = await loadStoreTimeZone(ctx, await loadSettings(ctx))
  const fresh = cached?.timeZone === timeZone && Date.now() - Date.parse(cached.computedAt) < CACHE_TTL_MS
  if (cached && fresh) return cached
  const built = { ...(await buildCharts(ctx, timeZone)), computedAt: new Date().toISOString() }
  await ctx.clients.vbase.saveJSON(CACHE_BUCKET, CACHE_FILE, built).catch((error: unknown) => {
    ctx.vtex.logger.warn({ message: 'could not cache the admin charts', error: String(error) })
  })
  return built
}

export async function buildCharts(ctx: AppContext, timeZone: string): Promise<Charts> {
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  await registry.ensureSchema()
  const days = lastDays(Date.now(), CHART_DAYS, timeZone)
  const window = atOrAfter('invoicedAt', localMidnight(days[0], timeZone))
  const settings = await loadSettings(ctx)
  const cutoffs = attentionCutoffs(Date.now(), settings.stuckAfterHours, timeZone)
  const [byDay, onTime, times] = await Promise.all([
    statusByDay(registry, days, timeZone),
    onTimeByCarrier(registry, window, cutoffs),
    deliveryTimesByCarrier(registry, window),
  ])
  return { days: byDay, onTime, deliveryTimes: times, timeZone }
}

/** Oldest first, YYYY-MM-DD dates of the store's time zone, today last. */
export function lastDays(now: number, count: number, timeZone = 'UTC'): string[] {
  const today = Date.parse(`${localParts(now, timeZone).date}T00:00:00.000Z`)
  return Array.from({ length: count }, (_, i) => new Date(today - (count - 1 - i) * DAY).toISOString().slice(0, 10))
}

const localMidnight = (day: string, timeZone: string): string => new Date(startOfLocalDay(day, timeZone)).toISOString()

/**
 * Day × status counts without reading documents: each day's total, which statuses exist at all
 * (cheap: one equality each), then only the cells that can be non-zero. The most common status
 * of a day is its total minus the others, so the largest column costs nothing.
 */
async function statusByDay(registry: ShipmentRegistry, days: string[], timeZone: string): Promise<Charts['days']> {
  const dayWhere = (day: string): string => dayClause(day, timeZone)
  const count = (where: string | undefined): Promise<number> => registry.count(where)
  const [statusTotals, dayTotals] = await Promise.all([
    mapLimit(TRACKING_STATUSES, COUNT_CONCURRENCY, (status) => count(`status=${quote(status)}`)),
    mapLimit(days, COUNT_CONCURRENCY, (day) => count(dayWhere(day))),
  ])
  // Present statuses, least common first: the last one is inferred.
  const present = TRACKING_STATUSES.map((status, i) => ({ status, total: statusTotals[i] }))
    .filter(({ total }) => total > 0)
    .sort((a, b) => a.total - b.total)
    .map(({ status }) => status)
  const inferred = present[present.length - 1]
  const cells = days.flatMap((day, d) =>
    dayTotals[d] === 0 ? [] : present.slice(0, -1).map((status) => ({ day, status }))
  )
  const cellCounts = await mapLimit(cells, COUNT_CONCURRENCY, ({ day, status }) =>
    count(and([dayWhere(day), `status=${quote(status)}`]))
  )
  const byDay = new Map<string, Partial<Record<TrackingStatus, number>>>()
  cells.forEach(({ day, status }, i) => {
    const row = byDay.get(day) ?? {}
    if (cellCounts[i] > 0) row[status] = cellCounts[i]
    byDay.set(day, row)
  })
  return days.map((date, d) => {
    const counted = byDay.get(date) ?? {}
    const rest = dayTotals[d] - Object.values(counted).reduce((sum, n) => sum + (n ?? 0), 0)
    const byStatus: Partial<Record<TrackingStatus, number>> = {}
    // Canonical status order in every row, whatever order the counts came in.
    for (const status of TRACKING_STATUSES) {
      const n = status === inferred ? rest : counted[status]
      if (n !== undefined && n > 0) byStatus[status] = n
    }
    return { date, byStatus }
  })
}

/** Invoiced on a day of the store: from its midnight to the next one (23 or 25 hours on DST days). */
const dayClause = (day: string, timeZone: string): string => {
  const next = new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY).toISOString().slice(0, 10)
  return `${atOrAfter('invoicedAt', localMidnight(day, timeZone))} AND invoicedAt<${localMidnight(next, timeZone)}`
}
