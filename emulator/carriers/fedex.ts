import { randomBytes, randomUUID } from 'crypto'

import type { EmuRequest, EmuResponse } from '../http'
import { header, json } from '../http'
import type { RelativeEvent, ScriptedEvent, ScriptedShipment } from './timelines'
import type { CarrierSimulator, SimulatorDeps } from './types'
import { SIMULATOR_CREDENTIALS } from './types'
import { localParts, zoneOf } from './ups'

/**
 * Plays FedEx for the app: OAuth client credentials (form body) plus Track by Tracking Number, in
 * the shapes of FedEx's OpenAPI (shared/contracts/carriers/fedex/track.json). At most 30 numbers per
 * request; a number FedEx does not know is a per-number error inside the 200, as FedEx does.
 *
 * Codes from the spec: NOT.AUTHORIZED.ERROR, FORBIDDEN.ERROR, TRACKING.TRACKINGNUMBER.EMPTY,
 * TRACKING.TRACKINGNUMBER.NOTFOUND. The code for more than 30 numbers is not in the spec;
 * TRACKING.TRACKINGINFO.LIMITEXCEEDED here is a stand-in and unverified.
 */
const HOSTS = new Set(['apis.fedex.com', 'apis-sandbox.fedex.com'])
const TOKEN_PATH = '/oauth/token'
const TRACK_PATH = '/track/v1/trackingnumbers'
export const FEDEX_SIMULATOR_MAX_BATCH = 30
const EXPIRES_IN_SECONDS = 3599

export function createFedexSimulator(deps: SimulatorDeps): CarrierSimulator & { expireTokens(): void } {
  const tokens = new Map<string, number>()

  function oauth(req: EmuRequest): EmuResponse {
    if (req.method !== 'POST') return fedexError(405, 'METHOD.NOT.ALLOWED', 'Method not allowed.')
    if (!/application\/x-www-form-urlencoded/i.test(header(req, 'content-type') ?? '')) {
      return fedexError(415, 'UNSUPPORTED.MEDIA.TYPE', 'The content type must be application/x-www-form-urlencoded.')
    }
    const form = new URLSearchParams(req.rawBody.toString('utf8'))
    if (form.get('grant_type') !== 'client_credentials') {
      return fedexError(400, 'BAD.REQUEST.ERROR', 'The given grant_type is not supported.')
    }
    const { clientId, clientSecret } = SIMULATOR_CREDENTIALS.fedex
    if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
      return fedexError(
        401,
        'NOT.AUTHORIZED.ERROR',
        'The given client credentials were not valid. Please modify your request and try again.'
      )
    }
    const accessToken = randomBytes(32).toString('base64url')
    const now = deps.now()
    for (const [token, expiry] of tokens) if (expiry <= now) tokens.delete(token)
    tokens.set(accessToken, now + EXPIRES_IN_SECONDS * 1000)
    return json(200, {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: EXPIRES_IN_SECONDS,
      scope: 'CXS-TP',
    })
  }

  function track(req: EmuRequest): EmuResponse {
    if (req.method !== 'POST') return fedexError(405, 'METHOD.NOT.ALLOWED', 'Method not allowed.')
    const bearer = /^Bearer\s+(.+)$/i.exec(header(req, 'authorization') ?? '')
    const expiresAt = bearer ? tokens.get(bearer[1]) : undefined
    if (expiresAt === undefined || expiresAt <= deps.now()) {
      return fedexError(401, 'NOT.AUTHORIZED.ERROR', 'Access token expired. Please modify your request and try again.')
    }
    const body = req.body as { includeDetailedScans?: unknown; trackingInfo?: unknown } | undefined
    if (!/application\/json/i.test(header(req, 'content-type') ?? '') || typeof body !== 'object' || body === null) {
      return fedexError(
        400,
        'BAD.REQUEST.ERROR',
        'The given JSON is invalid. Please modify your request and try again.'
      )
    }
    if (typeof body.includeDetailedScans !== 'boolean') {
      return fedexError(400, 'BAD.REQUEST.ERROR', 'includeDetailedScans is required.')
    }
    const numbers = Array.isArray(body.trackingInfo) ? body.trackingInfo.map(numberOf) : []
    if (numbers.length === 0 || numbers.some((n) => n === '')) {
      return fedexError(400, 'TRACKING.TRACKINGNUMBER.EMPTY', 'Please provide tracking number.')
    }
    if (numbers.length > FEDEX_SIMULATOR_MAX_BATCH) {
      return fedexError(400, 'TRACKING.TRACKINGINFO.LIMITEXCEEDED', 'Tracking numbers cannot exceed 30 per request.')
    }
    const completeTrackResults = numbers.map((number) => {
      const shipment = deps.timelines.get('fedex', number)
      const events = deps.timelines.visibleEvents('fedex', number, deps.now())
      const trackResult =
        shipment && events.length > 0
          ? renderTrackResult(number, shipment, events, body.includeDetailedScans === true)
          : notFound(number)
      return { trackingNumber: number, trackResults: [trackResult] }
    })
    return json(200, { transactionId: randomUUID(), output: { completeTrackResults } })
  }

  return {
    name: 'fedex',
    stories: FEDEX_STORIES,
    expireTokens: () => tokens.clear(),
    handle(req) {
      if (!HOSTS.has(req.host)) return undefined
      if (req.path === TOKEN_PATH) return oauth(req)
      if (req.path === TRACK_PATH) return track(req)
      return fedexError(404, 'NOT.FOUND.ERROR', 'The resource you requested is no longer available.')
    },
  }
}

const numberOf = (info: unknown): string => {
  const tn = (info as { trackingNumberInfo?: { trackingNumber?: unknown } } | null)?.trackingNumberInfo?.trackingNumber
  return typeof tn === 'string' ? tn.trim().toUpperCase() : ''
}

const fedexError = (status: number, code: string, message: string): EmuResponse =>
  json(status, { transactionId: randomUUID(), errors: [{ code, message }] })

const notFound = (number: string): Record<string, unknown> => ({
  trackingNumberInfo: { trackingNumber: number },
  error: {
    code: 'TRACKING.TRACKINGNUMBER.NOTFOUND',
    message: 'Tracking number cannot be found. Please correct the tracking number and try again.',
  },
})

/* ------------------------------------------------------------------ rendering */

/** "DE/15" -> eventType DE, exceptionCode 15. */
const splitCode = (code: string): { eventType: string; exceptionCode: string } => {
  const [eventType, exceptionCode] = code.split('/')
  return { eventType: eventType.trim(), exceptionCode: exceptionCode?.trim() ?? '' }
}

/** FedEx writes every scan in its own location's local time with that offset. */
function isoAt(at: number, zone: string): string {
  const p = localParts(at, zone)
  return `${p.date.slice(0, 4)}-${p.date.slice(4, 6)}-${p.date.slice(6, 8)}T${p.time.slice(0, 2)}:${p.time.slice(2, 4)}:${p.time.slice(4, 6)}${p.offset}`
}

/** Derived (coarse) status code for a scan code, as FedEx pairs them. */
const DERIVED: Record<string, [string, string]> = {
  OC: ['IN', 'Initiated'],
  PU: ['PU', 'Picked up'],
  AR: ['IT', 'In transit'],
  DP: ['IT', 'In transit'],
  IT: ['IT', 'In transit'],
  OD: ['OD', 'On FedEx vehicle for delivery'],
  DL: ['DL', 'Delivered'],
  DE: ['DE', 'Delivery exception'],
  SE: ['SE', 'Shipment exception'],
  RS: ['RS', 'Return to shipper'],
  HP: ['HP', 'Ready for recipient pickup'],
}

function renderScan(event: ScriptedEvent): Record<string, unknown> {
  const { eventType, exceptionCode } = splitCode(event.code)
  const [derivedStatusCode, derivedStatus] = DERIVED[eventType] ?? [eventType, event.description ?? eventType]
  return {
    date: isoAt(event.at, zoneOf(event)),
    eventType,
    eventDescription: event.description ?? derivedStatus,
    exceptionCode,
    exceptionDescription: exceptionCode ? (EXCEPTIONS[exceptionCode] ?? '') : '',
    scanLocation: {
      ...(event.city ? { city: event.city.toUpperCase() } : {}),
      ...(event.state ? { stateOrProvinceCode: event.state } : {}),
      ...(event.postalCode ? { postalCode: event.postalCode } : {}),
      countryCode: event.country ?? 'US',
      residential: false,
    },
    locationType: eventType === 'DL' ? 'DELIVERY_LOCATION' : 'FEDEX_FACILITY',
    derivedStatusCode,
    derivedStatus,
  }
}

const EXCEPTIONS: Record<string, string> = {
  '07': 'Refused by recipient',
  '08': 'Recipient not in',
  '15': 'Customer not available or business closed',
  A12: 'Package was damaged in transit',
}

/** Newest first, as FedEx sends scans. `events` comes from Timelines.visibleEvents (newest first). */
export function renderTrackResult(
  number: string,
  shipment: ScriptedShipment,
  events: readonly ScriptedEvent[],
  detailed: boolean
): Record<string, unknown> {
  const scans = events.map(renderScan)
  const newest = scans[0]
  const newestCode = String(newest.eventType)
  const dateAndTimes: Array<{ type: string; dateTime: string }> = []
  const last = events[0]
  if (newestCode === 'DL') dateAndTimes.push({ type: 'ACTUAL_DELIVERY', dateTime: isoAt(last.at, zoneOf(last)) })
  const pickup = events.find((e) => splitCode(e.code).eventType === 'PU')
  if (pickup) dateAndTimes.push({ type: 'ACTUAL_PICKUP', dateTime: isoAt(pickup.at, zoneOf(pickup)) })
  const destination = events.find((e) => e.state) ?? last
  const result: Record<string, unknown> = {
    trackingNumberInfo: { trackingNumber: number, carrierCode: 'FDXE', trackingNumberUniqueId: `12024~${number}~FDEG` },
    latestStatusDetail: {
      code: newestCode,
      derivedCode: newest.derivedStatusCode,
      statusByLocale: newest.derivedStatus,
      description: newest.derivedStatus,
      scanLocation: newest.scanLocation,
      ...(newest.exceptionCode
        ? { ancillaryDetails: [{ reason: newest.exceptionCode, reasonDescription: newest.exceptionDescription }] }
        : {}),
    },
    dateAndTimes,
    scanEvents: detailed ? scans : scans.slice(0, 1),
    serviceDetail: { type: 'PRIORITY_OVERNIGHT', description: 'FedEx Priority Overnight', shortDescription: 'PO' },
    recipientInformation: {
      address: { countryCode: destination.country ?? 'US', stateOrProvinceCode: destination.state ?? '' },
    },
  }
  if (shipment.estimatedDelivery !== undefined && newestCode !== 'DL') {
    // FedEx gives the window in the destination's local time without an offset.
    const ends = isoAt(shipment.estimatedDelivery, zoneOf(destination)).slice(0, 19)
    result.estimatedDeliveryTimeWindow = { type: 'ESTIMATED_DELIVERY', window: { ends } }
  }
  return result
}

/* ------------------------------------------------------------------ stories */

const LABEL: RelativeEvent = {
  afterHours: 0,
  code: 'OC',
  description: 'Shipment information sent to FedEx',
  country: 'US',
}
const at = (
  afterHours: number,
  code: string,
  city: string,
  state: string,
  postalCode: string,
  description?: string
): RelativeEvent => ({
  afterHours,
  code,
  city,
  state,
  postalCode,
  country: 'US',
  ...(description ? { description } : {}),
})

/** Named FedEx timelines: Memphis hub, crossing Eastern and Central time on purpose. */
export const FEDEX_STORIES: Record<string, readonly RelativeEvent[]> = {
  delivered: [
    LABEL,
    at(4, 'PU', 'Secaucus', 'NJ', '07094', 'Picked up'),
    at(8, 'DP', 'Secaucus', 'NJ', '07094', 'Left FedEx origin facility'),
    at(14, 'AR', 'Memphis', 'TN', '38118', 'Arrived at FedEx hub'),
    at(18, 'DP', 'Memphis', 'TN', '38118', 'Departed FedEx hub'),
    at(28, 'AR', 'Naperville', 'IL', '60540', 'At local FedEx facility'),
    at(30, 'OD', 'Naperville', 'IL', '60540', 'On FedEx vehicle for delivery'),
    at(34, 'DL', 'Naperville', 'IL', '60540', 'Delivered'),
  ],
  attempt_then_delivered: [
    LABEL,
    at(4, 'PU', 'Atlanta', 'GA', '30336', 'Picked up'),
    at(20, 'AR', 'Austin', 'TX', '78744', 'At local FedEx facility'),
    at(22, 'OD', 'Austin', 'TX', '78704', 'On FedEx vehicle for delivery'),
    at(28, 'DE/15', 'Austin', 'TX', '78704', 'Delivery exception'),
    at(46, 'OD', 'Austin', 'TX', '78704', 'On FedEx vehicle for delivery'),
    at(50, 'DL', 'Austin', 'TX', '78704', 'Delivered'),
  ],
  exception: [
    LABEL,
    at(6, 'PU', 'Ontario', 'CA', '91761', 'Picked up'),
    at(20, 'AR', 'Phoenix', 'AZ', '85043', 'At local FedEx facility'),
    at(26, 'SE/A12', 'Phoenix', 'AZ', '85043', 'Shipment exception'),
  ],
  returned: [
    LABEL,
    at(5, 'PU', 'Kent', 'WA', '98032', 'Picked up'),
    at(20, 'AR', 'Portland', 'OR', '97218', 'At local FedEx facility'),
    at(24, 'DE/07', 'Portland', 'OR', '97217', 'Delivery exception'),
    at(26, 'RS', 'Portland', 'OR', '97218', 'Returning package to shipper'),
    at(40, 'AR', 'Kent', 'WA', '98032', 'Arrived at FedEx location'),
    at(48, 'DL', 'Kent', 'WA', '98032', 'Delivered'),
  ],
  stuck: [
    LABEL,
    at(5, 'PU', 'Louisville', 'KY', '40213', 'Picked up'),
    at(20, 'AR', 'Memphis', 'TN', '38118', 'Arrived at FedEx hub'),
  ],
  label_only: [LABEL],
}
