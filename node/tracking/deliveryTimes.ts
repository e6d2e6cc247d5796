/**
 * How long deliveries took, from invoicing to delivery, in days: the average and the 90th
 * percentile (nearest rank: the time within which 90% of the parcels arrived).
 */
export interface DeliveryTimes {
  /** Deliveries measured. */
  count: number
  averageDays: number | null
  p90Days: number | null
}

const DAY = 24 * 3600_000

export function deliveryTimes(
  samples: ReadonlyArray<{ invoicedAt: string; deliveredAt: string | null }>
): DeliveryTimes {
  const days = samples
    .map(({ invoicedAt, deliveredAt }) =>
      deliveredAt === null ? NaN : (Date.parse(deliveredAt) - Date.parse(invoicedAt)) / DAY
    )
    // A delivery dated before its invoice is a data error (manual date typed wrong): not a time.
    .filter((d) => Number.isFinite(d) && d >= 0)
    .sort((a, b) => a - b)
  if (days.length === 0) return { count: 0, averageDays: null, p90Days: null }
  const average = days.reduce((sum, d) => sum + d, 0) / days.length
  const p90 = days[Math.ceil(0.9 * days.length) - 1]
  return { count: days.length, averageDays: round1(average), p90Days: round1(p90) }
}

const round1 = (value: number): number => Math.round(value * 10) / 10
