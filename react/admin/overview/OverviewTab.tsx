import React from 'react'

import type { Charts as ChartsData, Overview, ShipmentFilters } from '../api/types'
import type { ApiState } from '../api/useApi'
import { EmailPreviews } from '../emails/EmailPreviews'
import { Loader } from '../shared/Loader'
import { AttentionCards } from './AttentionCards'
import { Backfill } from './Backfill'
import { CarrierHealth } from './CarrierHealth'
import { Charts } from './Charts'
import { LastSweep } from './LastSweep'
import { SettingsSummary } from './SettingsSummary'
import { StatusBreakdown } from './StatusBreakdown'

export function OverviewTab({
  overview,
  charts,
  onOpen,
}: {
  overview: ApiState<Overview>
  charts: ApiState<ChartsData>
  onOpen: (filters: ShipmentFilters) => void
}) {
  return (
    <Loader state={overview}>
      {(data) => {
        const names = data.carriers
          .filter((carrier) => data.settings.carriersConfigured.includes(carrier.carrier))
          .map((carrier) => carrier.displayName)
        // Below 480 px the styleguide's PageBlock subtitle is 100% wide plus an 8 px left margin:
        // an 8 px gutter on each side keeps it inside the screen (no sideways scroll on phones).
        return (
          <div data-testid="overview" className="ph3 ph0-ns">
            <SettingsSummary
              settings={data.settings}
              store={data.store}
              carrierNames={names.length > 0 ? names : data.settings.carriersConfigured}
            />
            <AttentionCards
              attention={data.attention}
              stuckAfterHours={data.settings.stuckAfterHours}
              onOpen={onOpen}
            />
            <StatusBreakdown totals={data.totals} onOpen={onOpen} />
            <Charts state={charts} />
            <LastSweep sweep={data.lastSweep} health={data.sweepHealth} />
            <Backfill
              backfill={data.backfill ?? null}
              trackingWindowDays={data.settings.trackingWindowDays}
              onChanged={overview.reload}
            />
            <CarrierHealth carriers={data.carriers} pollingIntervalHours={data.settings.pollingIntervalHours} />
            <EmailPreviews counts={data.emails ?? { sent: 0, suppressed: 0, failed: 0 }} />
          </div>
        )
      }}
    </Loader>
  )
}
