/**
 * Carrier timestamps as the carrier means them (issue 8, step 3). A timestamp that carries an
 * offset keeps it. A wall-clock time without one is read in the zone of the place where the event
 * happened, and the raw text is kept beside the result. Nothing here assumes "-03:00" or "Z".
 *
 * Output is always "YYYY-MM-DDTHH:MM:SS±HH:MM": the wall clock at the event's place plus its
 * offset, so the string reads as the local time and is still one exact instant.
 */

export interface CarrierTime {
  /** ISO-8601 with the event's offset, e.g. "2024-03-09T23:30:00-06:00". */
  occurredAt: string
  /** Epoch ms, for sorting. */
  instant: number
  /** Minutes east of UTC. */
  offsetMinutes: number
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?$/i

interface WallParts {
  wallMs: number
  offset: string | undefined
}

function parseIsoParts(raw: string): WallParts | undefined {
  const m = ISO.exec(raw.trim())
  if (!m) return undefined
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const [hours, minutes, seconds] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)]
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined
  // Date.UTC takes a 0-based month; the round trip rejects days that do not exist (2024-02-30).
  const wallMs = Date.UTC(year, month - 1, day, hours, minutes, seconds)
  const check = new Date(wallMs)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined
  }
  return { wallMs, offset: m[8] }
}

/** "Z" -> 0, "-07:00" / "-0700" / "-7:00" / "-07" -> -420. Undefined when not a plausible offset. */
export function parseOffset(text: string | undefined): number | undefined {
  const value = text?.trim()
  if (!value) return undefined
  if (value.toUpperCase() === 'Z') return 0
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(value)
  if (!m) return undefined
  const hours = Number(m[2])
  const minutes = Number(m[3] ?? 0)
  if (hours > 14 || minutes > 59) return undefined
  const total = hours * 60 + minutes
  return m[1] === '-' ? -total : total
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone: making one costs far more than using it. */
function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(zone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    offsetFormatters.set(zone, formatter)
  }
  return formatter
}

/** The offset of `zone` at `instant`, in minutes east of UTC. */
export function zoneOffsetAt(instant: number, zone: string): number {
  const name =
    offsetFormatter(zone)
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  // "GMT-05:00", or plain "GMT" at zero offset.
  return parseOffset(name.replace('GMT', '') || 'Z') ?? 0
}

/**
 * The instant a wall-clock time in `zone` stands for. Around a DST change the earlier reading of an
 * ambiguous time wins, and a time that does not exist (skipped hour) moves forward with the clock.
 */
const HALF_DAY_MS = 12 * 3600_000

function wallToInstant(wallMs: number, zone: string): { instant: number; offsetMinutes: number } {
  // Every offset the zone has within half a day of this wall time: the readings to consider.
  const offsets = new Set([-HALF_DAY_MS, 0, HALF_DAY_MS].map((shift) => zoneOffsetAt(wallMs + shift, zone)))
  const candidates = [...offsets].map((offset) => ({ offset, instant: wallMs - offset * 60_000 }))
  // A reading is valid when the zone really has that offset at that instant.
  const valid = candidates.filter((c) => zoneOffsetAt(c.instant, zone) === c.offset).map((c) => c.instant)
  // Two valid readings: the ambiguous hour, earlier wins. None: the skipped hour, read with the
  // offset from before the change, which lands after it.
  const instant = valid.length > 0 ? Math.min(...valid) : Math.max(...candidates.map((c) => c.instant))
  return { instant, offsetMinutes: zoneOffsetAt(instant, zone) }
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** "2024-03-09T23:30:00-06:00" for an instant shown at a given offset. */
export function formatAtOffset(instant: number, offsetMinutes: number): string {
  const wall = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 19)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${wall}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
}

/** An instant shown in a zone's local time with that zone's offset at that moment. */
export function formatInZone(instant: number, zone: string): CarrierTime {
  const offsetMinutes = zoneOffsetAt(instant, zone)
  return { occurredAt: formatAtOffset(instant, offsetMinutes), instant, offsetMinutes }
}

/**
 * Reads an ISO-8601 carrier timestamp. With an offset ("Z", "-07:00") the offset is the carrier's
 * and is kept. Without one, the wall time is read in `zone` (the event location's zone); when no
 * zone is known either, the result is undefined and the caller decides (never a silent UTC).
 */
export function readCarrierTimestamp(raw: string, zone: string | undefined): CarrierTime | undefined {
  const parts = parseIsoParts(raw)
  if (!parts) return undefined
  if (parts.offset !== undefined) {
    const offsetMinutes = parseOffset(parts.offset)
    if (offsetMinutes === undefined) return undefined
    const instant = parts.wallMs - offsetMinutes * 60_000
    return { occurredAt: formatAtOffset(instant, offsetMinutes), instant, offsetMinutes }
  }
  if (zone === undefined) return undefined
  const { instant, offsetMinutes } = wallToInstant(parts.wallMs, zone)
  return { occurredAt: formatAtOffset(instant, offsetMinutes), instant, offsetMinutes }
}

/** True when the text names its own offset ("Z", "+01:00"): then it needs no zone. */
export const hasOffset = (raw: string): boolean => parseIsoParts(raw)?.offset !== undefined

/** "YYYY-MM-DD" of a carrier date or date-time, as written (no zone conversion). */
export function calendarDate(raw: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(raw.trim())
  return m && parseIsoParts(m[1]) ? m[1] : undefined
}
