import { useMemo } from 'react'
import { useIntl } from 'react-intl'

import { commonMessages } from '../i18n/messages'
import { useStoreClock } from './StoreContext'
import { isDateOnly } from './time'

export interface Formatters {
  /** "02 Nov 2026, 14:03 GMT-3": an instant in the store's zone, with the zone named. */
  dateTime(iso: string | null | undefined): string
  /** "02 Nov, 14:03": compact, for table cells (the zone is stated once on the page). */
  dateTimeShort(iso: string | null | undefined): string
  /** A day: date-only values as they are, instants as their day in the store's zone. */
  date(value: string | null | undefined): string
  /** The same day without the year, for table cells. */
  dateShort(value: string | null | undefined): string
  /** "Nov 2" for a YYYY-MM-DD chart day. */
  dayLabel(day: string): string
  /** "3 hours ago", "in 2 hours", against the server's clock. */
  relative(iso: string | null | undefined): string
  number(value: number): string
  /** One decimal: "2.5" / "2,5". */
  decimal(value: number): string
  /** 0..1 as "87%". */
  percent(ratio: number): string
  duration(ms: number | null | undefined): string
  empty: string
}

const parse = (value: string | null | undefined): number | undefined => {
  if (!value) return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : time
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/**
 * Dates, times and numbers in the active locale (react-intl) and the STORE's time zone, which can
 * differ from the browser's: a merchant in Lisbon running a Brazilian store sees Brazilian times.
 */
export function useFormat(): Formatters {
  const intl = useIntl()
  const { timeZone, now } = useStoreClock()

  return useMemo(() => {
    const locale = intl.locale
    const empty = intl.formatMessage(commonMessages.empty)
    const full = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: '2-digit',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    })
    const short = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: '2-digit',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    })
    const dayInZone = new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: 'short', year: 'numeric' })
    const dayOnly = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: '2-digit',
      month: 'short',
      year: 'numeric',
    })
    const chartDay = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' })
    const dayShortInZone = new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: 'short' })
    const dayShortOnly = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: 'short' })
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    const decimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
    const numbers = new Intl.NumberFormat(locale)
    const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })

    return {
      empty,
      dateTime: (iso) => {
        const time = parse(iso)
        return time === undefined ? empty : full.format(time)
      },
      dateTimeShort: (iso) => {
        const time = parse(iso)
        return time === undefined ? empty : short.format(time)
      },
      date: (value) => {
        if (value && isDateOnly(value)) return dayOnly.format(Date.parse(`${value}T00:00:00Z`))
        const time = parse(value)
        return time === undefined ? empty : dayInZone.format(time)
      },
      dateShort: (value) => {
        if (value && isDateOnly(value)) return dayShortOnly.format(Date.parse(`${value}T00:00:00Z`))
        const time = parse(value)
        return time === undefined ? empty : dayShortInZone.format(time)
      },
      dayLabel: (day) => {
        const time = parse(`${day}T00:00:00Z`)
        return time === undefined ? day : chartDay.format(time)
      },
      relative: (iso) => {
        const time = parse(iso)
        if (time === undefined) return empty
        const diff = time - now()
        for (const [unit, size] of RELATIVE_UNITS) {
          if (Math.abs(diff) >= size) return relative.format(Math.round(diff / size), unit)
        }
        return relative.format(0, 'minute')
      },
      number: (value) => numbers.format(value),
      decimal: (value) => decimals.format(value),
      percent: (ratio) => percents.format(ratio),
      duration: (ms) => {
        if (ms === null || ms === undefined || !Number.isFinite(ms)) return empty
        if (ms < 1000) return intl.formatMessage(commonMessages.durationMs, { ms: Math.round(ms) })
        const seconds = Math.round(ms / 1000)
        if (seconds < 60) return intl.formatMessage(commonMessages.durationSeconds, { seconds })
        return intl.formatMessage(commonMessages.durationMinutes, {
          minutes: Math.floor(seconds / 60),
          seconds: seconds % 60,
        })
      },
    }
  }, [intl, timeZone, now])
}
