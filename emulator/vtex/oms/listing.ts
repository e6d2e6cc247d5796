/**
 * List orders (`GET /api/oms/pvt/orders`, operationId ListOrders): query parsing with the
 * documented limits, and the documented list item / stats shapes.
 */
import type { ListOrdersQuery, OrderDocument } from './types'
import { OmsError } from './types'

export const MAX_PAGE = 30
export const MAX_PER_PAGE = 100
export const DEFAULT_PER_PAGE = 15

/** Inclusive bounds in epoch milliseconds; `*` leaves a side open (Solr range syntax). */
export interface DateRange {
  from?: number
  to?: number
}

export interface ParsedListQuery {
  statuses: string[]
  creation?: DateRange
  invoiced?: DateRange
  page: number
  perPage: number
  /** A column of `oms_orders` and a direction, safe to put in SQL (whitelisted). */
  orderBy: { column: string; direction: 'ASC' | 'DESC' }
}

const ORDER_BY_COLUMNS: Record<string, string> = {
  creationDate: 'creation_date',
  orderId: 'order_id',
  items: 'total_items',
  totalValue: 'total_value',
  origin: 'origin',
}

export function parseListQuery(query: ListOrdersQuery): ParsedListQuery {
  const page = positiveInteger('page', query.page, 1)
  const perPage = positiveInteger('per_page', query.per_page, DEFAULT_PER_PAGE)
  // Stricter than clamping: an app asking for more than VTEX serves should find out locally.
  if (page > MAX_PAGE) {
    throw new OmsError(400, `page ${page} is beyond the limit of ${MAX_PAGE} pages; narrow the filters instead`)
  }
  if (perPage > MAX_PER_PAGE) throw new OmsError(400, `per_page ${perPage} is above the maximum of ${MAX_PER_PAGE}`)
  return {
    statuses: (query.f_status ?? '')
      .split(',')
      .map((status) => status.trim())
      .filter(Boolean),
    creation: parseRange('f_creationDate', 'creationDate', query.f_creationDate),
    invoiced: parseRange('f_invoicedDate', 'invoicedDate', query.f_invoicedDate),
    page,
    perPage,
    orderBy: parseOrderBy(query.orderBy),
  }
}

function positiveInteger(name: string, value: number | string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const number = typeof value === 'number' ? value : Number(value)
  if (!Number.isInteger(number) || number < 1) throw new OmsError(400, `${name} must be a positive integer`)
  return number
}

/** `creationDate:[2022-01-01T02:00:00.000Z TO 2022-01-02T01:59:59.999Z]`, the documented form. */
export function parseRange(param: string, field: string, value: string | undefined): DateRange | undefined {
  if (value === undefined || value === '') return undefined
  const match = new RegExp(`^${field}:\\[\\s*(\\S+)\\s+TO\\s+(\\S+)\\s*\\]$`).exec(value.trim())
  if (!match) {
    throw new OmsError(400, `${param} must look like ${field}:[2022-01-01T02:00:00.000Z TO 2022-01-02T01:59:59.999Z]`)
  }
  const bound = (text: string): number | undefined => {
    if (text === '*') return undefined
    const ms = Date.parse(text)
    if (Number.isNaN(ms)) throw new OmsError(400, `${param}: '${text}' is not a date`)
    return ms
  }
  return { from: bound(match[1]), to: bound(match[2]) }
}

function parseOrderBy(value: string | undefined): ParsedListQuery['orderBy'] {
  if (!value) return { column: 'creation_date', direction: 'DESC' }
  const [field, direction = 'asc'] = value.split(',').map((part) => part.trim())
  const column = ORDER_BY_COLUMNS[field]
  if (!column || !['asc', 'desc'].includes(direction.toLowerCase())) {
    throw new OmsError(
      400,
      `orderBy must be {field},{asc|desc} with field one of ${Object.keys(ORDER_BY_COLUMNS).join(', ')}`
    )
  }
  return { column, direction: direction.toLowerCase() === 'desc' ? 'DESC' : 'ASC' }
}

