import React, { useEffect, useMemo, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { PageBlock, Table } from 'vtex.styleguide'
import type { DropdownOption } from 'vtex.styleguide'

import { adminApi, ApiError } from '../api/client'
import type { ShipmentFilters, ShipmentPage, ShipmentQuery, ShipmentSummary } from '../api/types'
import { MAX_REFRESH_IDS } from '../api/types'
import type { ApiState } from '../api/useApi'
import { describeError } from '../i18n/describeError'
import { a11yMessages, shipmentMessages as m } from '../i18n/messages'
import { ErrorAlert } from '../shared/ErrorAlert'
import { useFormat } from '../shared/useFormat'
import { useNarrow } from '../shared/useNarrow'
import { useToast } from '../shared/useToast'
import { shipmentColumns } from './columns'
import { FilterBar } from './FilterBar'
import { ShipmentCards } from './ShipmentCards'
import { isSortField, toTableOrder, withFilters } from './query'
import { PAGE_SIZES } from './query'

/**
 * Table v1 with bulk actions overwrites each item's `id` with its row index (lib/Table/index.js),
 * so rows are copies that keep the shipment id in a field of their own.
 */
type Row = ShipmentSummary & { shipmentId: string }
const NO_ROWS: Row[] = []

/** The filterable, sortable, paged list of shipments, with bulk refresh. */
export function ShipmentsTab({
  query,
  page,
  carriers,
  onQueryChange,
  onOpenShipment,
  onChanged,
}: {
  query: ShipmentQuery
  page: ApiState<ShipmentPage>
  carriers: DropdownOption[]
  onQueryChange: (query: ShipmentQuery) => void
  onOpenShipment: (id: string) => void
  /** After a write: reload the list and the overview. */
  onChanged: () => void
}) {
  const intl = useIntl()
  const format = useFormat()
  const toast = useToast()
  const [selected, setSelected] = useState<Row[]>(NO_ROWS)
  const [refreshing, setRefreshing] = useState(false)
  const narrow = useNarrow()

  const columns = useMemo(() => shipmentColumns(intl, format, onOpenShipment), [intl, format, onOpenShipment])
  const data = page.data
  const items = useMemo<Row[]>(
    () => (data ? data.items.map((item) => ({ ...item, shipmentId: item.id })) : NO_ROWS),
    [data]
  )
  // Table v1 caches measured row heights by row index for its lifetime: a new answer needs a new table.
  const generation = useRef({ items: NO_ROWS, count: 0 })
  if (generation.current.items !== items) generation.current = { items, count: generation.current.count + 1 }
  // A new answer remounts the table, which drops its selection: so does the count shown.
  useEffect(() => setSelected(NO_ROWS), [items])
  const total = data?.total ?? 0
  const from = total === 0 ? 0 : (query.page - 1) * query.pageSize + 1
  const to = Math.min(query.page * query.pageSize, total)

  const refreshSelected = async (rows: Row[]): Promise<void> => {
    if (rows.length > MAX_REFRESH_IDS) {
      toast(intl.formatMessage(m.tooMany, { max: MAX_REFRESH_IDS }))
      return
    }
    setRefreshing(true)
    try {
      const result = await adminApi.refresh(rows.map((row) => row.shipmentId))
      const failed = result.results.filter((row) => row.error)
      toast(
        failed.length === 0
          ? intl.formatMessage(m.refreshed, { count: result.refreshed })
          : intl.formatMessage(m.refreshedWithErrors, {
              count: result.refreshed,
              failed: failed.length,
              error: failed[0].error,
            })
      )
      setSelected(NO_ROWS)
      onChanged()
    } catch (error) {
      toast(describeError(intl, error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error))))
    } finally {
      setRefreshing(false)
    }
  }

  return (
    <PageBlock>
      <FilterBar
        query={query}
        carriers={carriers}
        onChange={(filters: ShipmentFilters) => onQueryChange(withFilters(query, filters))}
      />
      {page.error && <ErrorAlert error={page.error} onRetry={page.reload} />}
      <div className="t-small c-muted-1 mb3" data-testid="shipments-total">
        {data ? intl.formatMessage(m.total, { total }) : null}
      </div>
      {narrow ? (
        <div data-testid="shipments-table" data-loading={page.loading || refreshing ? 'true' : 'false'}>
          <ShipmentCards
            query={query}
            data={data}
            loading={page.loading}
            onQueryChange={onQueryChange}
            onOpen={onOpenShipment}
          />
        </div>
      ) : (
        <div
          data-testid="shipments-table"
          data-a11y-label={intl.formatMessage(a11yMessages.shipmentsTable)}
          data-loading={page.loading || refreshing ? 'true' : 'false'}
          className={page.error && !data ? 'dn' : ''}
        >
          <Table<Row>
            key={generation.current.count}
            fullWidth
            dynamicRowHeight
            density="medium"
            items={items}
            // A fresh schema each render: with bulk actions, Table v1 writes its checkbox column (bound
            // to the mounted instance) into the schema it is given.
            schema={{ properties: { ...columns } }}
            loading={page.loading && !data}
            emptyStateLabel={intl.formatMessage(m.empty)}
            onRowClick={({ rowData }) => onOpenShipment(rowData.shipmentId)}
            sort={{ sortedBy: query.sort, sortOrder: toTableOrder(query.dir) }}
            onSort={({ sortedBy, sortOrder }) => {
              if (!isSortField(sortedBy)) return
              onQueryChange({ ...query, sort: sortedBy, dir: sortOrder === 'ASC' ? 'asc' : 'desc', page: 1 })
            }}
            bulkActions={{
              texts: {
                secondaryActionsLabel: intl.formatMessage(m.moreActions),
                rowsSelected: () => intl.formatMessage(m.selected, { count: selected.length }),
              },
              totalItems: total,
              onChange: ({ selectedRows }) => setSelected(selectedRows ?? NO_ROWS),
              main: {
                label: intl.formatMessage(m.refreshSelected),
                handleCallback: ({ selectedRows }) => void refreshSelected(selectedRows ?? NO_ROWS),
              },
            }}
            pagination={{
              currentItemFrom: from,
              currentItemTo: to,
              totalItems: total,
              textOf: intl.formatMessage(m.paginationOf),
              textShowRows: intl.formatMessage(m.paginationRows),
              rowsOptions: PAGE_SIZES,
              selectedOption: query.pageSize,
              onRowsChange: (_event, value) => onQueryChange({ ...query, pageSize: Number(value), page: 1 }),
              onNextClick: () => {
                if (data && query.page < data.maxPage) onQueryChange({ ...query, page: query.page + 1 })
              },
              onPrevClick: () => {
                if (query.page > 1) onQueryChange({ ...query, page: query.page - 1 })
              },
            }}
          />
        </div>
      )}
    </PageBlock>
  )
}
