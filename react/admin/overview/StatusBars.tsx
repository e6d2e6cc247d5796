import React from 'react'
import { useIntl } from 'react-intl'
import type { MessageDescriptor } from 'react-intl'

import type { ChartDay } from '../api/types'
import { chartMessages as m } from '../i18n/messages'
import { useFormat } from '../shared/useFormat'
import type { ChartRow, StatusGroup } from './chartData'
import { GROUP_COLORS, groupDays, STATUS_GROUPS } from './chartData'

export const GROUP_LABEL: Record<StatusGroup, MessageDescriptor> = {
  waiting: m.groupWaiting,
  moving: m.groupMoving,
  problem: m.groupProblem,
  delivered: m.groupDelivered,
  other: m.groupOther,
}

const HEIGHT = 180
/** A day label under every Nth bar, so 30 labels never overlap. */
const LABEL_EVERY = 5

const totalOf = (row: ChartRow): number => STATUS_GROUPS.reduce((sum, group) => sum + row[group], 0)

/**
 * Stacked bars, one per invoice day, split by where those shipments are now. Plain elements (the
 * styleguide's BarChart draws a single series): each bar is named for screen readers and hover.
 */
export function StatusBars({ days }: { days: ChartDay[] }) {
  const intl = useIntl()
  const format = useFormat()
  const rows = groupDays(days, format.dayLabel)
  const max = Math.max(1, ...rows.map(totalOf))
  const labelOf = (group: StatusGroup): string => intl.formatMessage(GROUP_LABEL[group])
  return (
    <div data-testid="status-chart">
      <div className="flex items-end bb b--muted-4" style={{ height: HEIGHT }} role="list">
        {rows.map((row, index) => {
          const total = totalOf(row)
          const parts = STATUS_GROUPS.filter((group) => row[group] > 0)
            .map((group) => intl.formatMessage(m.statusPart, { count: row[group], group: labelOf(group) }))
            .join(', ')
          const name = intl.formatMessage(m.statusBar, { day: row.day, total, parts: parts || '0' })
          return (
            <div
              key={`${row.day}-${index}`}
              role="listitem"
              aria-label={name}
              title={name}
              className="flex-auto flex flex-column-reverse mh1"
              style={{ height: `${(total / max) * 100}%`, minWidth: 4 }}
              data-testid="status-bar"
              data-total={total}
            >
              {STATUS_GROUPS.filter((group) => row[group] > 0).map((group) => (
                <div
                  key={group}
                  data-group={group}
                  style={{ height: `${(row[group] / total) * 100}%`, backgroundColor: GROUP_COLORS[group] }}
                />
              ))}
            </div>
          )
        })}
      </div>
      <div className="flex t-mini c-muted-1 mt1" aria-hidden="true">
        {rows.map((row, index) => (
          <span key={`${row.day}-${index}`} className="flex-auto mh1 tc" style={{ minWidth: 4, overflow: 'visible' }}>
            {index % LABEL_EVERY === 0 ? row.day : ''}
          </span>
        ))}
      </div>
      <div className="flex flex-wrap mt4">
        {STATUS_GROUPS.map((group) => (
          <span key={group} className="flex items-center mr5 mb2 t-small c-muted-1">
            <span className="dib br1 mr2" style={{ width: 10, height: 10, backgroundColor: GROUP_COLORS[group] }} />
            {labelOf(group)}
          </span>
        ))}
      </div>
    </div>
  )
}