export const itemCount = (order: OrderDocument): number => order.items.reduce((sum, item) => sum + item.quantity, 0)

/** The ListOrders `list[]` entry (no `items` since 2018, as the spec says). */
export function toListItem(order: OrderDocument): Record<string, unknown> {
  const estimates = order.shippingData.logisticsInfo
    .map((info) => info.shippingEstimateDate)
    .filter((date): date is string => date !== undefined)
    .sort()
  const profile = order.clientProfileData
  return {
    orderId: order.orderId,
    creationDate: order.creationDate,
    clientName: `${profile.firstName} ${profile.lastName}`,
    items: null,
    totalValue: order.value,
    paymentNames: order.paymentData.transactions
      .flatMap((transaction) => transaction.payments.map((payment) => payment.paymentSystemName))
      .join(', '),
    status: order.status,
    statusDescription: order.statusDescription,
    marketPlaceOrderId: order.marketplaceOrderId || null,
    sequence: order.sequence,
    salesChannel: '1',
    affiliateId: '',
    origin: order.origin,
    workflowInErrorState: false,
    workflowInRetry: false,
    lastMessageUnread: null,
    ShippingEstimatedDate: estimates[estimates.length - 1] ?? null,
    ShippingEstimatedDateMax: estimates[estimates.length - 1] ?? null,
    ShippingEstimatedDateMin: estimates[0] ?? null,
    orderIsComplete: true,
    listId: null,
    listType: null,
    authorizedDate: typeof order.authorizedDate === 'string' ? order.authorizedDate : null,
    callCenterOperatorName: null,
    totalItems: itemCount(order),
    currencyCode: order.storePreferencesData.currencyCode,
  }
}

export interface StatRow {
  value: number
  items: number
  origin: string
  currency: string
}

interface StatBlock {
  Count: number
  Max: number
  Mean: number
  Min: number
  Missing: number
  StdDev: number
  Sum: number
  SumOfSquares: number
  Facets: unknown
}

function statBlock(values: number[], facets: unknown = null): StatBlock {
  const count = values.length
  const sum = values.reduce((total, value) => total + value, 0)
  const sumOfSquares = values.reduce((total, value) => total + value * value, 0)
  const mean = count ? sum / count : 0
  const variance = count > 1 ? (sumOfSquares - count * mean * mean) / (count - 1) : 0
  return {
    Count: count,
    Max: count ? Math.max(...values) : 0,
    Mean: round(mean),
    Min: count ? Math.min(...values) : 0,
    Missing: 0,
    StdDev: round(Math.sqrt(Math.max(variance, 0))),
    Sum: sum,
    SumOfSquares: sumOfSquares,
    Facets: facets,
  }
}

const round = (value: number): number => Math.round(value * 100) / 100

/** Solr-style stats faceted by origin and currency; the spec requires the BRL facet even when empty. */
export function buildStats(rows: StatRow[]): Record<string, unknown> {
  const facetsFor = (pick: (row: StatRow) => number): Record<string, unknown> => {
    const origin: Record<string, StatBlock> = {}
    for (const name of ['Fulfillment', 'Marketplace']) {
      origin[name] = statBlock(rows.filter((row) => row.origin === name).map(pick))
    }
    const currencyCode: Record<string, StatBlock> = {}
    for (const code of new Set(['BRL', ...rows.map((row) => row.currency)])) {
      currencyCode[code] = statBlock(rows.filter((row) => row.currency === code).map(pick))
    }
    return { origin, currencyCode }
  }
  const itemFacets = facetsFor((row) => row.items) as { origin: Record<string, StatBlock> }
  // The spec types totalItems' Fulfillment Mean/StdDev as integers (unlike every other block).
  const fulfillment = itemFacets.origin.Fulfillment
  fulfillment.Mean = Math.round(fulfillment.Mean)
  fulfillment.StdDev = Math.round(fulfillment.StdDev)
  return {
    stats: {
      totalValue: statBlock(
        rows.map((row) => row.value),
        facetsFor((row) => row.value)
      ),
      totalItems: statBlock(
        rows.map((row) => row.items),
        itemFacets
      ),
    },
  }
}
