/**
 * Synthetic delivery timelines for the schedule benchmark: what carriers do, not what our
 * simulators script. Seeded, so every run compares the same parcels.
 * - transit of 2 to 15 days (mostly 3 to 7), scans hours to a day apart, at any hour;
 * - out for delivery between 06:00 and 10:00 at the destination, delivery 1 to 8 hours later and
 *   before 20:30; failed attempts in the afternoon, delivered the next day;
 * - 80% delivered, 8% after a failed attempt, 3% after an exception, 4% returned, 5% lost;
 * - the carrier's estimated delivery day is right about 70% of the time.
 */
import type { TrackingStatus } from '../../node/tracking/status'
import { atLocalHour } from '../../node/tracking/localTime'

const HOUR = 3600_000
const DAY = 24 * HOUR

export interface SyntheticEvent {
  at: number
  status: TrackingStatus
}

export interface SyntheticTimeline {
  id: string
  invoicedAt: number
  timeZone: string
  expectedDelivery: number
  events: SyntheticEvent[]
  kind: 'delivered' | 'attempt_then_delivered' | 'exception_then_delivered' | 'returned' | 'lost'
}

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ZONES: Array<[string, number]> = [
  ['America/Sao_Paulo', 0.6],
  ['America/Manaus', 0.05],
  ['America/New_York', 0.15],
  ['America/Chicago', 0.1],
  ['America/Los_Angeles', 0.1],
]

export function syntheticTimelines(
  count: number,
  seed = 7,
  start = Date.parse('2026-11-02T00:00:00Z')
): SyntheticTimeline[] {
  const random = rng(seed)
  const between = (min: number, max: number): number => min + random() * (max - min)
  const pick = <T>(weighted: Array<[T, number]>): T => {
    let r = random()
    for (const [value, weight] of weighted) {
      if ((r -= weight) <= 0) return value
    }
    return weighted[weighted.length - 1][0]
  }
  return Array.from({ length: count }, (_, i) => {
    const timeZone = pick(ZONES)
    const invoicedAt = start + Math.floor(random() * 3 * DAY)
    const transitDays = Math.min(15, Math.max(2, Math.round(2 + Math.abs(between(-1, 1) + between(-1, 1)) * 5)))
    const kind = pick<SyntheticTimeline['kind']>([
      ['delivered', 0.8],
      ['attempt_then_delivered', 0.08],
      ['exception_then_delivered', 0.03],
      ['returned', 0.04],
      ['lost', 0.05],
    ])
    const events: SyntheticEvent[] = [{ at: invoicedAt + between(1, 6) * HOUR, status: 'INFO_RECEIVED' }]
    let t = invoicedAt + between(12, 24) * HOUR
    const deliveryDay = invoicedAt + transitDays * DAY
    const lostAt = invoicedAt + between(1, transitDays) * DAY
    while (t < atLocalHour(deliveryDay, timeZone, 0)) {
      if (kind === 'lost' && t > lostAt) break
      events.push({ at: t, status: 'IN_TRANSIT' })
      t += between(4, 24) * HOUR
    }
    if (kind !== 'lost') {
      let day = deliveryDay
      if (kind === 'exception_then_delivered') {
        events.push({ at: atLocalHour(day, timeZone, between(9, 18)), status: 'EXCEPTION' })
        day += DAY
      }
      if (kind === 'attempt_then_delivered' || kind === 'returned') {
        const out = atLocalHour(day, timeZone, between(6, 10))
        events.push({ at: out, status: 'OUT_FOR_DELIVERY' })
        events.push({ at: atLocalHour(day, timeZone, between(14, 18)), status: 'ATTEMPT_FAIL' })
        day += DAY
      }
      if (kind === 'returned') {
        events.push({ at: atLocalHour(day, timeZone, between(9, 17)), status: 'RETURN_TO_SENDER' })
        events.push({ at: day + between(2, 4) * DAY, status: 'RETURNED' })
      } else {
        const out = atLocalHour(day, timeZone, between(6, 10))
        events.push({ at: out, status: 'OUT_FOR_DELIVERY' })
        const delivered = Math.min(out + between(1, 8) * HOUR, atLocalHour(day, timeZone, 20.5))
        events.push({ at: delivered, status: 'DELIVERED' })
      }
    }
    const wrongBy =
      random() < 0.7
        ? 0
        : pick<number>([
            [-2, 0.1],
            [-1, 0.25],
            [1, 0.35],
            [2, 0.2],
            [3, 0.1],
          ])
    const expectedDelivery = atLocalHour(deliveryDay + wrongBy * DAY, timeZone, 12)
    return { id: `synthetic-${seed}-${i}`, invoicedAt, timeZone, expectedDelivery, events, kind }
  })
}
