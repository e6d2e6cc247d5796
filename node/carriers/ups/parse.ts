import { CarrierResponseError } from '../../errors'
import { readCarrierTimestamp, zoneOffsetAt } from '../../tracking/carrierTime'
import { zoneOfPlace } from '../../tracking/placeZones'
import type { Substatus, TrackingStatus } from '../../tracking/status'
import { isTerminal } from '../../tracking/status'
import type {
  CarrierCode,
  CarrierMessage,
  EventLocation,
  TrackingEvent,
  TrackingResult,
} from '../../tracking/carrierResult'
import { normalizeInquiryNumber } from './request'
import { mapUpsStatus } from './statusMap'

/*
 * Wire types: the parts of Tracking.yaml (TrackApiResponse, Response) the app reads. Every field
 * is optional because the spec marks none required and real responses omit many.
 */
export interface UpsAddress {
  addressLine1?: string
  addressLine2?: string
  addressLine3?: string
  city?: string
  stateProvince?: string
  postalCode?: string
  countryCode?: string
  country?: string
}

export interface UpsStatus {
  /** One-letter activity type: D, I, M, MV, X, U, ... */
  type?: string
  /** Two-character scan code, e.g. "FS", "OT", "MP". */
  code?: string
  /** Three-digit status description code, e.g. "011". */
  statusCode?: string
  description?: string
  simplifiedTextDescription?: string
}

export interface UpsActivity {
  /** Local date YYYYMMDD. */
  date?: string
  /** Local time HHMMSS. */
  time?: string
  gmtDate?: string
  /** "HH:MM:SS" in live responses, "74700" (HMMSS) in the spec's example. */
  gmtTime?: string
  /** "-05:00". */
  gmtOffset?: string
  location?: { address?: UpsAddress; slic?: string }
  status?: UpsStatus
  logicalScan?: boolean
}

export interface UpsDeliveryDate {
  /** SDD scheduled, RDD rescheduled, DEL delivered. */
  type?: string
  /** YYYYMMDD. */
  date?: string
}

export interface UpsPackage {
  trackingNumber?: string
  /** Newest first. */
  activity?: UpsActivity[]
  /** Not trusted: it repeats the newest activity, and samples carry placeholder values in it. */
  currentStatus?: UpsStatus
  deliveryDate?: UpsDeliveryDate[]
  deliveryTime?: { type?: string; startTime?: string; endTime?: string }
  packageCount?: number
}

export interface UpsNotice {
  code?: string
  message?: string
}

export interface UpsShipment {
  inquiryNumber?: string
  package?: UpsPackage[]
  /** Present with no package when UPS does not know the number (code TW0001). */
  warnings?: UpsNotice[]
}

/** 200 body of GET /api/track/v1/details/{inquiryNumber}. */
export interface UpsTrackApiResponse {
  trackResponse: { shipment: UpsShipment[] }
}

/** UPS's error body (schema "Response") for 4xx/5xx on both the Track and the OAuth APIs. */
export interface UpsErrorResponse {
  response: { errors: UpsNotice[] }
}

/**
 * What the client hands the adapter: the 200 body, or the error body of a 404. UPS answers an
 * unknown number with 404, and "not found" is data (a label may exist before the first scan), so
 * the client passes that body through instead of throwing. Every other error status is thrown
 * by the client and never reaches the parser.
 */
export type UpsTrackResponse = UpsTrackApiResponse | UpsErrorResponse

const CARRIER: CarrierCode = 'ups'

/**
 * Turns one UPS Track response into one TrackingResult per requested number, in request order
 * (UPS takes one number per call, so normally one). Throws CarrierResponseError when the body is
 * not the documented shape.
 */
export function parseUpsTracking(raw: UpsTrackResponse, requested: readonly string[]): TrackingResult[] {
  const body = validateTrackResponse(raw)
  if (isErrorResponse(body)) {
    const message = upsErrorMessage(body) ?? 'UPS has no tracking information for this number'
    return requested.map((n) => notFound(n, message))
  }
  return requested.map((n) => resultFor(n, body.trackResponse.shipment))
}

const isErrorResponse = (body: UpsTrackResponse): body is UpsErrorResponse => !('trackResponse' in body)

