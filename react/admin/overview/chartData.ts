import type { ChartDay, TrackingStatus } from '../api/types'

/** The five status groups of the stacked status chart, bottom to top. */
export const STATUS_GROUPS = ['waiting', 'moving', 'problem', 'delivered', 'other'] as const
export type StatusGroup = (typeof STATUS_GROUPS)[number]

/** Same order as the styleguide chart palette (EXPERIMENTAL_Charts/commonProps colors). */
export const GROUP_COLORS: Record<StatusGroup, string> = {
  waiting: '#EE7850',
  moving: '#4CAABF',
  problem: '#9F50B6',
  delivered: '#479A5E',
  other: '#0000FF',
}

const GROUP_OF: Record<TrackingStatus, StatusGroup> = {
  PENDING: 'waiting',
  INFO_RECEIVED: 'waiting',
  IN_TRANSIT: 'moving',
  OUT_FOR_DELIVERY: 'moving',
  AVAILABLE_FOR_PICKUP: 'moving',
  ATTEMPT_FAIL: 'problem',
  EXCEPTION: 'problem',
  RETURN_TO_SENDER: 'problem',
  RETURNED: 'problem',
  FAILURE: 'problem',
  DELIVERED: 'delivered',
  EXPIRED: 'other',
  UNKNOWN: 'other',
}

export type ChartRow = Record<StatusGroup, number> & { day: string }

/** One row per day with the statuses folded into the five groups. */
export function groupDays(days: ChartDay[], dayLabel: (day: string) => string): ChartRow[] {
  return days.map((day) => {
    const row: ChartRow = { day: dayLabel(day.date), waiting: 0, moving: 0, problem: 0, delivered: 0, other: 0 }
    for (const [status, count] of Object.entries(day.byStatus) as Array<[TrackingStatus, number | undefined]>) {
      row[GROUP_OF[status] ?? 'other'] += count ?? 0
    }
    return row
  })
}
