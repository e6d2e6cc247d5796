import { CarrierResponseError } from '../../errors'
import type { CarrierMessage, TrackingResult } from '../../tracking/carrierResult'
import { calendarDate } from '../../tracking/carrierTime'
import type { Fail, MappedEvent, Place } from '../shared/normalise'
import {
  ascending,
  checkArray,
  checkObject,
  eventTimeOf,
  firstText,
  isRecord,
  locationOf,
  notFound,
  resultFrom,
  unmappedMessage,
} from '../shared/normalise'
import type { Track17Accepted, Track17Address, Track17Envelope, Track17Event } from './contract'
import { normalizeTrack17Number } from './request'
import { mapTrack17Status } from './statusMap'

const CARRIER = 'track17'
/** "The tracking number is not registered": 17TRACK has never heard of it (register it). */
export const NOT_REGISTERED = -18019902

/** One result per requested number from a gettrackinfo answer (accepted and rejected items). */
export function parseTrack17Tracking(raw: unknown, requested: readonly string[]): TrackingResult[] {
  const envelope = validateEnvelope(raw)
  const accepted = envelope.data?.accepted ?? []
  const rejected = envelope.data?.rejected ?? []
  return requested.map((number) => {
    const wanted = normalizeTrack17Number(number)
    const item = accepted.find((a) => normalizeTrack17Number(a.number) === wanted)
    if (item) return parseAccepted(number, item)
    const refusal = rejected.find((r) => normalizeTrack17Number(r.number ?? '') === wanted)
    if (refusal?.error?.code === NOT_REGISTERED)
      return notFound(CARRIER, number, '17TRACK is not tracking this number yet')
    return notFound(
      CARRIER,
      number,
      refusal
        ? `17TRACK refused the number: ${refusal.error?.code ?? '?'} ${refusal.error?.message ?? ''}`.trim()
        : '17TRACK did not answer for this number'
    )
  })
}

const placeOf = (address: Track17Address | null | undefined): Place | undefined => {
  const country = firstText(address?.country ?? undefined)
  return country ? { country, ...(address?.state ? { state: address.state } : {}) } : undefined
}

/** One accepted item (gettrackinfo or a TRACKING_UPDATED push) as a result. */
export function parseAccepted(number: string, item: Track17Accepted): TrackingResult {
  const info = item.track_info ?? undefined
  const messages: CarrierMessage[] = []
  const latest = info?.latest_status
  if (!info || (latest?.status === 'NotFound' && eventsOf(item).length === 0)) {
    return notFound(CARRIER, number, `17TRACK has no information yet (${latest?.sub_status ?? 'NotFound'})`)
  }
  const recipient = placeOf(info.shipping_info?.recipient_address)
  const shipper = placeOf(info.shipping_info?.shipper_address)
  const reported = new Set<string>()
  const mapped = eventsOf(item).map((e, index) => mapEvent(e, index, [recipient, shipper], messages, reported))
  const estimate = firstText(info.time_metrics?.estimated_delivery_date?.to ?? undefined)
  const latestMapping = mapTrack17Status(latest?.sub_status ?? latest?.status)
  const fallback =
    latestMapping.kind === 'unmapped' || latestMapping.status === 'DELIVERED'
      ? undefined
      : {
          status: latestMapping.status,
          ...(latestMapping.kind === 'status' && latestMapping.substatus ? { substatus: latestMapping.substatus } : {}),
        }
  return resultFrom(CARRIER, number, ascending(mapped), messages, {
    ...(estimate ? { estimatedDelivery: calendarDate(estimate) ?? estimate } : {}),
    ...(fallback ? { fallback } : {}),
  })
}

/** Every provider's events (postal origin and last mile), as 17TRACK sends them (newest first each). */
const eventsOf = (item: Track17Accepted): Track17Event[] =>
  (item.track_info?.tracking?.providers ?? []).flatMap((p) => p.events ?? [])

