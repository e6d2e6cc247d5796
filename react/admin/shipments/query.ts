import type { ShipmentFilters, ShipmentQuery, SortDirection, SortField } from '../api/types'
import { SORT_FIELDS } from '../api/types'

export const PAGE_SIZES = [25, 50, 100]

export const DEFAULT_QUERY: ShipmentQuery = { sort: 'invoicedAt', dir: 'desc', page: 1, pageSize: 25 }

/** Applies new filters: back to page 1, sort and page size kept. */
export function withFilters(query: ShipmentQuery, filters: ShipmentFilters): ShipmentQuery {
  return { sort: query.sort, dir: query.dir, pageSize: query.pageSize, page: 1, ...clean(filters) }
}

export function filtersOf(query: ShipmentQuery): ShipmentFilters {
  const { status, view, carrier, from, to, q } = query
  return clean({ status, view, carrier, from, to, q })
}

export const hasFilters = (query: ShipmentQuery): boolean => Object.keys(filtersOf(query)).length > 0

export const isSortField = (value: string): value is SortField => (SORT_FIELDS as readonly string[]).includes(value)

export const toTableOrder = (dir: SortDirection): 'ASC' | 'DESC' => (dir === 'asc' ? 'ASC' : 'DESC')

/** A stable key of a query, for refetching when (and only when) it changes. */
export const queryKey = (query: ShipmentQuery): string =>
  JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)))

function clean(filters: ShipmentFilters): ShipmentFilters {
  const out: ShipmentFilters = {}
  for (const [key, value] of Object.entries(filters) as Array<[keyof ShipmentFilters, string | undefined]>) {
    const trimmed = typeof value === 'string' ? value.trim() : value
    if (trimmed) (out as Record<string, string>)[key] = trimmed
  }
  return out
}
