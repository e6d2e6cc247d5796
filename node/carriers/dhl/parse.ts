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
import type { DhlPlace, DhlProblem, DhlShipment, DhlTrackApiResponse, DhlTrackResponse } from './contract'
import { normalizeDhlNumber } from './request'
import { mapDhlStatus } from './statusMap'

const CARRIER = 'dhl'

/**
 * Turns one DHL Unified answer into one result per requested number (the API takes one).
 * - Several shipments for one number (different divisions): the one whose id is the number, then
 *   the one with the latest status; the others are named in a message.
 * - Events keep DHL's offset ("Z" included). A timestamp without one ("2018-03-02T07:53:47") is
 *   local time at the event's place: read in its country's zone, the raw text kept beside it.
 * - The 404 problem ("No result found") is found:false; other problems are not tracking answers.
 */
export function parseDhlTracking(raw: unknown, requested: readonly string[]): TrackingResult[] {
  const response = validateTrackResponse(raw)
  return requested.map((number) => {
    if (isProblem(response)) {
      if (response.status === 404) return notFound(CARRIER, number, dhlProblemMessage(response) ?? 'No result found')
      throw new CarrierResponseError(
        CARRIER,
        `Tracking answered with a problem: ${dhlProblemMessage(response) ?? 'unknown'}`
      )
    }
    const shipments = response.shipments ?? []
    if (shipments.length === 0) return notFound(CARRIER, number, 'DHL returned no shipment for this number')
    const messages: CarrierMessage[] = []
    const shipment = pickShipment(number, shipments)
    if (shipments.length > 1) {
      const others = shipments.filter((s) => s !== shipment).map((s) => `${String(s.id ?? '?')} (${s.service ?? '?'})`)
      messages.push({ code: 'CARRIER_MESSAGE', message: `DHL also knows this number as ${others.join(', ')}` })
    }
    return parseShipment(number, shipment, messages)
  })
}

const isProblem = (response: DhlTrackResponse): response is DhlProblem =>
  !('shipments' in response) && ('status' in response || 'title' in response)

function pickShipment(number: string, shipments: DhlShipment[]): DhlShipment {
  const wanted = normalizeDhlNumber(number)
  const own = shipments.filter((s) => normalizeDhlNumber(String(s.id ?? '')) === wanted)
  const pool = own.length > 0 ? own : shipments
  const latest = (s: DhlShipment): number => Date.parse(s.status?.timestamp ?? '') || 0
  return pool.reduce((best, s) => (latest(s) > latest(best) ? s : best))
}

const placeOf = (place: DhlPlace | undefined): Place | undefined =>
  place?.address?.countryCode ? { country: place.address.countryCode } : undefined

