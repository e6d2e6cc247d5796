/**
 * Only until the overview says the store's zone (the sales channel's, or the storeTimeZone
 * setting): the server's own fallback, so both sides agree when neither could be read.
 */
export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo'

export function isValidTimeZone(timeZone: string | undefined): timeZone is string {
  if (!timeZone) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0)
    return true
  } catch {
    return false
  }
}

/** A date-only value (YYYY-MM-DD), such as a promised delivery day, which has no time zone. */
export const isDateOnly = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value)

const pad = (value: number): string => String(value).padStart(2, '0')

/** Wall-clock parts of an instant in a time zone. */
function partsIn(
  instant: number,
  timeZone: string
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant)
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0)
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  }
}

/** Offset of a zone at an instant, in minutes east of UTC (São Paulo: -180). */
function offsetMinutes(instant: number, timeZone: string): number {
  const p = partsIn(instant, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000)
}

/** "YYYY-MM-DDTHH:mm" as shown on the store's wall clock (the value of an input type=datetime-local). */
export function wallTimeInZone(instant: number, timeZone: string): string {
  const p = partsIn(instant, timeZone)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

/**
 * The instant at which the store's wall clock reads `wall` ("YYYY-MM-DDTHH:mm"), as an ISO string
 * with the zone's offset, or undefined when `wall` is not a valid date and time.
 */
export function zonedWallTimeToIso(wall: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall)
  if (!match) return undefined
  const [year, month, day, hour, minute] = match.slice(1).map(Number)
  const naive = Date.UTC(year, month - 1, day, hour, minute)
  if (Number.isNaN(naive)) return undefined
  // Two passes settle the offset also next to a daylight-saving change.
  let offset = offsetMinutes(naive, timeZone)
  offset = offsetMinutes(naive - offset * 60_000, timeZone)
  const instant = naive - offset * 60_000
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, 19)
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}
