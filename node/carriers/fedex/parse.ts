import { CarrierResponseError } from '../../errors'
import { calendarDate } from '../../tracking/carrierTime'
import type { Fail, MappedEvent, Place } from '../shared/normalise'
import {
  applyReturnLeg,
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
import type { CarrierMessage, TrackingResult } from '../../tracking/carrierResult'
import type {
  FedexAddress,
  FedexCxsError,
  FedexErrorResponse,
  FedexScanEvent,
  FedexTimeWindow,
  FedexTrackApiResponse,
  FedexTrackResponse,
  FedexTrackResult,
} from './contract'
import { normalizeFedexNumber } from './request'
import { mapFedexStatus } from './statusMap'

const CARRIER = 'fedex'

/**
 * Turns one FedEx Track response into one result per requested number, in request order.
 * - A number FedEx answers with a per-number `error` (TRACKING.TRACKINGNUMBER.NOTFOUND) or does not
 *   mention is `found: false` + NOT_FOUND; other per-number errors are CARRIER_MESSAGE.
 * - Events come from scanEvents (newest first on the wire), ascending here; each keeps the offset
 *   FedEx wrote. A scan without an offset is read in the zone of its scan location.
 * - Without scans the status comes from latestStatusDetail (code, then derivedCode).
 * - estimatedDelivery: estimatedDeliveryTimeWindow (end of the window), else ESTIMATED_DELIVERY.
 * Throws CarrierResponseError when the body is not the documented shape.
 */
export function parseFedexTracking(raw: unknown, requested: readonly string[]): TrackingResult[] {
  const response = validateTrackResponse(raw)
  if ('errors' in response && response.errors !== undefined) return requested.map((n) => fromErrorBody(n, response))
  const complete = (response as FedexTrackApiResponse).output?.completeTrackResults ?? []
  return requested.map((number) => {
    const wanted = normalizeFedexNumber(number)
    const entry = complete.find((c) => normalizeFedexNumber(c.trackingNumber ?? '') === wanted)
    const results = entry?.trackResults ?? []
    const usable = results.filter((r) => r.error === undefined || r.error === null)
    if (usable.length === 0) {
      const error = results.find((r) => r.error)?.error
      return errorResult(number, error)
    }
    return parseTrackResult(number, pickResult(usable))
  })
}

/** The error-body form the client passes on for a 4xx "not found" answer. */
function fromErrorBody(number: string, body: FedexErrorResponse): TrackingResult {
  const errors = body.errors ?? []
  if (errors.length > 0 && errors.every(isNotFoundError)) return notFound(CARRIER, number, errorText(errors[0]))
  throw new CarrierResponseError(CARRIER, `Track answered with errors: ${errors.map(errorText).join('; ')}`)
}

const isNotFoundError = (error: FedexCxsError): boolean => /NOTFOUND|NOT\.FOUND/.test(error.code ?? '')

const errorText = (error: FedexCxsError): string =>
  [firstText(error.code), firstText(error.message)].filter((p) => p !== undefined).join(': ') || 'unknown error'

function errorResult(number: string, error: FedexCxsError | undefined): TrackingResult {
  if (!error) return notFound(CARRIER, number, 'FedEx returned no result for this number')
  if (isNotFoundError(error)) return notFound(CARRIER, number, errorText(error))
  return {
    carrier: CARRIER,
    trackingNumber: number,
    found: false,
    status: 'PENDING',
    events: [],
    messages: [{ code: 'CARRIER_MESSAGE', message: errorText(error) }],
  }
}

/**
 * Duplicate tracking numbers (FedEx reuses numbers across years and operating companies) come as
 * several trackResults: the one with the most recent scan is the live shipment.
 */
function pickResult(results: FedexTrackResult[]): FedexTrackResult {
  const newest = (r: FedexTrackResult): number =>
    Math.max(0, ...(r.scanEvents ?? []).map((e) => Date.parse(e.date ?? '') || 0))
  return results.reduce((best, r) => (newest(r) > newest(best) ? r : best))
}

function parseTrackResult(number: string, result: FedexTrackResult): TrackingResult {
  const messages: CarrierMessage[] = []
  const destination = placeOf(
    result.lastUpdatedDestinationAddress ??
      result.recipientInformation?.address ??
      result.destinationLocation?.locationContactAndAddress?.address
  )
  const origin = placeOf(result.originLocation?.locationContactAndAddress?.address)
  const mapped = toEvents(result.scanEvents ?? [], [destination, origin], messages)
  const latest = result.latestStatusDetail
  const latestMapping = mapFedexStatus(latest?.code, latest?.derivedCode, latest?.ancillaryDetails?.[0]?.reason)
  if (mapped.length === 0 && latest && latestMapping.kind === 'unmapped' && (latest.code || latest.derivedCode)) {
    const code = firstText(latest.code, latest.derivedCode) ?? ''
    messages.push(unmappedMessage('FedEx', code, firstText(latest.description, latest.statusByLocale) ?? code))
  }
  const fallback =
    latestMapping.kind === 'status'
      ? { status: latestMapping.status, substatus: latestMapping.substatus }
      : latest && (latest.code || latest.derivedCode)
        ? { status: 'UNKNOWN' as const }
        : undefined
  const current = fallback?.status
  if (current === 'ATTEMPT_FAIL' || current === 'EXCEPTION') addReasons(latest?.ancillaryDetails ?? [], messages)
  const delivered = dateOf(result, 'ACTUAL_DELIVERY', [
    placeOf(result.deliveryDetails?.actualDeliveryAddress),
    destination,
  ])
  const estimatedDelivery = estimateOf(result, [destination])
  return resultFrom(CARRIER, number, mapped, messages, {
    ...(estimatedDelivery === undefined ? {} : { estimatedDelivery }),
    ...(fallback === undefined ? {} : { fallback }),
    ...(delivered === undefined ? {} : { deliveredAt: delivered }),
  })
}

function toEvents(
  scans: FedexScanEvent[],
  fallbackPlaces: Array<Place | undefined>,
  messages: CarrierMessage[]
): MappedEvent[] {
  const unmapped = new Set<string>()
  // FedEx sends newest first; reversing keeps its order for equal instants after the stable sort.
  const mapped = [...scans].reverse().map((scan): MappedEvent => {
    const eventType = firstText(scan.eventType)
    const exception = firstText(scan.exceptionCode)
    const carrierCode = [eventType ?? firstText(scan.derivedStatusCode) ?? '', exception]
      .filter((p) => p !== undefined)
      .join('/')
    const description = firstText(scan.eventDescription, scan.derivedStatus, scan.exceptionDescription) ?? carrierCode
    const mapping = mapFedexStatus(eventType, scan.derivedStatusCode, exception)
    if (mapping.kind === 'unmapped' && !unmapped.has(carrierCode)) {
      unmapped.add(carrierCode)
      messages.push(unmappedMessage('FedEx', carrierCode, description))
    }
    const place = placeOf(scan.scanLocation)
    const time = eventTimeOf(scan.date ?? '', [place, ...fallbackPlaces])
    if (!time) throw new CarrierResponseError(CARRIER, `scan date "${scan.date ?? ''}" is not an ISO date-time`)
    if (time.zoneUnknown) messages.push(zoneMessage(time.occurredAtLocal))
    const location = scan.scanLocation
      ? locationOf({
          city: scan.scanLocation.city,
          state: scan.scanLocation.stateOrProvinceCode,
          postalCode: scan.scanLocation.postalCode,
          country: scan.scanLocation.countryCode,
        })
      : undefined
    const status = mapping.kind === 'status' ? mapping.status : 'UNKNOWN'
    const substatus = mapping.kind === 'status' ? mapping.substatus : undefined
    const exceptionText = firstText(scan.exceptionDescription)
    return {
      instant: time.instant,
      setsStatus: mapping.kind !== 'no_change',
      event: {
        occurredAt: time.occurredAt,
        occurredAtLocal: time.occurredAtLocal,
        status,
        ...(substatus === undefined ? {} : { substatus }),
        carrierCode,
        description: exceptionText && exceptionText !== description ? `${description}: ${exceptionText}` : description,
        ...(location === undefined ? {} : { location }),
      },
    }
  })
  // After "RS Return to shipper" FedEx keeps scanning the same number on the way back.
  return applyReturnLeg(ascending(mapped))
}

function addReasons(
  details: NonNullable<FedexTrackResult['latestStatusDetail']>['ancillaryDetails'],
  messages: CarrierMessage[]
): void {
  for (const detail of details ?? []) {
    const text = [firstText(detail.reasonDescription), firstText(detail.actionDescription)].filter(Boolean).join(' - ')
    if (text) messages.push({ code: 'CARRIER_MESSAGE', message: text })
  }
}

const zoneMessage = (raw: string): CarrierMessage => ({
  code: 'CARRIER_MESSAGE',
  message: `FedEx sent "${raw}" without an offset and no location to derive its zone; read as UTC`,
})

const placeOf = (address: FedexAddress | undefined): Place | undefined =>
  address ? { country: address.countryCode, state: address.stateOrProvinceCode } : undefined

/** A dateAndTimes entry as an instant with offset (zone from `places` when FedEx gave none). */
function dateOf(result: FedexTrackResult, type: string, places: Array<Place | undefined>): string | undefined {
  const raw = firstText(result.dateAndTimes?.find((d) => d.type === type && firstText(d.dateTime))?.dateTime)
  return raw === undefined ? undefined : eventTimeOf(raw, places)?.occurredAt
}

/**
 * The promise a customer sees: the end of estimatedDeliveryTimeWindow, else ESTIMATED_DELIVERY.
 * A bare midnight is FedEx's way of giving a date only, so it becomes "YYYY-MM-DD".
 */
function estimateOf(result: FedexTrackResult, places: Array<Place | undefined>): string | undefined {
  const window: FedexTimeWindow | undefined = result.estimatedDeliveryTimeWindow
  const raw =
    firstText(window?.window?.ends, window?.window?.begins) ??
    firstText(result.dateAndTimes?.find((d) => d.type === 'ESTIMATED_DELIVERY')?.dateTime)
  if (raw === undefined) return undefined
  if (/T00:00:00(\.0+)?([+-]\d{2}:?\d{2}|Z)?$/.test(raw) || /^\d{4}-\d{2}-\d{2}$/.test(raw)) return calendarDate(raw)
  return eventTimeOf(raw, places)?.occurredAt ?? calendarDate(raw)
}

/** FedEx's own text from an error body, for error messages ("NOT.AUTHORIZED.ERROR: Access token expired..."). */
export function fedexErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body) || !Array.isArray(body.errors)) return undefined
  const texts = body.errors.filter(isRecord).map((e) => errorText(e as FedexCxsError))
  return texts.length > 0 ? texts.join('; ') : undefined
}