function parseShipment(number: string, shipment: DhlShipment, messages: CarrierMessage[]): TrackingResult {
  const fallbackPlaces = [placeOf(shipment.destination), placeOf(shipment.origin)]
  // Some divisions send only `status`, no `events`: it is then the one event there is.
  const events =
    shipment.events && shipment.events.length > 0 ? shipment.events : shipment.status ? [shipment.status] : []
  const unmapped = new Set<string>()
  const mapped = [...events].reverse().map((e): MappedEvent => {
    const code = firstText(e.statusCode) ?? ''
    const description = firstText(e.description, e.status, e.remark) ?? code
    const mapping = mapDhlStatus(code, e.status, e.description, e.remark)
    if (mapping.kind === 'unmapped' && !unmapped.has(code)) {
      unmapped.add(code)
      messages.push(unmappedMessage('DHL', code || '(none)', description))
    }
    const time = eventTimeOf(e.timestamp ?? '', [placeOf(e.location), ...fallbackPlaces])
    if (!time) throw new CarrierResponseError(CARRIER, `event timestamp "${e.timestamp ?? ''}" is not an ISO date-time`)
    if (time.zoneUnknown) {
      messages.push({
        code: 'CARRIER_MESSAGE',
        message: `DHL sent "${time.occurredAtLocal}" without an offset or a place; read as UTC`,
      })
    }
    const location = locationOf({
      city: cityOf(e.location),
      postalCode: e.location?.address?.postalCode,
      country: e.location?.address?.countryCode,
    })
    const status = mapping.kind === 'status' ? mapping.status : 'UNKNOWN'
    const substatus = mapping.kind === 'status' ? mapping.substatus : undefined
    return {
      instant: time.instant,
      setsStatus: true,
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
  const destination = fallbackPlaces[0]
  const estimatedDelivery = estimateOf(shipment, destination)
  const proof = firstText(shipment.details?.proofOfDelivery?.timestamp)
  const deliveredAt = proof ? eventTimeOf(proof, [destination])?.occurredAt : undefined
  const result = resultFrom(CARRIER, number, applyReturnLeg(ascending(mapped)), messages, {
    ...(estimatedDelivery === undefined ? {} : { estimatedDelivery }),
  })
  // The proof of delivery is the signed moment; it wins over the scan when DHL gives one.
  if (result.status === 'DELIVERED' && deliveredAt !== undefined) result.deliveredAt = deliveredAt
  return result
}

/** "Oderweg 2, AMSTERDAM" or "LEIPZIG - GERMANY": the locality is the last comma part, before " - ". */
function cityOf(place: DhlPlace | undefined): string | undefined {
  const locality = firstText(place?.address?.addressLocality)
  if (!locality) return undefined
  const last = locality.split(',').at(-1) ?? locality
  return firstText(last.split(' - ')[0])
}

/** estimatedTimeOfDelivery, else the end of estimatedDeliveryTimeFrame; midnight means a date. */
function estimateOf(shipment: DhlShipment, destination: Place | undefined): string | undefined {
  const raw = firstText(shipment.estimatedTimeOfDelivery, shipment.estimatedDeliveryTimeFrame?.estimatedThrough)
  if (raw === undefined) return undefined
  if (/T00:00:00(\.0+)?(Z|[+-]\d{2}:?\d{2})?$/.test(raw)) return calendarDate(raw)
  return eventTimeOf(raw, [destination])?.occurredAt ?? calendarDate(raw)
}

/** DHL's own text from a problem body ("404 No result found: No shipment with given tracking number found."). */
export function dhlProblemMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined
  const parts = [
    typeof body.status === 'number' ? String(body.status) : undefined,
    firstText(body.title as string | undefined),
  ]
  const head = parts.filter((p) => p !== undefined).join(' ')
  const detail = firstText(body.detail as string | undefined)
  const text = [head, detail].filter((p) => p !== undefined && p.length > 0).join(': ')
  return text.length > 0 ? text : undefined
}

/* ------------------------------------------------------------------ shape checks */

export function validateTrackResponse(raw: unknown): DhlTrackResponse {
  const fail: Fail = (why) => {
    throw new CarrierResponseError(CARRIER, `Tracking response is not the documented shape: ${why}`)
  }
  if (!isRecord(raw)) return fail('body is not a JSON object')
  if (raw.shipments === undefined && (raw.status !== undefined || raw.title !== undefined)) {
    checkStrings(raw, ['title', 'detail'], 'problem', fail)
    if (raw.status !== undefined && typeof raw.status !== 'number') fail('problem.status is not a number')
    return raw as DhlProblem
  }
  if (!Array.isArray(raw.shipments)) return fail('shipments is not an array')
  raw.shipments.forEach((s, i) => {
    const path = `shipments[${i}]`
    if (!isRecord(s)) return fail(`${path} is not an object`)
    checkStrings(s, ['service', 'estimatedTimeOfDelivery'], path, fail)
    const status = checkObject(s.status, `${path}.status`, fail)
    if (status) checkEvent(status, `${path}.status`, fail)
    checkArray(s.events, `${path}.events`, fail).forEach((e, j) => checkEvent(e, `${path}.events[${j}]`, fail))
  })
  return raw as DhlTrackApiResponse
}

function checkEvent(value: unknown, path: string, fail: Fail): void {
  if (!isRecord(value)) return fail(`${path} is not an object`)
  checkStrings(value, ['timestamp', 'statusCode', 'status', 'description', 'remark'], path, fail)
  const location = checkObject(value.location, `${path}.location`, fail)
  const address = location ? checkObject(location.address, `${path}.location.address`, fail) : undefined
  if (address) checkStrings(address, ['countryCode', 'postalCode', 'addressLocality'], `${path}.location.address`, fail)
}
