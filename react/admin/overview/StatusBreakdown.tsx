import React from 'react'
import { useIntl } from 'react-intl'
import { PageBlock, Progress, Totalizer } from 'vtex.styleguide'

import type { Overview, ShipmentFilters, TrackingStatus } from '../api/types'
import { SHIPMENT_STATES, TRACKING_STATUSES } from '../api/types'
import { stateLabel } from '../i18n/labels'
import { overviewMessages } from '../i18n/messages'
import { StatusTag } from '../shared/StatusTag'
import { useFormat } from '../shared/useFormat'

/** Totals by lifecycle state (Totalizer) and by carrier status (a clickable bar per status). */
export function StatusBreakdown({
  totals,
  onOpen,
}: {
  totals: Overview['totals']
  onOpen: (filters: ShipmentFilters) => void
}) {
  const intl = useIntl()
  const format = useFormat()
  const all = totals.all || 0
  const statuses = TRACKING_STATUSES.filter((status) => (totals.byStatus[status] ?? 0) > 0)
  return (
    <PageBlock
      title={intl.formatMessage(overviewMessages.statusTitle)}
      subtitle={intl.formatMessage(overviewMessages.statusSubtitle, { total: all })}
    >
      <Totalizer
        items={SHIPMENT_STATES.map((state) => ({
          label: stateLabel(intl, state),
          value: format.number(totals.byState[state] ?? 0),
        }))}
      />
      <div className="mt6 flex flex-wrap nl4 nr4" data-testid="status-breakdown">
        {statuses.length === 0 && (
          <div className="pa4 c-muted-1 t-small">{intl.formatMessage(overviewMessages.noShipments)}</div>
        )}
        {statuses.map((status: TrackingStatus) => {
          const count = totals.byStatus[status] ?? 0
          return (
            <div
              key={status}
              role="button"
              tabIndex={0}
              className="w-100 w-50-m w-third-l ph4 pv3 pointer hover-bg-muted-5 br2"
              onClick={() => onOpen({ status })}
              onKeyDown={(event) => {
                if (event.key === 'Enter') onOpen({ status })
              }}
            >
              <div className="flex items-center justify-between mb2">
                <StatusTag status={status} />
                <span className="t-body fw5 c-on-base">{format.number(count)}</span>
              </div>
              <Progress type="line" percent={all > 0 ? Math.round((count / all) * 100) : 0} />
            </div>
          )
        })}
      </div>
    </PageBlock>
  )
}
