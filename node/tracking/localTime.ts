/**
 * Wall-clock time at the destination, for the schedule policy's quiet hours and delivery-day
 * mornings. IANA zones through Intl (Node ships full ICU); formatters are cached per zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

export interface LocalParts {
  /** yyyy-mm-dd at the destination. */
  date: string
  /** Hours since local midnight, with minutes as a fraction (13.5 = 13:30). */
  hour: number
  /** Milliseconds to add to the instant to read the wall clock as if it were UTC. */
  offsetMs: number
}

export function localParts(at: number, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value])
  )
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute)
  )
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour) + Number(parts.minute) / 60,
    offsetMs: wall - Math.floor(at / 60_000) * 60_000,
  }
}

/** The instant of local `hour` (fractional) on the local day of `at`, plus `days` days. */
export function atLocalHour(at: number, timeZone: string, hour: number, days = 0): number {
  const { date, offsetMs } = localParts(at, timeZone)
  const midnightWall = Date.parse(`${date}T00:00:00Z`)
  return midnightWall + days * 24 * 3600_000 + hour * 3600_000 - offsetMs
}

/** Is the zone one Intl knows? Unknown zones mean "no quiet hours", never a crash. */
export function isKnownTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone) return false
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}
