import { CarrierResponseError } from '../../errors'
import type { CarrierMessage, TrackingResult } from '../../tracking/carrierResult'
import { calendarDate } from '../../tracking/carrierTime'
import type { Fail, MappedEvent, Place } from '../shared/normalise'
import {
  ascending,
  checkArray,
  checkObject,
  checkStrings,
  eventTimeOf,
  firstText,
  isRecord,
  locationOf,
  notFound,
  resultFrom,
  unmappedMessage,
} from '../shared/normalise'
import type { AftershipCheckpoint, AftershipEnvelope, AftershipTracking } from './contract'
import { normalizeAftershipNumber } from './request'
import { mapAftershipStatus } from './statusMap'

const CARRIER = 'aftership'

/** AfterShip sends alpha-3 countries; the app keeps alpha-2. Only the ones seen or likely for VTEX stores. */
const ALPHA2: Readonly<Record<string, string>> = {
  ARG: 'AR',
  BRA: 'BR',
  CAN: 'CA',
  CHL: 'CL',
  CHN: 'CN',
  COL: 'CO',
  DEU: 'DE',
  ESP: 'ES',
  FRA: 'FR',
  GBR: 'GB',
  HKG: 'HK',
  ITA: 'IT',
  MEX: 'MX',
  NLD: 'NL',
  PER: 'PE',
  PRT: 'PT',
  URY: 'UY',
  USA: 'US',
}
const alpha2 = (country: string | null | undefined): string | undefined => {
  const c = firstText(country ?? undefined)?.toUpperCase()
  if (!c) return undefined
  return c.length === 2 ? c : ALPHA2[c]
}

/** Every tracking object in a list, get or create answer (dated or v4 envelope). */
export function trackingsOf(envelope: AftershipEnvelope): AftershipTracking[] {
  const data = envelope.data
  if (!data) return []
  if (Array.isArray(data.trackings)) return data.trackings
  if (data.tracking) return [data.tracking]
  if (typeof data.tracking_number === 'string') return [data as AftershipTracking]
  return []
}

/**
 * One result per requested number from a list answer. A number AfterShip does not list is not
 * found (not registered yet, or registered under no courier). Several trackings for one number
 * (different couriers): the active one with the most checkpoints wins, the others are named.
 */
export function parseAftershipTracking(raw: unknown, requested: readonly string[]): TrackingResult[] {
  const envelope = validateEnvelope(raw)
  const trackings = trackingsOf(envelope)
  return requested.map((number) => {
    const wanted = normalizeAftershipNumber(number)
    const own = trackings.filter((t) => normalizeAftershipNumber(t.tracking_number) === wanted)
    if (own.length === 0) return notFound(CARRIER, number, 'AfterShip is not tracking this number')
    const messages: CarrierMessage[] = []
    const best = own.reduce((a, b) => (score(b) > score(a) ? b : a))
    if (own.length > 1) {
      const others = own.filter((t) => t !== best).map((t) => t.slug ?? '?')
      messages.push({ code: 'CARRIER_MESSAGE', message: `AfterShip also tracks this number as ${others.join(', ')}` })
    }
    return parseOne(number, best, messages)
  })
}

const score = (t: AftershipTracking): number => (t.active === false ? 0 : 1000) + (t.checkpoints?.length ?? 0)

/** One tracking object (from a list, a get, a create or a webhook `msg`) as a result. */
export function parseOne(number: string, tracking: AftershipTracking, messages: CarrierMessage[] = []): TrackingResult {
  const destination: Place | undefined = alpha2(
    tracking.destination_country_region ?? tracking.destination_country_iso3
  )
    ? { country: alpha2(tracking.destination_country_region ?? tracking.destination_country_iso3) }
    : undefined
  const origin: Place | undefined = alpha2(tracking.origin_country_region ?? tracking.origin_country_iso3)
    ? { country: alpha2(tracking.origin_country_region ?? tracking.origin_country_iso3) }
    : undefined
  const unmapped = new Set<string>()
  const mapped = (tracking.checkpoints ?? []).map((c, index) =>
    mapCheckpoint(c, index, [destination, origin], messages, unmapped)
  )
  const tagMapping = mapAftershipStatus(tracking.tag, tracking.subtag)
  if (tagMapping.kind === 'unmapped' && tracking.tag && !unmapped.has(codeOf(tracking.tag, tracking.subtag))) {
    messages.push(
      unmappedMessage('AfterShip', codeOf(tracking.tag, tracking.subtag), tracking.subtag_message ?? tracking.tag)
    )
  }
  const estimate = estimateOf(tracking, destination)
  const fallback =
    tagMapping.kind === 'status' && tagMapping.status !== 'DELIVERED'
      ? { status: tagMapping.status, ...(tagMapping.substatus ? { substatus: tagMapping.substatus } : {}) }
      : tagMapping.kind === 'unmapped'
        ? { status: 'UNKNOWN' as const }
        : undefined
  const result = resultFrom(CARRIER, number, ascending(mapped), messages, {
    ...(estimate === undefined ? {} : { estimatedDelivery: estimate }),
    // A Pending tracking without checkpoints: AfterShip has not heard from the courier yet.
    ...(fallback ? { fallback } : {}),
  })
  if (result.status !== 'DELIVERED') delete result.deliveredAt
  return result
}

const codeOf = (tag: string | null | undefined, subtag: string | null | undefined): string =>
  firstText(subtag ?? undefined, tag ?? undefined) ?? ''