/** "CODE: message; CODE: message" from UPS's error body, or undefined when it is not that shape. */
export function upsErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.response) || !Array.isArray(body.response.errors)) return undefined
  const parts = body.response.errors
    .filter(isRecord)
    .map((e) => noticeText({ code: stringOr(e.code), message: stringOr(e.message) }))
  const text = parts.filter((p) => p.length > 0).join('; ')
  return text.length > 0 ? text : undefined
}

function resultFor(requested: string, shipments: UpsShipment[]): TrackingResult {
  const wanted = normalizeInquiryNumber(requested)
  const found = findPackage(wanted, shipments)
  if (!found) {
    const warning = shipments
      .flatMap((s) => s.warnings ?? [])
      .map(noticeText)
      .find((t) => t.length > 0)
    return notFound(requested, warning ?? 'UPS returned no package for this number')
  }
  const { pkg, shipment } = found
  const messages: CarrierMessage[] = (shipment.warnings ?? [])
    .map(noticeText)
    .filter((t) => t.length > 0)
    .map((message) => ({ code: 'CARRIER_MESSAGE', message }))
  const parsed = toEvents(pkg.activity ?? [])
  messages.push(...parsed.messages)
  const estimatedDelivery = estimatedDeliveryOf(pkg.deliveryDate ?? [])
  const events = parsed.mapped.map((m) => m.event)
  const base = { carrier: CARRIER, trackingNumber: requested, found: true, events }
  const withEstimate = estimatedDelivery === undefined ? base : { ...base, estimatedDelivery }

  const current = currentStatus(parsed.mapped)
  if (!current) {
    messages.push({ code: 'NO_EVENTS', message: 'UPS knows the number but has no scans yet' })
    return { ...withEstimate, status: 'INFO_RECEIVED', substatus: 'label_created', messages }
  }
  return {
    ...withEstimate,
    status: current.status,
    ...(current.substatus === undefined ? {} : { substatus: current.substatus }),
    // The event's instant, not deliveryDate DEL: DEL is a bare date with no time or zone.
    ...(current.status === 'DELIVERED' ? { deliveredAt: current.occurredAt } : {}),
    messages,
  }
}

function findPackage(wanted: string, shipments: UpsShipment[]): { pkg: UpsPackage; shipment: UpsShipment } | undefined {
  for (const shipment of shipments) {
    const pkg = (shipment.package ?? []).find((p) => normalizeInquiryNumber(p.trackingNumber ?? '') === wanted)
    if (pkg) return { pkg, shipment }
  }
  // A multi-piece shipment looked up by its lead number answers with the shipment's inquiry number.
  const shipment = shipments.find((s) => normalizeInquiryNumber(s.inquiryNumber ?? '') === wanted)
  const pkg = shipment?.package?.[0]
  return shipment && pkg ? { pkg, shipment } : undefined
}

const notFound = (trackingNumber: string, message: string): TrackingResult => ({
  carrier: CARRIER,
  trackingNumber,
  found: false,
  status: 'PENDING',
  events: [],
  messages: [{ code: 'NOT_FOUND', message }],
})

/* ------------------------------------------------------------------ events */

interface MappedEvent {
  event: TrackingEvent
  /** false for type U updates (153-155): recorded, but they never set the status. */
  setsStatus: boolean
}

