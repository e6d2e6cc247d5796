import { CARRIER_CODES, isCarrierCode } from '../../carriers'
import type { CarrierCode } from '../../tracking/carrierResult'
import { MAX_PAGE_SIZE, quote } from '../../registry/shipmentRegistry'
import type { AttentionCutoffs } from '../../tracking/attention'
import { EXCEPTION_STATUSES, NOT_PICKED_UP_STATUSES } from '../../tracking/attention'
import type { IncidentKind } from '../../tracking/incidents'
import { ACK_FIELDS } from '../../tracking/incidents'
import { SHIPMENT_STATES } from '../../tracking/shipment'
import type { TrackingStatus } from '../../tracking/status'
import { TRACKING_STATUSES } from '../../tracking/status'
import { normalizeTrackingNumber } from '../../tracking/trackingNumber'
import { AdminRequestError } from './adminErrors'
import { atOrAfter } from '../../registry/whereBounds'
import { startOfLocalDay } from '../../tracking/businessDays'

/**
 * Admin filters → Master Data `_where` / `_sort` on the registry's indexed fields only (the real
 * API answers 400 for anything else). Attention views use the cutoffs of tracking/attention.ts,
 * the same ones the row flags use.
 */

export const VIEWS = [
  'overdue',
  'stuck',
  'neverPickedUp',
  'attempts',
  'exceptions',
  'returned',
  'failing',
  'expired',
  'awaiting',
  'unresolved',
] as const
export type AttentionView = (typeof VIEWS)[number]

export const SORT_FIELDS = ['invoicedAt', 'lastEventAt', 'promisedDelivery', 'status'] as const
export type SortField = (typeof SORT_FIELDS)[number]
export type SortDirection = 'asc' | 'desc'

/** Master Data search reaches only the first 10,000 matches by paging (scroll is for exports). */
export const SEARCH_WINDOW = 10_000
export const DEFAULT_PAGE_SIZE = 25

/** `carrier=none`: shipments no carrier could be resolved for. */
export type CarrierFilter = CarrierCode | 'none'

export interface ShipmentFilter {
  status?: TrackingStatus
  view?: AttentionView
  carrier?: CarrierFilter
  /** Invoice dates, YYYY-MM-DD (UTC days), both inclusive. */
  from?: string
  to?: string
  /** Order id or tracking number prefix. */
  q?: string
}

export interface ListQuery {
  filter: ShipmentFilter
  sort: SortField
  dir: SortDirection
  page: number
  pageSize: number
}

export type QueryParams = Record<string, string | string[] | undefined>

const DATE = /^\d{4}-\d{2}-\d{2}$/
const SEARCH_TEXT = /^[A-Za-z0-9._-]{1,64}$/
const DAY = 24 * 3600_000

export function parseFilter(params: QueryParams): ShipmentFilter {
  const filter: ShipmentFilter = {}
  const status = param(params, 'status')
  if (status !== undefined) filter.status = oneOf('status', status, TRACKING_STATUSES)
  const view = param(params, 'view')
  if (view !== undefined) filter.view = oneOf('view', view, VIEWS)
  const carrier = param(params, 'carrier')
  if (carrier !== undefined) {
    if (carrier !== 'none' && !isCarrierCode(carrier)) invalid('carrier', `${CARRIER_CODES.join(', ')} or none`)
    filter.carrier = carrier
  }
  const from = param(params, 'from')
  if (from !== undefined) filter.from = dateParam('from', from)
  const to = param(params, 'to')
  if (to !== undefined) filter.to = dateParam('to', to)
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AdminRequestError('invalid_filter', `from (${filter.from}) is after to (${filter.to})`)
  }
  const q = param(params, 'q')?.replace(/\s+/g, '')
  if (q) {
    if (!SEARCH_TEXT.test(q)) {
      throw new AdminRequestError(
        'invalid_filter',
        "q searches by order id or tracking number: up to 64 letters, digits, '-', '.' or '_'"
      )
    }
    filter.q = q
  }
  return filter
}