function mapCheckpoint(
  c: AftershipCheckpoint,
  index: number,
  fallbackPlaces: ReadonlyArray<Place | undefined>,
  messages: CarrierMessage[],
  unmapped: Set<string>
): MappedEvent {
  const subtagCode = codeOf(c.tag, c.subtag)
  const carrierCode = c.raw_tag ? `${subtagCode}/${c.raw_tag}` : subtagCode
  const description = firstText(c.message ?? undefined, c.subtag_message ?? undefined, c.tag ?? undefined) ?? subtagCode
  const mapping = mapAftershipStatus(c.tag, c.subtag)
  if (mapping.kind === 'unmapped' && !unmapped.has(subtagCode)) {
    unmapped.add(subtagCode)
    messages.push(unmappedMessage('AfterShip', subtagCode || '(none)', description))
  }
  const country = alpha2(c.country_region ?? c.country_iso3)
  const raw = firstText(c.checkpoint_time ?? undefined, c.created_at ?? undefined)
  if (!raw) throw new CarrierResponseError(CARRIER, `checkpoint ${index} has no checkpoint_time`)
  const time = eventTimeOf(raw, [country ? { country, state: c.state ?? undefined } : undefined, ...fallbackPlaces])
  if (!time) throw new CarrierResponseError(CARRIER, `checkpoint_time "${raw}" is not an ISO date-time`)
  if (time.zoneUnknown) {
    messages.push({
      code: 'CARRIER_MESSAGE',
      message: `AfterShip sent "${raw}" without an offset or a place; read as UTC`,
    })
  }
  const location = locationOf({
    city: c.city ?? undefined,
    state: c.state ?? undefined,
    postalCode: c.postal_code ?? c.zip ?? undefined,
    country,
  })
  const status = mapping.kind === 'status' ? mapping.status : 'UNKNOWN'
  const substatus = mapping.kind === 'status' ? mapping.substatus : undefined
  return {
    instant: time.instant,
    // A Pending checkpoint is AfterShip's own note, not a scan.
    setsStatus: status !== 'PENDING',
    event: {
      occurredAt: time.occurredAt,
      occurredAtLocal: time.occurredAtLocal,
      status,
      ...(substatus === undefined ? {} : { substatus }),
      carrierCode,
      description,
      ...(location === undefined ? {} : { location }),
    },
  }
}

function estimateOf(tracking: AftershipTracking, destination: Place | undefined): string | undefined {
  const raw = firstText(
    tracking.courier_estimated_delivery_date?.estimated_delivery_date ?? undefined,
    tracking.aftership_estimated_delivery_date?.estimated_delivery_date ?? undefined,
    tracking.expected_delivery ?? undefined
  )
  if (raw === undefined) return undefined
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return calendarDate(raw)
  return eventTimeOf(raw, [destination])?.occurredAt ?? calendarDate(raw)
}

/** AfterShip's own words from an error body: JSON `meta` when it is JSON, else the text (a real 502 is plain text). */
export function aftershipErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.trim()
    if (text.startsWith('{')) {
      try {
        return aftershipErrorMessage(JSON.parse(text) as unknown)
      } catch {
        return text.slice(0, 200)
      }
    }
    return text ? text.slice(0, 200) : undefined
  }
  if (!isRecord(body) || !isRecord(body.meta)) return undefined
  const { code, type, message } = body.meta
  const parts = [
    typeof code === 'number' ? String(code) : undefined,
    firstText(type as string),
    firstText(message as string),
  ]
  const text = parts.filter((p) => p !== undefined).join(' ')
  return text || undefined
}

/** meta.code of an error body (4003 "already exists", 4004 "does not exist"), JSON or text. */
export function aftershipMetaCode(body: unknown): number | undefined {
  const parsed = typeof body === 'string' ? safeJson(body) : body
  return isRecord(parsed) && isRecord(parsed.meta) && typeof parsed.meta.code === 'number'
    ? parsed.meta.code
    : undefined
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/* ------------------------------------------------------------------ shape checks */

export function validateEnvelope(raw: unknown): AftershipEnvelope {
  const fail: Fail = (why) => {
    throw new CarrierResponseError(CARRIER, `answer is not the documented shape: ${why}`)
  }
  const body = typeof raw === 'string' ? safeJson(raw) : raw
  if (!isRecord(body)) return fail('body is not a JSON object')
  if (!isRecord(body.meta) || typeof body.meta.code !== 'number') return fail('meta.code is missing')
  const data = checkObject(body.data, 'data', fail)
  if (data) {
    checkArray(data.trackings, 'data.trackings', fail).forEach((t, i) =>
      validateTracking(t, `data.trackings[${i}]`, fail)
    )
    if (data.tracking !== undefined) validateTracking(data.tracking, 'data.tracking', fail)
    if (typeof data.tracking_number === 'string') validateTracking(data, 'data', fail)
  }
  return body as unknown as AftershipEnvelope
}

export function validateTracking(value: unknown, path: string, fail: Fail): AftershipTracking {
  if (!isRecord(value)) return fail(`${path} is not an object`)
  if (typeof value.tracking_number !== 'string') return fail(`${path}.tracking_number is not a string`)
  checkStrings(value, ['id', 'slug', 'tag', 'subtag', 'subtag_message'], path, fail)
  checkArray(value.checkpoints, `${path}.checkpoints`, fail).forEach((c, i) => {
    const at = `${path}.checkpoints[${i}]`
    if (!isRecord(c)) return fail(`${at} is not an object`)
    checkStrings(c, ['checkpoint_time', 'created_at', 'tag', 'subtag', 'message', 'city', 'state'], at, fail)
  })
  return value as unknown as AftershipTracking
}