function toEvents(activities: UpsActivity[]): { mapped: MappedEvent[]; messages: CarrierMessage[] } {
  const messages: CarrierMessage[] = []
  const unmapped = new Set<string>()
  // UPS sends newest first; reversing before the stable sort keeps UPS's order for equal instants.
  const drafts = [...activities].reverse().map((activity) => {
    const status = activity.status ?? {}
    const carrierCode = [status.type, status.code, status.statusCode].map((p) => p?.trim() ?? '').join('/')
    const description = firstText(status.description, status.simplifiedTextDescription) ?? carrierCode
    const mapping = mapUpsStatus(status.type, status.statusCode)
    if (mapping.kind === 'unmapped' && !unmapped.has(carrierCode)) {
      unmapped.add(carrierCode)
      messages.push({
        code: 'UNMAPPED_CODE',
        message: `UPS status ${carrierCode} ("${description}") is not in the status table`,
      })
    }
    return { activity, carrierCode, description, mapping, time: eventTime(activity) }
  })
  drafts.sort((a, b) => a.time.instant - b.time.instant)

  let previous: { status: TrackingStatus; substatus?: Substatus } | undefined
  const mapped: MappedEvent[] = drafts.map(({ activity, carrierCode, description, mapping, time }) => {
    // A no-change update inherits the status before it, so the timeline never shows a jump.
    const own =
      mapping.kind === 'status'
        ? { status: mapping.status, substatus: mapping.substatus }
        : mapping.kind === 'unmapped'
          ? { status: 'UNKNOWN' as const, substatus: undefined }
          : (previous ?? { status: 'INFO_RECEIVED' as const, substatus: undefined })
    if (mapping.kind !== 'no_change') previous = own
    const location = locationOf(activity)
    const event: TrackingEvent = {
      occurredAt: time.occurredAt,
      ...(time.occurredAtLocal === undefined ? {} : { occurredAtLocal: time.occurredAtLocal }),
      status: own.status,
      ...(own.substatus === undefined ? {} : { substatus: own.substatus }),
      carrierCode,
      description,
      ...(location === undefined ? {} : { location }),
    }
    return { event, setsStatus: mapping.kind !== 'no_change' }
  })
  return { mapped, messages }
}

/**
 * Status model rules 1-2: the latest status-setting event wins, except that once a terminal
 * status (DELIVERED, RETURNED, FAILURE) is reached a later non-terminal event does not reopen it.
 */
function currentStatus(mapped: readonly MappedEvent[]): TrackingEvent | undefined {
  let current: TrackingEvent | undefined
  for (const { event, setsStatus } of mapped) {
    if (!setsStatus) continue
    if (current && isTerminal(current.status) && !isTerminal(event.status)) continue
    current = event
  }
  return current
}

function locationOf(activity: UpsActivity): EventLocation | undefined {
  const address = activity.location?.address
  if (!address) return undefined
  const location: EventLocation = {}
  const city = firstText(address.city)
  const state = firstText(address.stateProvince)
  const postalCode = firstText(address.postalCode)
  const country = firstText(address.countryCode, address.country)
  if (city) location.city = city
  if (state) location.state = state
  if (postalCode) location.postalCode = postalCode
  if (country) location.country = country
  return Object.keys(location).length > 0 ? location : undefined
}

/* ------------------------------------------------------------------ time */

interface EventTime {
  occurredAt: string
  occurredAtLocal?: string
  /** Epoch ms, for sorting. */
  instant: number
}

/**
 * The instant comes from gmtDate + gmtTime when UPS sends them, and is written in the scan's own
 * offset (gmtOffset), so "2023-03-10T23:30:00-05:00" reads as the local clock and is still exact.
 * Without gmt fields, local date + time + gmtOffset give the same instant.
 * Without any offset from UPS, the zone of the scan's place (state, else country) gives it, DST
 * included. Only a scan with no offset and no place at all is written with "Z", which here always
 * means "zone unknown" (a known zero offset is "+00:00"); the raw value stays in occurredAtLocal.
 */
function eventTime(activity: UpsActivity): EventTime {
  const occurredAtLocal = [activity.date, activity.time]
    .map((p) => p?.trim() ?? '')
    .filter((p) => p.length > 0)
    .join(' ')
  const local = wallClock(activity.date, activity.time)
  const gmt = wallClock(activity.gmtDate, activity.gmtTime)
  let offset = parseOffset(activity.gmtOffset)
  if (offset === undefined && gmt !== undefined && local !== undefined) offset = derivedOffset(local, gmt)
  // No offset from UPS: the zone of the scan's place (state, else country) gives it.
  const zone = offset === undefined ? zoneOfActivity(activity) : undefined

  let instant: number
  if (gmt !== undefined) instant = gmt
  else if (local !== undefined && zone !== undefined) instant = wallToInstant(local, zone)
  else if (local !== undefined) instant = local - (offset ?? 0) * 60_000
  else throw new CarrierResponseError(CARRIER, 'an activity has no usable date/time')
  if (zone !== undefined) offset = zoneOffsetAt(instant, zone)

  return {
    occurredAt: formatInstant(instant, offset),
    ...(occurredAtLocal ? { occurredAtLocal } : {}),
    instant,
  }
}

