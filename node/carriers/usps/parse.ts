import { CarrierResponseError } from '../../errors'
import { calendarDate, parseOffset, readCarrierTimestamp } from '../../tracking/carrierTime'
import type { EventTime, Fail, MappedEvent, Place } from '../shared/normalise'
import {
  applyReturnLeg,
  ascending,
  atOffset,
  checkArray,
  checkObject,
  checkStrings,
  eventTimeOf,
  firstText,
  inZoneOf,
  isRecord,
  locationOf,
  notFound,
  resultFrom,
  unmappedMessage,
} from '../shared/normalise'
import type { CarrierMessage, TrackingResult } from '../../tracking/carrierResult'
import type { UspsErrorMessage, UspsTrackingDetails, UspsTrackingEvent, UspsTrackResponse } from './contract'
import { normalizeUspsNumber } from './request'
import { mapUspsEvent, statusOfCategory } from './statusMap'

const CARRIER = 'usps'

/**
 * Turns one USPS Tracking v3 answer (expand=DETAIL) into one result per requested number.
 * - Event instants come from GMTTimestamp and are written at GMTOffset, so "2023-08-02T07:31:00-07:00"
 *   reads as the local clock and is exact. eventTimestamp (local time wearing a misleading "Z") is
 *   kept raw in occurredAtLocal and used only when USPS sent no GMT time, as local wall time.
 * - Events are newest first on the wire, ascending here; unmapped eventCodes are UNKNOWN.
 * - The 404 ErrorMessage body means not found: `found: false`, not an exception.
 * - estimatedDelivery: the date of expectedDeliveryTimeStamp (its zone is as unreliable as
 *   eventTimestamp's, so only the date is kept), else predictedDeliveryDate.
 */
export function parseUspsTracking(raw: unknown, requested: readonly string[]): TrackingResult[] {
  const response = validateTrackResponse(raw)
  return requested.map((number) => {
    if (isError(response)) {
      if (isNotFound(response))
        return notFound(CARRIER, number, uspsErrorMessage(response) ?? 'USPS does not know this number')
      throw new CarrierResponseError(
        CARRIER,
        `Tracking answered with an error: ${uspsErrorMessage(response) ?? 'unknown'}`
      )
    }
    const answered = normalizeUspsNumber(response.trackingNumber ?? number)
    if (answered !== normalizeUspsNumber(number)) return notFound(CARRIER, number, 'USPS answered for another number')
    return parseDetails(number, response)
  })
}

const isError = (response: UspsTrackResponse): response is UspsErrorMessage =>
  'error' in response && response.error !== undefined

const isNotFound = (response: UspsErrorMessage): boolean =>
  response.error?.code === '404' || (response.error?.errors ?? []).some((e) => e.status === '404')

function parseDetails(number: string, details: UspsTrackingDetails): TrackingResult {
  const messages: CarrierMessage[] = []
  const destination: Place = { country: details.destinationCountryCode ?? 'US', state: details.destinationState }
  const origin: Place = { country: details.originCountry ?? 'US', state: details.originState }
  const unmapped = new Set<string>()
  const mapped = [...(details.trackingEvents ?? [])].reverse().map((e): MappedEvent => {
    const code = firstText(e.eventCode) ?? ''
    const description = firstText(e.eventType) ?? code
    const mapping = mapUspsEvent(code)
    if (mapping.kind === 'unmapped' && !unmapped.has(code)) {
      unmapped.add(code)
      messages.push(unmappedMessage('USPS', code || '(none)', description))
    }
    const time = eventTime(e, [{ country: e.eventCountry || 'US', state: e.eventState }, destination, origin], messages)
    const location = locationOf({
      city: e.eventCity,
      state: e.eventState,
      postalCode: e.eventZIP,
      country: e.eventCountry || undefined,
    })
    const status = mapping.kind === 'status' ? mapping.status : 'UNKNOWN'
    const substatus = mapping.kind === 'status' ? mapping.substatus : undefined
    return {
      instant: time.instant,
      setsStatus: mapping.kind !== 'no_change',
      event: {
        occurredAt: time.occurredAt,
        occurredAtLocal: time.occurredAtLocal,
        status,
        ...(substatus === undefined ? {} : { substatus }),
        carrierCode: code,
        description,
        ...(location === undefined ? {} : { location }),
      },
    }
  })
  const categoryStatus = statusOfCategory(details.statusCategory)
  const fallback = categoryStatus
    ? { status: categoryStatus }
    : details.statusCategory
      ? { status: 'UNKNOWN' as const }
      : undefined
  const estimatedDelivery =
    (details.expectedDeliveryTimeStamp ? calendarDate(details.expectedDeliveryTimeStamp) : undefined) ??
    (details.predictedDeliveryDate ? calendarDate(details.predictedDeliveryDate) : undefined)
  return resultFrom(CARRIER, number, applyReturnLeg(ascending(mapped)), messages, {
    ...(estimatedDelivery === undefined ? {} : { estimatedDelivery }),
    ...(fallback === undefined ? {} : { fallback }),
  })
}

