/**
 * Freshness and cost of a schedule, replayed on synthetic timelines with the app's own schedule
 * policy (node/tracking/schedulePolicy.ts): when would each scan have reached the order, and how
 * many carrier calls did it take? Both policies see the same parcels in the same run.
 */
import type { ScheduleMode } from '../../node/tracking/schedulePolicy'
import { nextCheck } from '../../node/tracking/schedulePolicy'
import type { TrackingStatus } from '../../node/tracking/status'
import type { SyntheticTimeline } from './syntheticTimelines'

export interface FreshnessResult {
  mode: ScheduleMode
  shipments: number
  /** Minutes from the carrier's scan to the order update (check + `processingMs`). */
  deliveredDelayMin: { median: number; p90: number; count: number }
  outForDeliveryDelayMin: { median: number; p90: number; count: number }
  carrierCallsPerShipment: number
  /** Share of carrier calls that found a scan the previous call had not (the rest find nothing new). */
  newsShare: number
  /** Minutes, for the plot: every delivered delay, sorted. */
  deliveredDelays: number[]
}

export function replay(
  timelines: readonly SyntheticTimeline[],
  mode: ScheduleMode,
  processingMs: number,
  cronMs: number
): FreshnessResult {
  const delivered: number[] = []
  const outForDelivery: number[] = []
  let calls = 0
  let callsWithNews = 0
  for (const timeline of timelines) {
    let now = timeline.invoicedAt // checked at once on registration
    const seen = new Set<TrackingStatus>()
    let scansSeen = 0
    for (let guard = 0; guard < 2000; guard++) {
      calls += 1
      const visible = timeline.events.filter((e) => e.at <= now)
      if (visible.length > scansSeen) callsWithNews += 1
      scansSeen = visible.length
      for (const event of visible) {
        if (seen.has(event.status)) continue
        seen.add(event.status)
        const delay = (now + processingMs - event.at) / 60_000
        if (event.status === 'DELIVERED') delivered.push(delay)
        // The order shows the full event list: an out-for-delivery scan first seen together with the
        // delivery still reached the order only then.
        if (event.status === 'OUT_FOR_DELIVERY') outForDelivery.push(delay)
      }
      const status = visible.at(-1)?.status ?? 'PENDING'
      const decision = nextCheck({
        now,
        status,
        invoicedAt: timeline.invoicedAt,
        pollingIntervalHours: 6,
        trackingWindowDays: 12.5,
        mode,
        expectedDelivery: timeline.expectedDelivery,
        timeZone: timeline.timeZone,
        jitterKey: timeline.id,
      })
      if (decision.kind !== 'next') break
      // A check happens at the first scheduler run at or after its time (the cron's period).
      now = Math.ceil(decision.at / cronMs) * cronMs
    }
  }
  const sorted = [...delivered].sort((a, b) => a - b)
  return {
    mode,
    shipments: timelines.length,
    deliveredDelayMin: stats(delivered),
    outForDeliveryDelayMin: stats(outForDelivery),
    carrierCallsPerShipment: round(calls / timelines.length, 2),
    newsShare: round(callsWithNews / Math.max(1, calls), 3),
    deliveredDelays: sorted.map((d) => round(d, 1)),
  }
}

function stats(values: number[]): { median: number; p90: number; count: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number): number =>
    sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { median: round(at(0.5), 1), p90: round(at(0.9), 1), count: sorted.length }
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits
