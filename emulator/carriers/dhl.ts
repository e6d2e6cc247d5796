import type { EmuRequest, EmuResponse } from '../http'
import { header, json } from '../http'
import type { RelativeEvent, ScriptedEvent, ScriptedShipment } from './timelines'
import type { CarrierSimulator, SimulatorDeps } from './types'
import { SIMULATOR_CREDENTIALS } from './types'
import { localParts } from './ups'

/**
 * Plays DHL Shipment Tracking - Unified: GET /track/shipments with the DHL-API-Key header, one
 * trackingNumber, optional `service`, answers with shipments[] and RFC 7807 problems (401, 404,
 * 429). Like DHL's divisions it mixes timestamp forms: Express-style events get an offset, the
 * others local time without a zone; a daily quota per key can be set (DHL's default is 250).
 */
const HOST = 'api-eu.dhl.com'
const PATH = '/track/shipments'
const SERVICES = new Set([
  'express',
  'parcel-de',
  'ecommerce',
  'freight',
  'dgf',
  'parcel-nl',
  'parcel-uk',
  'post-de',
  'sameday',
  'svb',
])

export interface DhlSimulator extends CarrierSimulator {
  /** Calls per key per simulated day before 429; undefined = no quota. */
  setDailyQuota(calls: number | undefined): void
}

export function createDhlSimulator(deps: SimulatorDeps): DhlSimulator {
  let quota: number | undefined
  const used = new Map<string, number>()

  function track(req: EmuRequest): EmuResponse {
    if (req.method !== 'GET') return problem(405, 'Method Not Allowed', 'Only GET is supported.')
    const key = header(req, 'dhl-api-key')
    if (key !== SIMULATOR_CREDENTIALS.dhl.apiKey)
      return problem(401, 'Unauthorized', 'Unauthorized for given resource.')
    if (quota !== undefined) {
      const day = `${key}:${Math.floor(deps.now() / 86_400_000)}`
      const count = (used.get(day) ?? 0) + 1
      used.set(day, count)
      if (count > quota)
        return {
          ...problem(429, 'Too many requests', 'Too many requests. Please try again later.'),
          headers: problemHeaders({ 'retry-after': String(secondsToMidnight(deps.now())) }),
        }
    }
    const number = (req.query.get('trackingNumber') ?? '').trim().toUpperCase()
    if (!number) return problem(400, 'Bad Request', 'trackingNumber is required.')
    const service = req.query.get('service')
    if (service !== null && !SERVICES.has(service)) return problem(400, 'Bad Request', `Unknown service: ${service}`)
    const shipment = deps.timelines.get('dhl', number)
    const events = deps.timelines.visibleEvents('dhl', number, deps.now())
    if (!shipment || events.length === 0 || (service !== null && service !== 'express')) {
      return problem(
        404,
        'No result found',
        'No shipment with given tracking number found.',
        `/shipments?trackingNumber=${number}`
      )
    }
    return json(200, {
      url: `/shipments?trackingNumber=${number}&offset=0&limit=5`,
      shipments: [renderShipment(number, shipment, events)],
    })
  }

  return {
    name: 'dhl',
    stories: DHL_STORIES,
    setDailyQuota: (calls) => {
      quota = calls
      used.clear()
    },
    handle(req) {
      if (req.host !== HOST) return undefined
      if (req.path === PATH) return track(req)
      return problem(404, 'Not Found', `No DHL API at ${req.path}`)
    },
  }
}

const problemHeaders = (extra: Record<string, string> = {}): Record<string, string> => ({
  'content-type': 'application/problem+json',
  ...extra,
})

const problem = (status: number, title: string, detail: string, instance?: string): EmuResponse =>
  json(
    status,
    { title, status, detail, ...(instance ? { instance } : {}) },
    { 'content-type': 'application/problem+json' }
  )

const secondsToMidnight = (now: number): number => Math.ceil((86_400_000 - (now % 86_400_000)) / 1000)

/* ------------------------------------------------------------------ rendering */

const COUNTRY_ZONES: Record<string, string> = {
  DE: 'Europe/Berlin',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  BR: 'America/Sao_Paulo',
  US: 'America/New_York',
}
const COUNTRY_NAMES: Record<string, string> = {
  DE: 'GERMANY',
  NL: 'NETHERLANDS',
  BE: 'BELGIUM',
  FR: 'FRANCE',
  GB: 'UNITED KINGDOM',
  BR: 'BRAZIL',
  US: 'UNITED STATES',
}

/** Express hubs stamp an offset; delivery depots send local time with no zone (both seen from DHL). */
function timestampOf(event: ScriptedEvent): string {
  const country = event.country ?? 'DE'
  const p = localParts(event.at, COUNTRY_ZONES[country] ?? 'UTC')
  const local = `${p.date.slice(0, 4)}-${p.date.slice(4, 6)}-${p.date.slice(6, 8)}T${p.time.slice(0, 2)}:${p.time.slice(2, 4)}:${p.time.slice(4, 6)}`
  return event.code === 'transit' && !/courier|returned/i.test(event.description ?? '') ? `${local}${p.offset}` : local
}

