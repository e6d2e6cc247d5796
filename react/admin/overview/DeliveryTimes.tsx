import React from 'react'
import { useIntl } from 'react-intl'
import { EmptyState } from 'vtex.styleguide'

import type { CarrierDeliveryTimes } from '../api/types'
import { chartMessages as m } from '../i18n/messages'
import { useFormat } from '../shared/useFormat'

const AVERAGE_COLOR = '#134cd8'
const P90_COLOR = '#cce8ff'

/** Per carrier: a bar to the 90th percentile with the average inside it, and the figures in words. */
export function DeliveryTimes({ carriers }: { carriers: CarrierDeliveryTimes[] }) {
  const intl = useIntl()
  const format = useFormat()
  const measured = carriers.filter((row) => row.count > 0 && row.p90Days !== null && row.averageDays !== null)
  if (measured.length === 0) return <EmptyState title={intl.formatMessage(m.onTimeNoData)} />
  const max = Math.max(1, ...measured.map((row) => row.p90Days ?? 0))
  return (
    <div data-testid="delivery-times">
      <ul className="list pl0 mt0 mb3">
        {measured.map((row) => (
          <li key={row.carrier} className="mb4" data-testid={`delivery-times-${row.carrier}`}>
            <div className="t-small fw5 c-on-base mb1">{row.displayName}</div>
            <div
              className="relative br1 mb1"
              style={{
                height: 12,
                width: `${((row.p90Days ?? 0) / max) * 100}%`,
                backgroundColor: P90_COLOR,
                minWidth: 4,
              }}
              aria-hidden="true"
            >
              <div
                className="absolute top-0 left-0 br1"
                style={{
                  height: 12,
                  width: `${((row.averageDays ?? 0) / (row.p90Days || 1)) * 100}%`,
                  backgroundColor: AVERAGE_COLOR,
                }}
              />
            </div>
            <div className="t-mini c-muted-1">
              {intl.formatMessage(m.timesRow, {
                average: format.decimal(row.averageDays ?? 0),
                p90: format.decimal(row.p90Days ?? 0),
                count: format.number(row.count),
              })}
              {row.sampled && ` ${intl.formatMessage(m.timesSampled, { count: format.number(row.count) })}`}
            </div>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap t-mini c-muted-1">
        <span className="flex items-center mr4">
          <span className="dib br1 mr2" style={{ width: 10, height: 10, backgroundColor: AVERAGE_COLOR }} />
          {intl.formatMessage(m.timesAverage)}
        </span>
        <span className="flex items-center">
          <span className="dib br1 mr2" style={{ width: 10, height: 10, backgroundColor: P90_COLOR }} />
          {intl.formatMessage(m.timesP90)}
        </span>
      </div>
    </div>
  )
}