/* ------------------------------------------------------------------ shape checks */

/** Checks the fields the parser reads against track.json. Unknown extra fields are fine. */
export function validateTrackResponse(raw: unknown): FedexTrackResponse {
  const fail: Fail = (why) => {
    throw new CarrierResponseError(CARRIER, `Track response is not the documented shape: ${why}`)
  }
  if (!isRecord(raw)) return fail('body is not a JSON object')
  if (raw.errors !== undefined && raw.output === undefined) {
    checkArray(raw.errors, 'errors', fail).forEach((e, i) => checkError(e, `errors[${i}]`, fail))
    return raw as FedexErrorResponse
  }
  const output = checkObject(raw.output, 'output', fail)
  if (!output) return fail('output is missing')
  checkArray(output.completeTrackResults, 'output.completeTrackResults', fail).forEach((c, i) => {
    const path = `completeTrackResults[${i}]`
    if (!isRecord(c)) return fail(`${path} is not an object`)
    checkStrings(c, ['trackingNumber'], path, fail)
    checkArray(c.trackResults, `${path}.trackResults`, fail).forEach((r, j) =>
      checkResult(r, `${path}.trackResults[${j}]`, fail)
    )
  })
  return raw as FedexTrackApiResponse
}

function checkResult(value: unknown, path: string, fail: Fail): void {
  if (!isRecord(value)) return fail(`${path} is not an object`)
  if (value.error !== undefined && value.error !== null) checkError(value.error, `${path}.error`, fail)
  const latest = checkObject(value.latestStatusDetail, `${path}.latestStatusDetail`, fail)
  if (latest) {
    checkStrings(latest, ['code', 'derivedCode', 'description', 'statusByLocale'], `${path}.latestStatusDetail`, fail)
    checkArray(latest.ancillaryDetails, `${path}.latestStatusDetail.ancillaryDetails`, fail)
  }
  checkArray(value.scanEvents, `${path}.scanEvents`, fail).forEach((e, i) => {
    const at = `${path}.scanEvents[${i}]`
    if (!isRecord(e)) return fail(`${at} is not an object`)
    checkStrings(
      e,
      [
        'date',
        'eventType',
        'eventDescription',
        'exceptionCode',
        'exceptionDescription',
        'derivedStatusCode',
        'derivedStatus',
      ],
      at,
      fail
    )
    const location = checkObject(e.scanLocation, `${at}.scanLocation`, fail)
    if (location)
      checkStrings(location, ['city', 'stateOrProvinceCode', 'postalCode', 'countryCode'], `${at}.scanLocation`, fail)
  })
  checkArray(value.dateAndTimes, `${path}.dateAndTimes`, fail).forEach((d, i) => {
    if (!isRecord(d)) return fail(`${path}.dateAndTimes[${i}] is not an object`)
    checkStrings(d, ['type', 'dateTime'], `${path}.dateAndTimes[${i}]`, fail)
  })
  const window = checkObject(value.estimatedDeliveryTimeWindow, `${path}.estimatedDeliveryTimeWindow`, fail)
  const range = window ? checkObject(window.window, `${path}.estimatedDeliveryTimeWindow.window`, fail) : undefined
  if (range) checkStrings(range, ['begins', 'ends'], `${path}.estimatedDeliveryTimeWindow.window`, fail)
}

function checkError(value: unknown, path: string, fail: Fail): void {
  if (!isRecord(value)) return fail(`${path} is not an object`)
  checkStrings(value, ['code', 'message'], path, fail)
}