/** Minutes between a local wall time and GMT, when that is a plausible zone offset. */
function derivedOffset(localWallAsUtc: number, gmt: number): number | undefined {
  const minutes = Math.round((localWallAsUtc - gmt) / 60_000)
  return Math.abs(minutes) <= 14 * 60 && minutes % 15 === 0 ? minutes : undefined
}

/** eventTimestamp without its misleading "Z": the local wall clock as USPS means it. */
const wallText = (eventTimestamp: string): string => eventTimestamp.trim().replace(/(\.\d+)?Z$/i, '')

function eventTime(e: UspsTrackingEvent, places: Place[], messages: CarrierMessage[]): EventTime {
  const local = firstText(e.eventTimestamp)
  const gmtText = firstText(e.GMTTimestamp)
  const occurredAtLocal = local ?? gmtText ?? ''
  const gmt = gmtText ? readCarrierTimestamp(gmtText, 'UTC') : undefined
  const localWall = local ? readCarrierTimestamp(wallText(local), 'UTC') : undefined
  let offset = parseOffset(e.GMTOffset)
  if (offset === undefined && gmt && localWall) offset = derivedOffset(localWall.instant, gmt.instant)

  if (gmt) {
    const occurredAt =
      offset !== undefined ? atOffset(gmt.instant, offset) : places.map((p) => inZoneOf(gmt.instant, p)).find(Boolean)
    if (occurredAt) return { occurredAt, occurredAtLocal, instant: gmt.instant }
  }
  if (localWall && offset !== undefined) {
    const instant = localWall.instant - offset * 60_000
    return { occurredAt: atOffset(instant, offset), occurredAtLocal, instant }
  }
  if (local) {
    const read = eventTimeOf(wallText(local), places)
    if (read) {
      if (read.zoneUnknown)
        messages.push({ code: 'CARRIER_MESSAGE', message: `USPS sent "${local}" with no usable zone; read as UTC` })
      return { occurredAt: read.occurredAt, occurredAtLocal, instant: read.instant }
    }
  }
  throw new CarrierResponseError(
    CARRIER,
    `an event has no usable time (eventTimestamp "${local ?? ''}", GMTTimestamp "${gmtText ?? ''}")`
  )
}

/** USPS's own text from an ErrorMessage body ("404: Tracking number not found"). */
export function uspsErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined
  const error = body.error as NonNullable<UspsErrorMessage['error']>
  const details = (Array.isArray(error.errors) ? error.errors : [])
    .map((d) => firstText(d?.detail, d?.title))
    .filter((t): t is string => t !== undefined)
  const head = [firstText(error.code), firstText(error.message)].filter((p) => p !== undefined).join(': ')
  const text = [head, ...details].filter((t) => t.length > 0).join(' - ')
  return text.length > 0 ? text : undefined
}

/* ------------------------------------------------------------------ shape checks */

export function validateTrackResponse(raw: unknown): UspsTrackResponse {
  const fail: Fail = (why) => {
    throw new CarrierResponseError(CARRIER, `Tracking response is not the documented shape: ${why}`)
  }
  if (!isRecord(raw)) return fail('body is not a JSON object')
  if (raw.error !== undefined) {
    const error = checkObject(raw.error, 'error', fail)
    if (error) checkStrings(error, ['code', 'message'], 'error', fail)
    return raw as UspsErrorMessage
  }
  checkStrings(
    raw,
    ['trackingNumber', 'statusCategory', 'expectedDeliveryTimeStamp', 'predictedDeliveryDate', 'destinationState'],
    '',
    fail
  )
  checkArray(raw.trackingEvents, 'trackingEvents', fail).forEach((e, i) => {
    const path = `trackingEvents[${i}]`
    if (!isRecord(e)) return fail(`${path} is not an object`)
    checkStrings(
      e,
      [
        'eventType',
        'eventTimestamp',
        'GMTTimestamp',
        'GMTOffset',
        'eventCode',
        'eventCity',
        'eventState',
        'eventZIP',
        'eventCountry',
      ],
      path,
      fail
    )
  })
  return raw as UspsTrackingDetails
}