const zoneOfActivity = (activity: UpsActivity): string | undefined => {
  const address = activity.location?.address
  return zoneOfPlace({ country: address?.countryCode ?? address?.country, state: address?.stateProvince })
}

/** The instant of a wall clock (epoch ms read as UTC) in `zone`. */
function wallToInstant(wallMs: number, zone: string): number {
  const iso = new Date(wallMs).toISOString().slice(0, 19)
  const read = readCarrierTimestamp(iso, zone)
  if (!read) throw new CarrierResponseError(CARRIER, `activity time ${iso} is not a valid local time`)
  return read.instant
}

/**
 * "YYYYMMDD" + time as if it were UTC, in epoch ms. Date.UTC takes a 0-based month, hence `- 1`;
 * the round trip rejects impossible dates (20230231) instead of rolling them over.
 */
function wallClock(date: string | undefined, time: string | undefined): number | undefined {
  const d = date?.trim()
  const t = time?.trim()
  if (!d || !t) return undefined
  const dm = /^(\d{4})(\d{2})(\d{2})$/.exec(d)
  if (!dm) throw new CarrierResponseError(CARRIER, `activity date "${d}" is not YYYYMMDD`)
  const hms = parseClock(t)
  const [year, month, day] = [Number(dm[1]), Number(dm[2]), Number(dm[3])]
  const ms = Date.UTC(year, month - 1, day, hms.hours, hms.minutes, hms.seconds)
  const check = new Date(ms)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new CarrierResponseError(CARRIER, `activity date "${d}" does not exist`)
  }
  return ms
}

/** Accepts "HH:MM:SS", "HHMMSS", the spec's zero-dropped "74700" and "HHMM". */
function parseClock(time: string): { hours: number; minutes: number; seconds: number } {
  let digits = time.replace(/:/g, '')
  if (/^\d{3,4}$/.test(digits)) digits = `${digits.padStart(4, '0')}00`
  else if (/^\d{5}$/.test(digits)) digits = digits.padStart(6, '0')
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(digits)
  const [hours, minutes, seconds] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN]
  if (!m || hours > 23 || minutes > 59 || seconds > 59) {
    throw new CarrierResponseError(CARRIER, `activity time "${time}" is not HHMMSS`)
  }
  return { hours, minutes, seconds }
}

/** "-05:00" -> -300. Also "-0500", "-5:00" and Track Alert's "-05.00". */
function parseOffset(offset: string | undefined): number | undefined {
  const m = /^([+-])(\d{1,2})[:.]?(\d{2})$/.exec(offset?.trim() ?? '')
  if (!m) return undefined
  const minutes = Number(m[2]) * 60 + Number(m[3])
  if (minutes > 14 * 60 || Number(m[3]) > 59) return undefined
  return m[1] === '-' ? -minutes : minutes
}

/** local - gmt, when it is a plausible zone offset (whole quarter hours within +-14 h). */
function derivedOffset(local: number, gmt: number): number | undefined {
  const minutes = Math.round((local - gmt) / 60_000)
  return Math.abs(minutes) <= 14 * 60 && minutes % 15 === 0 ? minutes : undefined
}

function formatInstant(instant: number, offsetMinutes: number | undefined): string {
  const wall = new Date(instant + (offsetMinutes ?? 0) * 60_000).toISOString().slice(0, 19)
  if (offsetMinutes === undefined) return `${wall}Z`
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${wall}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** RDD (rescheduled) wins over SDD (scheduled); both are bare dates, returned as YYYY-MM-DD. */
function estimatedDeliveryOf(dates: UpsDeliveryDate[]): string | undefined {
  const pick = (type: string): string | undefined => dates.find((d) => d.type?.trim() === type && d.date?.trim())?.date
  const date = (pick('RDD') ?? pick('SDD'))?.trim()
  if (date === undefined) return undefined
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date)
  if (!m) throw new CarrierResponseError(CARRIER, `deliveryDate "${date}" is not YYYYMMDD`)
  return `${m[1]}-${m[2]}-${m[3]}`
}