function mapEvent(
  e: Track17Event,
  index: number,
  fallbackPlaces: ReadonlyArray<Place | undefined>,
  messages: CarrierMessage[],
  reported: Set<string>
): MappedEvent {
  const code = firstText(e.sub_status ?? undefined, e.stage ?? undefined) ?? ''
  const description = firstText(e.description ?? undefined, e.stage ?? undefined) ?? code
  const mapping = mapTrack17Status(e.sub_status, e.stage)
  if (mapping.kind !== 'status' && !reported.has(code)) {
    reported.add(code)
    messages.push(unmappedMessage('17TRACK', code || '(none)', description))
  }
  const { raw, fromRaw } = timeTextOf(e)
  if (!raw) throw new CarrierResponseError(CARRIER, `event ${index} has no time`)
  const time = eventTimeOf(raw, [placeOf(e.address), ...fallbackPlaces])
  if (!time) throw new CarrierResponseError(CARRIER, `event time "${raw}" is not a date-time`)
  if (time.zoneUnknown) {
    messages.push({ code: 'CARRIER_MESSAGE', message: `17TRACK sent "${raw}" without a zone or a place; read as UTC` })
  }
  const location = locationOf({
    city: e.address?.city ?? undefined,
    state: e.address?.state ?? undefined,
    postalCode: e.address?.postal_code ?? undefined,
    country: e.address?.country ?? undefined,
  })
  const status = mapping.kind === 'unmapped' ? 'UNKNOWN' : mapping.status
  const substatus = mapping.kind === 'status' ? mapping.substatus : undefined
  return {
    instant: time.instant,
    setsStatus: status !== 'PENDING',
    event: {
      occurredAt: time.occurredAt,
      // The carrier's own text: time_iso as sent, or the raw date and time when that is all there is.
      occurredAtLocal: fromRaw ? raw : (e.time_iso ?? raw),
      status,
      ...(substatus === undefined ? {} : { substatus }),
      carrierCode: code,
      description,
      ...(location === undefined ? {} : { location }),
    },
  }
}

/**
 * time_iso keeps the carrier's offset. Without it (Correios: time_iso and time_utc null), the raw
 * date and time with the raw zone when there is one; with none, the wall time is read in the zone
 * of the event's place (carrierTime conventions), never with an invented offset.
 */
function timeTextOf(e: Track17Event): { raw: string | undefined; fromRaw: boolean } {
  const iso = firstText(e.time_iso ?? undefined)
  if (iso) return { raw: iso, fromRaw: false }
  const date = firstText(e.time_raw?.date ?? undefined)
  if (!date) return { raw: firstText(e.time_utc ?? undefined), fromRaw: false }
  const time = firstText(e.time_raw?.time ?? undefined) ?? '00:00:00'
  return { raw: `${date}T${time}${firstText(e.time_raw?.timezone ?? undefined) ?? ''}`, fromRaw: true }
}

/** The whole-call error of an answer (non-zero code), in 17TRACK's words. */
export function track17ErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return typeof body === 'string' && body.trim() ? body.trim().slice(0, 200) : undefined
  const errors = isRecord(body.data) && Array.isArray(body.data.errors) ? (body.data.errors as unknown[]) : []
  const first = errors.find(isRecord)
  const code = typeof first?.code === 'number' ? first.code : typeof body.code === 'number' ? body.code : undefined
  const message = typeof first?.message === 'string' ? first.message : undefined
  return [code, message].filter((p) => p !== undefined).join(' ') || undefined
}

/* ------------------------------------------------------------------ shape checks */

export function validateEnvelope(raw: unknown): Track17Envelope {
  const fail: Fail = (why) => {
    throw new CarrierResponseError(CARRIER, `answer is not the documented shape: ${why}`)
  }
  if (!isRecord(raw)) return fail('body is not a JSON object')
  if (typeof raw.code !== 'number') return fail('code is missing')
  if (raw.code !== 0) return fail(`code ${raw.code}: ${track17ErrorMessage(raw) ?? 'error'}`)
  const data = checkObject(raw.data, 'data', fail)
  if (data) {
    checkArray(data.accepted, 'data.accepted', fail).forEach((a, i) => validateAccepted(a, `data.accepted[${i}]`, fail))
    checkArray(data.rejected, 'data.rejected', fail)
  }
  return raw as unknown as Track17Envelope
}

export function validateAccepted(value: unknown, path: string, fail: Fail): Track17Accepted {
  if (!isRecord(value)) return fail(`${path} is not an object`)
  if (typeof value.number !== 'string') return fail(`${path}.number is not a string`)
  const info = checkObject(value.track_info, `${path}.track_info`, fail)
  const tracking = info ? checkObject(info.tracking, `${path}.track_info.tracking`, fail) : undefined
  checkArray(tracking?.providers, `${path}.track_info.tracking.providers`, fail).forEach((p, i) => {
    if (!isRecord(p)) return fail(`${path}.providers[${i}] is not an object`)
    checkArray(p.events, `${path}.providers[${i}].events`, fail).forEach((e, j) => {
      if (!isRecord(e)) fail(`${path}.providers[${i}].events[${j}] is not an object`)
    })
  })
  return value as unknown as Track17Accepted
}
