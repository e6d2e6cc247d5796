import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, Dropdown, Input, InputSearch } from 'vtex.styleguide'
import type { DropdownOption } from 'vtex.styleguide'

import type { ShipmentFilters, ShipmentQuery, ShipmentView, TrackingStatus } from '../api/types'
import { SHIPMENT_VIEWS, TRACKING_STATUSES } from '../api/types'
import { statusLabel } from '../i18n/labels'
import { filterMessages as m, viewMessages } from '../i18n/messages'
import { CsvExport } from './CsvExport'
import { filtersOf, hasFilters } from './query'

const ALL = ''

/** Server-side filters, search and the CSV export of exactly what is filtered. */
export function FilterBar({
  query,
  carriers,
  onChange,
}: {
  query: ShipmentQuery
  carriers: DropdownOption[]
  onChange: (filters: ShipmentFilters) => void
}) {
  const intl = useIntl()
  const filters = filtersOf(query)
  const [search, setSearch] = useState(filters.q ?? '')
  useEffect(() => setSearch(query.q ?? ''), [query.q])

  const set = (patch: ShipmentFilters): void => onChange({ ...filters, ...patch })
  const statusOptions: DropdownOption[] = [
    { value: ALL, label: intl.formatMessage(m.statusAll) },
    ...TRACKING_STATUSES.map((status) => ({ value: status, label: statusLabel(intl, status) })),
  ]
  const viewOptions: DropdownOption[] = [
    { value: ALL, label: intl.formatMessage(m.viewAll) },
    ...SHIPMENT_VIEWS.map((view) => ({ value: view, label: intl.formatMessage(viewMessages[view]) })),
  ]
  const carrierOptions: DropdownOption[] = [{ value: ALL, label: intl.formatMessage(m.carrierAll) }, ...carriers]

  return (
    <div className="mb5" data-testid="filters">
      <div className="flex flex-wrap items-end justify-between mb4">
        <div className="w-100 w-50-l mb3 mb0-l" data-testid="search">
          <InputSearch
            value={search}
            placeholder={intl.formatMessage(m.searchPlaceholder)}
            size="regular"
            onChange={(event) => setSearch(event.target.value)}
            onSubmit={(event) => {
              event.preventDefault()
              set({ q: search })
            }}
            onClear={() => {
              setSearch('')
              set({ q: undefined })
            }}
          />
        </div>
        <div className="flex items-end flex-wrap">
          <span className="mr3" data-testid="clear-filters">
            <Button variation="tertiary" disabled={!hasFilters(query)} onClick={() => onChange({})}>
              {intl.formatMessage(m.clear)}
            </Button>
          </span>
          <CsvExport filters={filters} query={query} />
        </div>
      </div>
      <div className="flex flex-wrap items-end nl2 nr2">
        <div className="w-100 w-50-m w-20-l ph2 mb3" data-testid="filter-view">
          <Dropdown
            label={intl.formatMessage(m.viewLabel)}
            options={viewOptions}
            value={filters.view ?? ALL}
            onChange={(_event, value) => set({ view: (value || undefined) as ShipmentView | undefined })}
          />
        </div>
        <div className="w-100 w-50-m w-20-l ph2 mb3" data-testid="filter-status">
          <Dropdown
            label={intl.formatMessage(m.statusLabel)}
            options={statusOptions}
            value={filters.status ?? ALL}
            onChange={(_event, value) => set({ status: (value || undefined) as TrackingStatus | undefined })}
          />
        </div>
        <div className="w-100 w-50-m w-20-l ph2 mb3" data-testid="filter-carrier">
          <Dropdown
            label={intl.formatMessage(m.carrierLabel)}
            options={carrierOptions}
            value={filters.carrier ?? ALL}
            onChange={(_event, value) => set({ carrier: value || undefined })}
          />
        </div>
        <div className="w-50 w-50-m w-20-l ph2 mb3" data-testid="filter-from">
          <Input
            type="date"
            label={intl.formatMessage(m.fromLabel)}
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(event) => set({ from: event.target.value || undefined })}
          />
        </div>
        <div className="w-50 w-50-m w-20-l ph2 mb3" data-testid="filter-to">
          <Input
            type="date"
            label={intl.formatMessage(m.toLabel)}
            value={filters.to ?? ''}
            min={filters.from}
            onChange={(event) => set({ to: event.target.value || undefined })}
          />
        </div>
      </div>
    </div>
  )
}