/* ------------------------------------------------------------------ shape checks */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const stringOr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

const firstText = (...values: Array<string | undefined>): string | undefined =>
  values.map((v) => v?.trim()).find((v): v is string => v !== undefined && v.length > 0)

const noticeText = (notice: UpsNotice): string =>
  [firstText(notice.code), firstText(notice.message)].filter((p) => p !== undefined).join(': ')

/**
 * Checks the fields the parser reads against Tracking.yaml, since the client's type is only a
 * claim about what came over the wire. Unknown extra fields are fine; wrong types are not.
 */
export function validateTrackResponse(raw: unknown): UpsTrackResponse {
  const fail = (why: string): never => {
    throw new CarrierResponseError(CARRIER, `Track response is not the documented shape: ${why}`)
  }
  if (!isRecord(raw)) return fail('body is not a JSON object')
  if (isRecord(raw.response) && !('trackResponse' in raw)) {
    if (!Array.isArray(raw.response.errors)) return fail('response.errors is not an array')
    raw.response.errors.forEach((e, i) => checkNotice(e, `response.errors[${i}]`, fail))
    return raw as unknown as UpsErrorResponse
  }
  if (!isRecord(raw.trackResponse)) return fail('trackResponse is missing')
  const shipments = raw.trackResponse.shipment
  if (!Array.isArray(shipments)) return fail('trackResponse.shipment is not an array')
  shipments.forEach((s, i) => checkShipment(s, `shipment[${i}]`, fail))
  return raw as unknown as UpsTrackApiResponse
}

type Fail = (why: string) => never

function checkShipment(value: unknown, path: string, fail: Fail): void {
  if (!isRecord(value)) return fail(`${path} is not an object`)
  checkStrings(value, ['inquiryNumber'], path, fail)
  checkArray(value.warnings, `${path}.warnings`, fail).forEach((w, i) => checkNotice(w, `${path}.warnings[${i}]`, fail))
  checkArray(value.package, `${path}.package`, fail).forEach((p, i) => checkPackage(p, `${path}.package[${i}]`, fail))
}

function checkPackage(value: unknown, path: string, fail: Fail): void {
  if (!isRecord(value)) return fail(`${path} is not an object`)
  checkStrings(value, ['trackingNumber'], path, fail)
  checkArray(value.activity, `${path}.activity`, fail).forEach((a, i) => {
    const at = `${path}.activity[${i}]`
    if (!isRecord(a)) return fail(`${at} is not an object`)
    checkStrings(a, ['date', 'time', 'gmtDate', 'gmtTime', 'gmtOffset'], at, fail)
    if (a.status !== undefined && a.status !== null) {
      if (!isRecord(a.status)) return fail(`${at}.status is not an object`)
      checkStrings(a.status, ['type', 'code', 'statusCode', 'description', 'simplifiedTextDescription'], at, fail)
    }
    if (a.location !== undefined && a.location !== null) {
      if (!isRecord(a.location)) return fail(`${at}.location is not an object`)
      const address = a.location.address
      if (address !== undefined && address !== null && !isRecord(address))
        return fail(`${at}.location.address is not an object`)
      if (isRecord(address))
        checkStrings(address, ['city', 'stateProvince', 'postalCode', 'countryCode', 'country'], at, fail)
    }
  })
  checkArray(value.deliveryDate, `${path}.deliveryDate`, fail).forEach((d, i) => {
    if (!isRecord(d)) return fail(`${path}.deliveryDate[${i}] is not an object`)
    checkStrings(d, ['type', 'date'], `${path}.deliveryDate[${i}]`, fail)
  })
}

function checkNotice(value: unknown, path: string, fail: Fail): void {
  if (!isRecord(value)) return fail(`${path} is not an object`)
  checkStrings(value, ['code', 'message'], path, fail)
}

function checkArray(value: unknown, path: string, fail: Fail): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : fail(`${path} is not an array`)
}

function checkStrings(value: Record<string, unknown>, keys: readonly string[], path: string, fail: Fail): void {
  for (const key of keys) {
    const v = value[key]
    if (v !== undefined && v !== null && typeof v !== 'string') fail(`${path}.${key} is not a string`)
  }
}
