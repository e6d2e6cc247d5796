/**
 * The delivery promise of a VTEX shipping estimate, counted in the store's calendar. Pure.
 *
 * VTEX writes estimates as `<n>bd` (business days), `<n>d` (calendar days) or `<n>h` / `<n>m`
 * (hours, minutes). Business days skip Saturdays, Sundays and the store's holidays (Logistics
 * API), all read as dates in the store's time zone. The promise is the end of the last day.
 */
import { localParts } from './localTime'

const DAY = 24 * 3600_000

export interface StoreCalendar {
  /** IANA zone of the store (sales channel or the app setting). */
  timeZone: string
  /** Store holidays as yyyy-mm-dd dates in the store's time zone. */
  holidays: ReadonlySet<string>
}

export type EstimateUnit = 'bd' | 'd' | 'h' | 'm'

export interface ShippingEstimate {
  amount: number
  unit: EstimateUnit
}

/** `5bd`, `3d`, `12h`, `30m` (case and spaces ignored); anything else is null. */
export function parseShippingEstimate(text: string | null | undefined): ShippingEstimate | null {
  const match = /^(\d{1,3})\s*(bd|d|h|m)$/.exec((text ?? '').trim().toLowerCase())
  return match ? { amount: Number(match[1]), unit: match[2] as EstimateUnit } : null
}

/** Weekday of a yyyy-mm-dd date: 0 Sunday ... 6 Saturday. */
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay()
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

export const isBusinessDay = (date: string, calendar: StoreCalendar): boolean =>
  weekday(date) !== 0 && weekday(date) !== 6 && !calendar.holidays.has(date)

/** The local date `count` business days after the local date of `from` (that day not counted). */
export function addBusinessDays(from: number, count: number, calendar: StoreCalendar): string {
  let date = localParts(from, calendar.timeZone).date
  let left = count
  while (left > 0) {
    date = addDays(date, 1)
    if (isBusinessDay(date, calendar)) left--
  }
  return date
}

/** The last millisecond of a local date in a zone (23:59:59.999 on the wall clock). */
export function endOfLocalDay(date: string, timeZone: string): number {
  const nextMidnightWall = Date.parse(`${addDays(date, 1)}T00:00:00Z`)
  // The offset at that wall time: read it near the instant, then correct once (DST edges).
  const guess = nextMidnightWall - localParts(nextMidnightWall, timeZone).offsetMs
  return nextMidnightWall - localParts(guess, timeZone).offsetMs - 1
}

/** The first millisecond of a local date in a zone (its midnight on the wall clock). */
export const startOfLocalDay = (date: string, timeZone: string): number =>
  endOfLocalDay(addDays(date, -1), timeZone) + 1

/** The promised instant of an estimate counted from `from` (invoicing), or null for no estimate. */
export function promiseFromEstimate(
  from: number,
  estimate: ShippingEstimate | null,
  calendar: StoreCalendar
): number | null {
  if (estimate === null) return null
  switch (estimate.unit) {
    case 'bd':
      return endOfLocalDay(addBusinessDays(from, estimate.amount, calendar), calendar.timeZone)
    case 'd':
      return endOfLocalDay(addDays(localParts(from, calendar.timeZone).date, estimate.amount), calendar.timeZone)
    case 'h':
      return from + estimate.amount * 3600_000
    case 'm':
      return from + estimate.amount * 60_000
  }
}
