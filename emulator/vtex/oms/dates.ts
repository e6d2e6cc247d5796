/** Timestamp and id formats of the emulated VTEX platform. */
import { randomUUID } from 'crypto'

/** VTEX's own timestamp form: 7 fractional digits and an explicit offset (`...43.8990000+00:00`). */
export const vtexDate = (date: Date): string => `${date.toISOString().slice(0, 23)}0000+00:00`

/** The broadcaster's form: 7 fractional digits and `Z` (`2020-07-13T20:25:13.2304508Z`). */
export const eventDate = (date: Date): string => `${date.toISOString().slice(0, 23)}0000Z`

export const hexId = (): string => randomUUID().replace(/-/g, '')

/** Adds business days (Monday to Friday, UTC), the unit of VTEX's `shippingEstimate` ('5bd'). */
export function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(from.getTime())
  let left = days
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1)
    const weekday = date.getUTCDay()
    if (weekday !== 0 && weekday !== 6) left -= 1
  }
  return date
}
