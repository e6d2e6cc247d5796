import React from 'react'
import { useIntl } from 'react-intl'
import type { MessageDescriptor } from 'react-intl'
import { BarChart, EmptyState, LineChart, PageBlock } from 'vtex.styleguide'

import type { Charts as ChartsData } from '../api/types'
import type { ApiState } from '../api/useApi'
import { chartMessages as m } from '../i18n/messages'
import { Loader } from '../shared/Loader'
import { useFormat } from '../shared/useFormat'
import type { StatusGroup } from './chartData'
import { GROUP_COLORS, groupDays, STATUS_GROUPS } from './chartData'

const GROUP_LABEL: Record<StatusGroup, MessageDescriptor> = {
  waiting: m.groupWaiting,
  moving: m.groupMoving,
  problem: m.groupProblem,
  delivered: m.groupDelivered,
  other: m.groupOther,
}

/*
 * The styleguide charts merge their config into module-level defaults shared by every chart
 * (lodash merge, arrays merged in place), so each chart states every part it cares about and
 * neither passes arrays (no `domain`): one chart's config must not leak into the other.
 */
const LINE_CONFIG = {
  container: { width: '100%', height: '100%', aspect: 2.6 },
  xAxis: { type: 'category', axisLine: false, tickLine: false, tick: true, hide: false, interval: 'preserveStartEnd' },
  yAxis: {
    type: 'number',
    axisLine: false,
    tickLine: false,
    tick: true,
    hide: false,
    allowDecimals: false,
  },
  grid: { horizontal: true, vertical: false },
}
const BAR_CONFIG = {
  container: { width: '100%', height: '100%', aspect: 1.3 },
  xAxis: { type: 'category', axisLine: true, tickLine: false, tick: true, hide: false },
  yAxis: { type: 'number', axisLine: false, tickLine: false, tick: true, hide: false },
  grid: { horizontal: true, vertical: false },
}

function StatusChart({ data }: { data: ChartsData }) {
  const intl = useIntl()
  const format = useFormat()
  const rows = groupDays(data.days, format.dayLabel)
  const hasData = rows.some((row) => STATUS_GROUPS.some((group) => row[group] > 0))
  const labelOf = (group: string): string => intl.formatMessage(GROUP_LABEL[group as StatusGroup] ?? m.groupOther)
  if (!hasData) return <EmptyState title={intl.formatMessage(m.empty)} />
  return (
    <div data-testid="status-chart">
      <LineChart
        data={rows}
        dataKeys={[...STATUS_GROUPS]}
        xAxisKey="day"
        config={LINE_CONFIG}
        lineProps={{ strokeWidth: 2, dot: false, isAnimationActive: false }}
        tooltipFormatter={(value, name) => [format.number(value), labelOf(name)]}
      />
      <div className="flex flex-wrap mt4">
        {STATUS_GROUPS.map((group) => (
          <span key={group} className="flex items-center mr5 mb2 t-small c-muted-1">
            <span className="dib br-100 mr2" style={{ width: 10, height: 10, backgroundColor: GROUP_COLORS[group] }} />
            {labelOf(group)}
          </span>
        ))}
      </div>
    </div>
  )
}

function OnTimeChart({ data }: { data: ChartsData }) {
  const intl = useIntl()
  const format = useFormat()
  const carriers = data.onTime.filter((row) => row.rate !== null && row.delivered > 0)
  if (carriers.length === 0) return <EmptyState title={intl.formatMessage(m.onTimeNoData)} />
  return (
    <div data-testid="on-time-chart">
      <BarChart
        data={carriers.map((row) => ({ carrier: row.displayName, rate: Math.round((row.rate ?? 0) * 100) }))}
        xAxisKey="carrier"
        yAxisKey="rate"
        config={BAR_CONFIG}
        barProps={{ isAnimationActive: false }}
      />
      <ul className="list pl0 mt4 mb0">
        {data.onTime.map((row) => (
          <li key={row.carrier} className="flex justify-between t-small pv2 bb b--muted-4">
            <span className="c-on-base">{row.displayName}</span>
            <span className="c-muted-1">
              {row.rate === null
                ? intl.formatMessage(m.onTimeNoData)
                : intl.formatMessage(m.onTimeRow, {
                    onTime: row.onTime,
                    delivered: row.delivered,
                    rate: format.percent(row.rate),
                  })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Shipments by status over the last 30 days, and each carrier's on-time delivery rate. */
export function Charts({ state }: { state: ApiState<ChartsData> }) {
  const intl = useIntl()
  return (
    <div className="flex flex-wrap nl3 nr3">
      <div className="w-100 w-two-thirds-l ph3">
        <PageBlock title={intl.formatMessage(m.statusTitle)} subtitle={intl.formatMessage(m.statusSubtitle)}>
          <Loader state={state}>{(data) => <StatusChart data={data} />}</Loader>
        </PageBlock>
      </div>
      <div className="w-100 w-third-l ph3">
        <PageBlock title={intl.formatMessage(m.onTimeTitle)} subtitle={intl.formatMessage(m.onTimeSubtitle)}>
          <Loader state={state}>{(data) => <OnTimeChart data={data} />}</Loader>
        </PageBlock>
      </div>
    </div>
  )
}
