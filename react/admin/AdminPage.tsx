import React, { useCallback, useEffect, useMemo, useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, Layout, PageHeader, Tab, Tabs } from 'vtex.styleguide'
import type { DropdownOption } from 'vtex.styleguide'

import { CONTRAST_CSS, THEME_CLASS } from './a11y/contrastTheme'
import { useStyleguideA11y } from './a11y/useStyleguideA11y'
import { adminApi } from './api/client'
import type { Overview, ShipmentFilters, ShipmentQuery } from './api/types'
import { useApi } from './api/useApi'
import { ShipmentDetailModal } from './detail/ShipmentDetailModal'
import { a11yMessages, pageMessages } from './i18n/messages'
import { OverviewTab } from './overview/OverviewTab'
import { StoreProvider } from './shared/StoreContext'
import { useFormat } from './shared/useFormat'
import { DEFAULT_QUERY, queryKey, withFilters } from './shipments/query'
import { ShipmentsTab } from './shipments/ShipmentsTab'

type TabId = 'overview' | 'shipments'

/** While a sweep runs the overview follows it; otherwise it refreshes now and then. */
const POLL_RUNNING_MS = 5_000
const POLL_IDLE_MS = 60_000

function Header({ overview, onReload }: { overview: Overview | undefined; onReload: () => void }) {
  const intl = useIntl()
  const format = useFormat()
  return (
    <PageHeader
      title={intl.formatMessage(pageMessages.title)}
      subtitle={
        <span data-testid="page-subtitle" className="c-on-base">
          {intl.formatMessage(pageMessages.subtitle)}
          {overview && (
            <span className="db t-small c-on-base mt2">
              {intl.formatMessage(pageMessages.updatedAt, { time: format.dateTime(overview.generatedAt) })}
            </span>
          )}
        </span>
      }
    >
      <Button variation="secondary" size="small" onClick={onReload}>
        {intl.formatMessage(pageMessages.reload)}
      </Button>
    </PageHeader>
  )
}

/** `timeZone` overrides the store's (the standalone page's `?tz=`); otherwise the server's store zone is used. */
export function AdminPage({ timeZone }: { timeZone?: string }) {
  const intl = useIntl()
  const [tab, setTab] = useState<TabId>('overview')
  const [query, setQuery] = useState<ShipmentQuery>(DEFAULT_QUERY)
  const [openShipment, setOpenShipment] = useState<string | null>(null)
  const [serverOffsetMs, setServerOffsetMs] = useState(0)

  const overview = useApi(adminApi.overview, 'overview')
  const charts = useApi(adminApi.charts, 'charts')
  const shipments = useApi(() => adminApi.shipments(query), queryKey(query))

  const generatedAt = overview.data?.generatedAt
  useEffect(() => {
    const server = generatedAt ? Date.parse(generatedAt) : NaN
    if (!Number.isNaN(server)) setServerOffsetMs(server - Date.now())
  }, [generatedAt])

  const running = overview.data?.lastSweep?.running ?? false
  const reloadOverview = overview.reload
  useEffect(() => {
    const timer = setTimeout(reloadOverview, running ? POLL_RUNNING_MS : POLL_IDLE_MS)
    return () => clearTimeout(timer)
  }, [running, generatedAt, reloadOverview])

  const reloadAll = useCallback(() => {
    overview.reload()
    charts.reload()
    shipments.reload()
  }, [overview.reload, charts.reload, shipments.reload])

  // Every carrier the app supports, as the server lists them (one row each in carrier health).
  const carriers: DropdownOption[] = useMemo(
    () => (overview.data?.carriers ?? []).map((carrier) => ({ value: carrier.carrier, label: carrier.displayName })),
    [overview.data]
  )

  const rows = shipments.data?.items
  useStyleguideA11y({
    previousPage: intl.formatMessage(a11yMessages.previousPage),
    nextPage: intl.formatMessage(a11yMessages.nextPage),
    clearSelection: intl.formatMessage(a11yMessages.clearSelection),
    selectAll: intl.formatMessage(a11yMessages.selectAll),
    // Table v1 with bulk actions numbers its rows 0…n-1 (it overwrites the items' own ids).
    selectRow: (id) => {
      const row = rows?.[Number(id)]
      return intl.formatMessage(a11yMessages.selectRow, { tracking: row?.trackingNumber ?? row?.orderId ?? id })
    },
  })

  const openFiltered = (filters: ShipmentFilters): void => {
    setQuery(withFilters(query, filters))
    setTab('shipments')
  }

  return (
    <StoreProvider timeZone={timeZone ?? overview.data?.store?.timeZone} serverOffsetMs={serverOffsetMs}>
      <div className={THEME_CLASS}>
        <style>{CONTRAST_CSS}</style>
        <Layout fullWidth pageHeader={<Header overview={overview.data} onReload={reloadAll} />}>
          <div data-testid="order-tracking-admin">
            <Tabs>
              <Tab
                label={intl.formatMessage(pageMessages.tabOverview)}
                active={tab === 'overview'}
                onClick={() => setTab('overview')}
              >
                <div className="pt6">
                  <OverviewTab overview={overview} charts={charts} onOpen={openFiltered} />
                </div>
              </Tab>
              <Tab
                label={intl.formatMessage(pageMessages.tabShipments)}
                active={tab === 'shipments'}
                onClick={() => setTab('shipments')}
              >
                <div className="pt6">
                  <ShipmentsTab
                    query={query}
                    page={shipments}
                    carriers={carriers}
                    onQueryChange={setQuery}
                    onOpenShipment={setOpenShipment}
                    onChanged={reloadAll}
                  />
                </div>
              </Tab>
            </Tabs>
          </div>
          {openShipment && (
            <ShipmentDetailModal
              shipmentId={openShipment}
              carriers={carriers}
              onClose={() => setOpenShipment(null)}
              onChanged={reloadAll}
            />
          )}
        </Layout>
      </div>
    </StoreProvider>
  )
}
