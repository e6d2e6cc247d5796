import { randomBytes } from 'crypto'

import type { EmuRequest, EmuResponse } from '../http'
import { header, json } from '../http'
import type { RelativeEvent, ScriptedEvent, ScriptedShipment } from './timelines'
import type { CarrierSimulator, SimulatorDeps } from './types'
import { SIMULATOR_CREDENTIALS } from './types'
import { localParts, zoneOf } from './ups'

/**
 * Plays USPS for the app: OAuth 2.0 v3 (JSON client credentials) and Tracking v3 GET, in the
 * shapes of shared/contracts/usps/tracking.yaml. One number per call; an unknown number is a 404
 * ErrorMessage; without expand=DETAIL the answer is the TrackingSummary, as the spec says.
 * Every event carries USPS's timestamp trio: local eventTimestamp with a misleading "Z", the real
 * GMTTimestamp, and GMTOffset written "-7:00".
 */
const HOSTS = new Set(['apis.usps.com', 'apis-tem.usps.com'])
const TOKEN_PATH = '/oauth2/v3/token'
const TRACK_PREFIX = '/tracking/v3/tracking/'
const EXPIRES_IN_SECONDS = 28799

export function createUspsSimulator(deps: SimulatorDeps): CarrierSimulator & { expireTokens(): void } {
  const tokens = new Map<string, number>()

  function oauth(req: EmuRequest): EmuResponse {
    if (req.method !== 'POST') return json(405, { error: 'invalid_request', error_description: 'Method not allowed' })
    const body = req.body as Record<string, unknown> | undefined
    if (!/application\/json/i.test(header(req, 'content-type') ?? '') || typeof body !== 'object' || body === null) {
      return json(400, { error: 'invalid_request', error_description: 'The request body must be JSON' })
    }
    if (body.grant_type !== 'client_credentials') {
      return json(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' })
    }
    const { clientId, clientSecret } = SIMULATOR_CREDENTIALS.usps
    if (body.client_id !== clientId || body.client_secret !== clientSecret) {
      return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' })
    }
    const accessToken = randomBytes(32).toString('base64url')
    const now = deps.now()
    for (const [token, expiry] of tokens) if (expiry <= now) tokens.delete(token)
    tokens.set(accessToken, now + EXPIRES_IN_SECONDS * 1000)
    return json(200, {
      access_token: accessToken,
      token_type: 'Bearer',
      issued_at: now,
      expires_in: EXPIRES_IN_SECONDS,
      status: 'approved',
      scope: 'tracking',
      issuer: 'api.usps.com',
    })
  }

  function track(req: EmuRequest): EmuResponse {
    if (req.method !== 'GET') return uspsError(405, 'Method Not Allowed', 'Only GET is supported here.')
    const bearer = /^Bearer\s+(.+)$/i.exec(header(req, 'authorization') ?? '')
    const expiresAt = bearer ? tokens.get(bearer[1]) : undefined
    if (expiresAt === undefined || expiresAt <= deps.now()) {
      return {
        ...uspsError(401, 'Unauthorized', 'The access token is invalid or has expired.'),
        headers: authenticateHeaders(),
      }
    }
    const number = decodeURIComponent(req.path.slice(TRACK_PREFIX.length)).trim().toUpperCase()
    if (!/^[A-Z0-9]{10,40}$/.test(number)) return uspsError(400, 'Bad Request', 'The tracking number is not valid.')
    const expand = req.query.get('expand') ?? 'SUMMARY'
    if (expand !== 'SUMMARY' && expand !== 'DETAIL')
      return uspsError(400, 'Bad Request', 'expand must be SUMMARY or DETAIL.')
    const shipment = deps.timelines.get('usps', number)
    const events = deps.timelines.visibleEvents('usps', number, deps.now())
    if (!shipment || events.length === 0) {
      return uspsError(
        404,
        'Tracking number not found.',
        'The tracking number may be incorrect or the status update is not yet available.'
      )
    }
    return json(200, expand === 'DETAIL' ? renderDetails(number, shipment, events) : renderSummary(number, events))
  }

  return {
    name: 'usps',
    stories: USPS_STORIES,
    expireTokens: () => tokens.clear(),
    handle(req) {
      if (!HOSTS.has(req.host)) return undefined
      if (req.path === TOKEN_PATH) return oauth(req)
      if (req.path.startsWith(TRACK_PREFIX)) return track(req)
      return uspsError(404, 'Not Found', `No USPS API at ${req.path}`)
    },
  }
}

const authenticateHeaders = (): Record<string, string> => ({
  'content-type': 'application/json; charset=utf-8',
  'www-authenticate': 'Bearer realm="https://api.usps.com"',
})

/** ErrorMessage, as the spec defines it for every error status. */
function uspsError(status: number, message: string, detail: string): EmuResponse {
  const title = message.replace(/\.$/, '')
  return json(status, {
    apiVersion: '/tracking/v3',
    error: { code: String(status), message, errors: [{ status: String(status), code: String(status), title, detail }] },
  })
}

/* ------------------------------------------------------------------ rendering */

const EVENT_TYPES: Record<string, [string, string]> = {
  MA: ['Shipping Label Created, USPS Awaiting Item', 'Pre-Shipment'],
  '03': ['USPS picked up item', 'Accepted'],
  '10': ['Arrived at USPS Regional Facility', 'In Transit'],
  EF: ['Departed USPS Regional Facility', 'In Transit'],
  '07': ['Arrived at Post Office', 'In Transit'],
  OF: ['Out for Delivery', 'Out for Delivery'],
  '01': ['Delivered, Front Door/Porch', 'Delivered'],
  '02': ['Notice Left (No Authorized Recipient Available)', 'Alert'],
  '05': ['Undeliverable as Addressed', 'Alert'],
  '09': ['Return to Sender', 'Alert'],
  '16': ['Available for Pickup', 'Available for Pickup'],
}

function isoParts(at: number, zone: string): { local: string; offset: string } {
  const p = localParts(at, zone)
  const local = `${p.date.slice(0, 4)}-${p.date.slice(4, 6)}-${p.date.slice(6, 8)}T${p.time.slice(0, 2)}:${p.time.slice(2, 4)}:${p.time.slice(4, 6)}`
  // USPS writes the offset without a leading zero: "-7:00", "-10:00".
  const offset = p.offset.replace(/^([+-])0(\d)/, '$1$2')
  return { local, offset }
}

function renderEvent(event: ScriptedEvent): Record<string, unknown> {
  const { local, offset } = isoParts(event.at, zoneOf(event))
  return {
    eventType: event.description ?? EVENT_TYPES[event.code]?.[0] ?? `Event ${event.code}`,
    eventTimestamp: `${local}Z`,
    GMTTimestamp: new Date(event.at).toISOString(),
    GMTOffset: offset,
    eventCountry: event.country && event.country !== 'US' ? event.country : '',
    eventCity: event.city?.toUpperCase() ?? '',
    eventState: event.state ?? '',
    eventZIP: event.postalCode ?? '',
    firm: '',
    name: '',
    authorizedAgent: false,
    eventCode: event.code,
    actionCode: '',
    reasonCode: '',
  }
}

/** Newest first, as USPS sends trackingEvents. */
export function renderDetails(
  number: string,
  shipment: ScriptedShipment,
  events: readonly ScriptedEvent[]
): Record<string, unknown> {
  const newest = events[0]
  const [status, statusCategory] = EVENT_TYPES[newest.code] ?? [newest.description ?? newest.code, 'In Transit']
  const destination = events.find((e) => e.code === 'OF' || e.code === '01') ?? newest
  const details: Record<string, unknown> = {
    trackingNumber: number,
    mailClass: 'PRIORITY_MAIL',
    mailType: 'DOMESTIC_MAIL',
    destinationCity: destination.city?.toUpperCase() ?? '',
    destinationState: destination.state ?? '',
    destinationZIP: destination.postalCode ?? '',
    status,
    statusCategory,
    statusSummary: `Your item status: ${status}.`,
    trackingEvents: events.map(renderEvent),
  }
  if (shipment.estimatedDelivery !== undefined && newest.code !== '01') {
    // Same trap as eventTimestamp: the local date-time with a "Z".
    details.expectedDeliveryTimeStamp = `${isoParts(shipment.estimatedDelivery, zoneOf(destination)).local}Z`
    details.expectedDeliveryType = 'Expected Delivery By'
  }
  return details
}

function renderSummary(number: string, events: readonly ScriptedEvent[]): Record<string, unknown> {
  return {
    trackingNumber: number,
    eventSummaries: events.map(
      (e) => `${EVENT_TYPES[e.code]?.[0] ?? e.code}, ${e.city?.toUpperCase() ?? ''}, ${e.state ?? ''}`
    ),
  }
}

/* ------------------------------------------------------------------ stories */

const LABEL: RelativeEvent = { afterHours: 0, code: 'MA', city: 'Chicago', state: 'IL', postalCode: '60607' }
const at = (afterHours: number, code: string, city: string, state: string, postalCode: string): RelativeEvent => ({
  afterHours,
  code,
  city,
  state,
  postalCode,
})

/** Named USPS timelines, Chicago (Central) to Seattle (Pacific). */
export const USPS_STORIES: Record<string, readonly RelativeEvent[]> = {
  delivered: [
    LABEL,
    at(3, '03', 'Chicago', 'IL', '60607'),
    at(9, 'EF', 'Chicago IL Distribution Center', 'IL', '60607'),
    at(40, '10', 'Seattle WA Distribution Center', 'WA', '98134'),
    at(48, '07', 'Seattle', 'WA', '98101'),
    at(50, 'OF', 'Seattle', 'WA', '98101'),
    at(55, '01', 'Seattle', 'WA', '98101'),
  ],
  attempt_then_delivered: [
    LABEL,
    at(3, '03', 'Chicago', 'IL', '60607'),
    at(40, '10', 'Seattle WA Distribution Center', 'WA', '98134'),
    at(50, 'OF', 'Seattle', 'WA', '98101'),
    at(56, '02', 'Seattle', 'WA', '98101'),
    at(74, 'OF', 'Seattle', 'WA', '98101'),
    at(79, '01', 'Seattle', 'WA', '98101'),
  ],
  exception: [LABEL, at(3, '03', 'Chicago', 'IL', '60607'), at(50, '05', 'Seattle', 'WA', '98101')],
  returned: [
    LABEL,
    at(3, '03', 'Chicago', 'IL', '60607'),
    at(50, 'OF', 'Seattle', 'WA', '98101'),
    at(56, '02', 'Seattle', 'WA', '98101'),
    at(60, '09', 'Seattle', 'WA', '98101'),
    at(80, '10', 'Chicago IL Distribution Center', 'IL', '60607'),
    at(90, '01', 'Chicago', 'IL', '60607'),
  ],
  stuck: [LABEL, at(3, '03', 'Chicago', 'IL', '60607'), at(9, 'EF', 'Chicago IL Distribution Center', 'IL', '60607')],
  label_only: [LABEL],
}