function renderEvent(event: ScriptedEvent): Record<string, unknown> {
  const country = event.country ?? 'DE'
  const description = event.description ?? event.code
  return {
    timestamp: timestampOf(event),
    location: {
      address: {
        countryCode: country,
        postalCode: event.postalCode ?? '',
        addressLocality: `${(event.city ?? '').toUpperCase()} - ${COUNTRY_NAMES[country] ?? country}`,
      },
    },
    statusCode: event.code,
    status: event.code === 'delivered' && !/returned/i.test(description) ? 'DELIVERED' : description,
    description,
  }
}

/** Newest first: `status` is the newest event, `events` all of them. */
export function renderShipment(
  number: string,
  shipment: ScriptedShipment,
  events: readonly ScriptedEvent[]
): Record<string, unknown> {
  const rendered = events.map(renderEvent)
  const last = events.at(-1) ?? events[0]
  const destination = events.find((e) => e.code === 'delivered') ?? events[0]
  const result: Record<string, unknown> = {
    id: number,
    service: 'express',
    origin: { address: { countryCode: last.country ?? 'DE', addressLocality: (last.city ?? '').toUpperCase() } },
    destination: { address: { countryCode: destination.country ?? 'NL' } },
    status: rendered[0],
    details: { product: { productName: 'EXPRESS WORLDWIDE' }, totalNumberOfPieces: 1 },
    events: rendered,
  }
  if (shipment.estimatedDelivery !== undefined && events[0].code !== 'delivered') {
    const p = localParts(shipment.estimatedDelivery, COUNTRY_ZONES[destination.country ?? 'NL'] ?? 'UTC')
    result.estimatedTimeOfDelivery = `${p.date.slice(0, 4)}-${p.date.slice(4, 6)}-${p.date.slice(6, 8)}T${p.time.slice(0, 2)}:${p.time.slice(2, 4)}:00${p.offset}`
  }
  if (events[0].code === 'delivered') {
    result.details = { ...(result.details as object), proofOfDelivery: { timestamp: timestampOf(events[0]) } }
  }
  return result
}

/* ------------------------------------------------------------------ stories */

const at = (
  afterHours: number,
  code: string,
  description: string,
  city: string,
  country: string,
  postalCode = ''
): RelativeEvent => ({
  afterHours,
  code,
  description,
  city,
  country,
  postalCode,
})
const INFO = at(0, 'pre-transit', 'Shipment information received', 'Leipzig', 'DE', '04435')

/** Named DHL Express timelines, Leipzig hub to Amsterdam through Brussels (CET). */
export const DHL_STORIES: Record<string, readonly RelativeEvent[]> = {
  delivered: [
    INFO,
    at(5, 'transit', 'Shipment picked up', 'Leipzig', 'DE', '04435'),
    at(10, 'transit', 'Processed at LEIPZIG - GERMANY', 'Leipzig', 'DE', '04435'),
    at(16, 'transit', 'Arrived at DHL Sort Facility DIEGEM - BELGIUM', 'Diegem', 'BE', '1831'),
    at(26, 'transit', 'With delivery courier', 'Amsterdam', 'NL', '1043 AG'),
    at(30, 'delivered', 'Delivered - Signed for by: J DOE', 'Amsterdam', 'NL', '1043 AG'),
  ],
  attempt_then_delivered: [
    INFO,
    at(5, 'transit', 'Shipment picked up', 'Leipzig', 'DE', '04435'),
    at(26, 'transit', 'With delivery courier', 'Amsterdam', 'NL', '1043 AG'),
    at(30, 'failure', 'Delivery attempted; recipient not at home', 'Amsterdam', 'NL', '1043 AG'),
    at(50, 'transit', 'With delivery courier', 'Amsterdam', 'NL', '1043 AG'),
    at(54, 'delivered', 'Delivered - Signed for by: J DOE', 'Amsterdam', 'NL', '1043 AG'),
  ],
  exception: [
    INFO,
    at(5, 'transit', 'Shipment picked up', 'Leipzig', 'DE', '04435'),
    at(28, 'failure', 'Incorrect address; the recipient will be contacted', 'Amsterdam', 'NL', '1043 AG'),
  ],
  returned: [
    INFO,
    at(5, 'transit', 'Shipment picked up', 'Leipzig', 'DE', '04435'),
    at(30, 'failure', 'Delivery attempted; recipient not at home', 'Amsterdam', 'NL', '1043 AG'),
    at(60, 'transit', 'The shipment is being returned to the sender', 'Amsterdam', 'NL', '1043 AG'),
    at(80, 'delivered', 'The shipment has been returned to the sender', 'Leipzig', 'DE', '04435'),
  ],
  stuck: [INFO, at(5, 'transit', 'Shipment picked up', 'Leipzig', 'DE', '04435')],
  label_only: [INFO],
}
