import React from 'react'
import { useIntl } from 'react-intl'
import { BarChart, EmptyState, PageBlock } from 'vtex.styleguide'

import type { Charts as ChartsData } from '../api/types'
import type { ApiState } from '../api/useApi'
import { chartMessages as m } from '../i18n/messages'
import { Loader } from '../shared/Loader'
import { useFormat } from '../shared/useFormat'
import { useNarrow } from '../shared/useNarrow'
import { DeliveryTimes } from './DeliveryTimes'
import { StatusBars } from './StatusBars'
import { STATUS_GROUPS, groupDays } from './chartData'

/*
 * The styleguide charts merge their config into module-level defaults shared by every chart
 * (lodash merge, arrays merged in place), so the chart states every part it cares about and
 * passes no arrays (no `domain`).
 */
const BAR_CONFIG = {
  container: { width: '100%', height: '100%', aspect: 1.6 },
  xAxis: { type: 'category', axisLine: true, tickLine: false, tick: true, hide: false },
  yAxis: { type: 'number', axisLine: false, tickLine: false, tick: true, hide: false },
  grid: { horizontal: true, vertical: false },
}

function StatusChart({ data }: { data: ChartsData }) {
  const intl = useIntl()
  const format = useFormat()
  const hasData = groupDays(data.days, format.dayLabel).some((row) => STATUS_GROUPS.some((group) => row[group] > 0))
  if (!hasData) return <EmptyState title={intl.formatMessage(m.empty)} />
  return <StatusBars days={data.days} />
}

function OnTimeChart({ data }: { data: ChartsData }) {
  const intl = useIntl()
  const format = useFormat()
  const judged = data.onTime.filter((row) => row.rate !== null)
  if (judged.length === 0) return <EmptyState title={intl.formatMessage(m.onTimeNoData)} />
  return (
    <div data-testid="on-time-chart">
      <div aria-hidden="true">
        <BarChart
          data={judged.map((row) => ({ carrier: row.displayName, rate: Math.round((row.rate ?? 0) * 100) }))}
          xAxisKey="carrier"
          yAxisKey="rate"
          config={BAR_CONFIG}
          barProps={{ isAnimationActive: false }}
        />
      </div>
      <ul className="list pl0 mt4 mb0">
        {data.onTime.map((row) => (
          <li key={row.carrier} className="t-small pv2 bb b--muted-4" data-testid={`on-time-${row.carrier}`}>
            <div className="c-on-base fw5">{row.displayName}</div>
            <div className="c-muted-1">
              {row.rate === null
                ? intl.formatMessage(m.onTimeNoData)
                : intl.formatMessage(m.onTimeRow, {
                    rate: format.percent(row.rate),
                    onTime: format.number(row.onTime),
                    judged: format.number(row.delivered + row.overdue + row.expired),
                    delivered: format.number(row.delivered),
                    overdue: format.number(row.overdue),
                    expired: format.number(row.expired),
                  })}
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Shipments per invoice day by status, each carrier's on-time rate, and its delivery times. */
export function Charts({ state }: { state: ApiState<ChartsData> }) {
  const intl = useIntl()
  // Gutters from negative margins would stick out of a phone screen.
  const narrow = useNarrow()
  const gutter = narrow ? '' : 'ph3'
  return (
    <div className={`flex flex-wrap ${narrow ? '' : 'nl3 nr3'}`}>
      <div className={`w-100 ${gutter}`}>
        <PageBlock title={intl.formatMessage(m.statusTitle)} subtitle={intl.formatMessage(m.statusSubtitle)}>
          <Loader state={state}>{(data) => <StatusChart data={data} />}</Loader>
        </PageBlock>
      </div>
      <div className={`w-100 w-50-l ${gutter}`}>
        <PageBlock title={intl.formatMessage(m.onTimeTitle)} subtitle={intl.formatMessage(m.onTimeSubtitle)}>
          <Loader state={state}>{(data) => <OnTimeChart data={data} />}</Loader>
        </PageBlock>
      </div>
      <div className={`w-100 w-50-l ${gutter}`}>
        <PageBlock title={intl.formatMessage(m.timesTitle)} subtitle={intl.formatMessage(m.timesSubtitle)}>
          <Loader state={state}>{(data) => <DeliveryTimes carriers={data.deliveryTimes ?? []} />}</Loader>
        </PageBlock>
      </div>
    </div>
  )
}