export function parseListQuery(params: QueryParams): ListQuery {
  const sort = param(params, 'sort')
  const dir = param(params, 'dir')
  const query: ListQuery = {
    filter: parseFilter(params),
    sort: sort === undefined ? 'invoicedAt' : oneOf('sort', sort, SORT_FIELDS),
    dir: dir === undefined ? 'desc' : oneOf('dir', dir, ['asc', 'desc'] as const),
    page: integerParam(params, 'page', 1, 1, Number.MAX_SAFE_INTEGER),
    pageSize: integerParam(params, 'pageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
  }
  assertWithinSearchWindow(query.page, query.pageSize)
  return query
}

/** Refuses pages Master Data cannot reach, with a message that says what to do instead. */
export function assertWithinSearchWindow(page: number, pageSize: number): void {
  if (page * pageSize <= SEARCH_WINDOW) return
  throw new AdminRequestError(
    'page_too_deep',
    `Only the first ${SEARCH_WINDOW.toLocaleString('en')} matching shipments can be paged ` +
      `(page ${page} of ${pageSize} goes past that). Narrow the filter (status, carrier, invoice dates or a search), ` +
      'or export the CSV.'
  )
}

/** Last page the caller can reach for `total` matches. */
export const maxPageFor = (total: number, pageSize: number): number =>
  Math.max(1, Math.min(Math.ceil(total / pageSize), Math.floor(SEARCH_WINDOW / pageSize)))

/** `_where` for a filter, or undefined for "everything". */
export function whereFor(filter: ShipmentFilter, cutoffs: AttentionCutoffs): string | undefined {
  const clauses: string[] = []
  if (filter.status) clauses.push(`status=${quote(filter.status)}`)
  if (filter.view) clauses.push(attentionWhere[filter.view](cutoffs))
  if (filter.carrier === 'none') clauses.push('carrier is null')
  else if (filter.carrier) clauses.push(`carrier=${quote(filter.carrier)}`)
  // Invoice dates are days of the store: from its midnight to the midnight after `to`.
  if (filter.from) clauses.push(atOrAfter('invoicedAt', localMidnight(filter.from, cutoffs.timeZone)))
  if (filter.to) clauses.push(`invoicedAt<${localMidnight(nextDay(filter.to), cutoffs.timeZone)}`)
  // Prefix match: order ids are typed without the "-01" suffix, tracking numbers in any case.
  // Tracking numbers are stored normalized, so the search text is normalized the same way.
  if (filter.q) {
    const number = normalizeTrackingNumber(filter.q)
    clauses.push(number === null ? `orderId=${filter.q}*` : `(orderId=${filter.q}* OR trackingNumber=${number}*)`)
  }
  return and(clauses)
}

export const sortFor = (field: SortField, dir: SortDirection): string => `${field} ${dir.toUpperCase()}`

/**
 * Each attention view as a `_where` clause over indexed fields: the problem (mirrors
 * tracking/attention.ts and tracking/incidents.ts) and the incident still open, i.e. neither
 * resolved nor snoozed past now. A view is a work queue: what an admin dealt with leaves it.
 */
export const attentionWhere: Record<AttentionView, (cutoffs: AttentionCutoffs) => string> = {
  overdue: (c) => `${problemWhere.overdue(c)} AND ${openWhere('overdue', c)}`,
  stuck: (c) => `${problemWhere.stuck(c)} AND ${openWhere('stuck', c)}`,
  neverPickedUp: (c) => `${neverPickedUpProblem(c)} AND ${openWhere('stuck', c)}`,
  attempts: (c) => `${problemWhere.attempt(c)} AND ${openWhere('attempt', c)}`,
  exceptions: (c) => `${problemWhere.exception(c)} AND ${openWhere('exception', c)}`,
  returned: (c) => `${problemWhere.returned(c)} AND ${openWhere('returned', c)}`,
  failing: (c) => `${problemWhere.failing(c)} AND ${openWhere('failing', c)}`,
  expired: (c) => `${problemWhere.expired(c)} AND ${openWhere('expired', c)}`,
  awaiting: (c) => `${problemWhere.awaiting(c)} AND ${openWhere('awaiting', c)}`,
  unresolved: (c) => `${problemWhere.unresolved(c)} AND ${openWhere('unresolved', c)}`,
}

/** Each incident's problem, dealt with or not. */
export const problemWhere: Record<IncidentKind, (cutoffs: AttentionCutoffs) => string> = {
  // States listed rather than `state<>"done"`: an equality an index can serve.
  overdue: (c) =>
    `${anyOf('state', NOT_DONE)} AND ((promisedDelivery<${c.now} AND (estimatedDelivery is null OR estimatedDelivery<${quote(c.today)})) ` +
    `OR (promisedDelivery is null AND estimatedDelivery<${quote(c.today)}))`,
  stuck: (c) => `state="active" AND (lastEventAt<${c.stuckBefore} OR (${neverPickedUpProblem(c)}))`,
  attempt: () => 'status="ATTEMPT_FAIL"',
  exception: () => anyOf('status', EXCEPTION_STATUSES),
  returned: () => 'status="RETURNED"',
  failing: () => 'consecutiveErrors>0',
  expired: () => 'state="expired"',
  awaiting: () => 'state="awaiting_tracking"',
  unresolved: () => 'state="unresolved_carrier"',
}

/** Neither resolved nor snoozed past now. */
export const openWhere = (kind: IncidentKind, c: AttentionCutoffs): string =>
  `(${ACK_FIELDS[kind]} is null OR ${ACK_FIELDS[kind]}<${c.now})`

/** Never picked up is part of "stuck" (the same incident): invoiced 48 hours ago, no scan yet. */
const neverPickedUpProblem = (c: AttentionCutoffs): string =>
  `state="active" AND ${anyOf('status', NOT_PICKED_UP_STATUSES)} AND invoicedAt<${c.pickupBefore}`

/** ANDs clauses, each in parentheses; undefined when there are none. */
export function and(clauses: ReadonlyArray<string | undefined>): string | undefined {
  const present = clauses.filter((c): c is string => c !== undefined && c !== '')
  if (present.length === 0) return undefined
  return present.length === 1 ? present[0] : present.map((c) => `(${c})`).join(' AND ')
}

const NOT_DONE = SHIPMENT_STATES.filter((state) => state !== 'done')

const anyOf = (field: string, values: readonly string[]): string =>
  `(${values.map((v) => `${field}=${quote(v)}`).join(' OR ')})`

const localMidnight = (date: string, timeZone: string): string =>
  new Date(startOfLocalDay(date, timeZone)).toISOString()
const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY).toISOString().slice(0, 10)

function param(params: QueryParams, name: string): string | undefined {
  const raw = params[name]
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim()
  return value === undefined || value === '' ? undefined : value
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) invalid(name, allowed.join(', '))
  return value as T
}

function dateParam(name: string, value: string): string {
  const time = Date.parse(`${value}T00:00:00.000Z`)
  if (!DATE.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    invalid(name, 'a date as YYYY-MM-DD')
  }
  return value
}

function integerParam(params: QueryParams, name: string, fallback: number, min: number, max: number): number {
  const raw = param(params, name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    invalid(
      name,
      max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`
    )
  }
  return value
}

function invalid(name: string, expected: string): never {
  throw new AdminRequestError('invalid_filter', `${name} must be ${expected}`)
}
