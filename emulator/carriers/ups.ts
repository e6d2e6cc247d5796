import { randomBytes } from 'crypto'

import type { EmuRequest, EmuResponse } from '../http'
import { header, json } from '../http'
import type { RelativeEvent, ScriptedEvent, ScriptedShipment } from './timelines'
import type { CarrierSimulator, SimulatorDeps } from './types'
import { SIMULATOR_CREDENTIALS } from './types'

/**
 * Plays UPS for the app: OAuth client credentials plus Track API v1, in UPS's wire format
 * (shared/contracts/carriers/ups/*.yaml). Tracking data comes from the scripted timelines
 * (carrier 'ups'), showing only events whose time has come on the simulated clock.
 *
 * Error codes: the shape {"response":{"errors":[{code,message}]}} is the spec's; the code values
 * are not in the spec. TW0001 "Tracking Information Not Found" is what integrations see in the
 * wild; 10401 and 250002 follow UPS's OAuth and Track code families and are unverified.
 */
const HOSTS = new Set(['onlinetools.ups.com', 'wwwcie.ups.com'])
const TOKEN_PATH = '/security/v1/oauth/token'
const TRACK_PREFIX = '/api/track/v1/details/'
/** What UPS issues: just under four hours, as a string. */
const EXPIRES_IN_SECONDS = '14399'

export function createUpsSimulator(deps: SimulatorDeps): CarrierSimulator & { expireTokens(): void } {
  /** access token -> expiry (simulated ms). */
  const tokens = new Map<string, number>()

  function oauth(req: EmuRequest): EmuResponse {
    if (req.method !== 'POST') return upsError(405, '10405', 'Method Not Allowed')
    const { clientId, clientSecret } = SIMULATOR_CREDENTIALS.ups
    const basic = /^Basic\s+(.+)$/i.exec(header(req, 'authorization') ?? '')
    const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : ''
    if (decoded !== `${clientId}:${clientSecret}`) return upsError(401, '10401', 'ClientId is Invalid')
    const form = new URLSearchParams(req.rawBody.toString('utf8'))
    if (form.get('grant_type') !== 'client_credentials') return upsError(400, '10400', 'Invalid/Missing grant_type')
    const accessToken = randomBytes(24).toString('base64url')
    const issuedAt = deps.now()
    // Long demos issue a token every few simulated hours; forget the dead ones.
    for (const [issued, expiry] of tokens) if (expiry <= issuedAt) tokens.delete(issued)
    tokens.set(accessToken, issuedAt + Number(EXPIRES_IN_SECONDS) * 1000)
    return json(200, {
      token_type: 'Bearer',
      issued_at: String(issuedAt),
      client_id: clientId,
      access_token: accessToken,
      scope: '',
      expires_in: EXPIRES_IN_SECONDS,
      refresh_count: '0',
      status: 'approved',
    })
  }

  function track(req: EmuRequest): EmuResponse {
    if (req.method !== 'GET') return upsError(405, '10405', 'Method Not Allowed')
    const bearer = /^Bearer\s+(.+)$/i.exec(header(req, 'authorization') ?? '')
    const expiresAt = bearer ? tokens.get(bearer[1]) : undefined
    if (expiresAt === undefined || expiresAt <= deps.now()) {
      return upsError(401, '250002', 'Invalid Authentication Information.')
    }
    // Both headers are required by Tracking.yaml; real UPS rejects the call without them.
    if (!header(req, 'transId')?.trim()) return upsError(400, 'TV0002', 'Missing or invalid transId')
    if (!header(req, 'transactionSrc')?.trim()) return upsError(400, 'TV0003', 'Missing or invalid transactionSrc')
    const inquiryNumber = req.path.slice(TRACK_PREFIX.length).trim().toUpperCase()
    if (inquiryNumber.length < 7 || inquiryNumber.length > 34) {
      return upsError(400, 'TV0001', 'Invalid inquiry number')
    }
    const shipment = deps.timelines.get('ups', inquiryNumber)
    const events = deps.timelines.visibleEvents('ups', inquiryNumber, deps.now())
    // Before the label exists UPS does not know the number at all.
    if (!shipment || events.length === 0) return upsError(404, 'TW0001', 'Tracking Information Not Found')
    return json(200, renderTrackResponse(inquiryNumber, shipment, events))
  }

  return {
    name: 'ups',
    stories: UPS_STORIES,
    expireTokens: () => tokens.clear(),
    handle(req) {
      if (!HOSTS.has(req.host)) return undefined
      if (req.path === TOKEN_PATH) return oauth(req)
      if (req.path.startsWith(TRACK_PREFIX)) return track(req)
      return upsError(404, '404', `No UPS API at ${req.path}`)
    },
  }
}

const upsError = (status: number, code: string, message: string): EmuResponse =>
  json(status, { response: { errors: [{ code, message }] } })

/* ------------------------------------------------------------------ rendering */

/** "D/FS/011" -> the three UPS codes. Missing parts stay absent, as in a sparse UPS answer. */
function splitCode(code: string): { type?: string; code?: string; statusCode?: string } {
  const [type, scan, statusCode] = code.split('/').map((p) => p.trim())
  return {
    ...(type ? { type } : {}),
    ...(scan ? { code: scan } : {}),
    ...(statusCode ? { statusCode } : {}),
  }
}

/** Newest first, as UPS sends it. `events` comes from Timelines.visibleEvents (newest first). */
export function renderTrackResponse(
  inquiryNumber: string,
  shipment: ScriptedShipment,
  events: readonly ScriptedEvent[]
): Record<string, unknown> {
  const activity = events.map(renderActivity)
  const newest = events[0]
  const newestStatus = { ...splitCode(newest.code), description: descriptionOf(newest) }
  const delivered = DELIVERED_CODES.has(newestStatus.statusCode ?? '')
  const zone = zoneOf(newest)
  const deliveryDate: Array<{ type: string; date: string }> = []
  if (delivered) {
    deliveryDate.push({ type: 'DEL', date: localParts(newest.at, zone).date })
  } else {
    if (shipment.estimatedDelivery !== undefined) {
      deliveryDate.push({ type: 'SDD', date: localParts(shipment.estimatedDelivery, zone).date })
    }
    // After a failed attempt or a delay UPS moves the date: the next day in the scan's zone.
    const setback = events.find((e) => RESCHEDULING_CODES.has(splitCode(e.code).statusCode ?? ''))
    if (setback) deliveryDate.push({ type: 'RDD', date: localParts(setback.at + DAY_MS, zoneOf(setback)).date })
  }
  const pkg: Record<string, unknown> = {
    trackingNumber: inquiryNumber,
    currentStatus: { ...newestStatus, simplifiedTextDescription: newestStatus.description },
    activity,
    deliveryDate,
    packageCount: 1,
    service: { code: '003', description: 'UPS Ground' },
  }
  if (delivered) {
    const time = localParts(newest.at, zone).time
    pkg.deliveryTime = { type: 'DEL', startTime: '', endTime: time }
    pkg.deliveryInformation = { location: 'Front Door', receivedBy: '' }
  }
  return { trackResponse: { shipment: [{ inquiryNumber, package: [pkg], userRelation: [] }] } }
}

const DAY_MS = 24 * 3600_000
/** Delivered, delivered by local post office, delivered to agent. */
const DELIVERED_CODES = new Set(['011', '026', '143'])
/** Attempts (022, 023, 060, 145) and delays (013, 046, 048) that make UPS reschedule (RDD). */
const RESCHEDULING_CODES = new Set(['013', '022', '023', '046', '048', '060', '145'])

function renderActivity(event: ScriptedEvent): Record<string, unknown> {
  const zone = zoneOf(event)
  const local = localParts(event.at, zone)
  const gmt = localParts(event.at, 'UTC')
  const address: Record<string, string> = {}
  if (event.city) address.city = event.city.toUpperCase()
  if (event.state) address.stateProvince = event.state
  if (event.postalCode) address.postalCode = event.postalCode
  address.countryCode = event.country ?? 'US'
  address.country = event.country ?? 'US'
  return {
    location: { address },
    status: { ...splitCode(event.code), description: descriptionOf(event) },
    date: local.date,
    time: local.time,
    gmtDate: gmt.date,
    // Live responses write gmtTime with colons ("18:50:00"), unlike the local `time`.
    gmtTime: `${gmt.time.slice(0, 2)}:${gmt.time.slice(2, 4)}:${gmt.time.slice(4, 6)}`,
    gmtOffset: local.offset,
  }
}

/**
 * Each scan is stamped in its own state's zone, DST included, so the app sees mixed offsets in
 * one timeline as it does from UPS. States with several zones use the zone of most of their
 * people; anything unknown (or outside the US) falls back to Eastern, UPS's home zone.
 */
const ZONE_STATES: Record<string, string> = {
  'America/New_York': 'CT DC DE FL GA MA MD ME NC NH NJ NY OH PA RI SC VA VT WV',
  'America/Detroit': 'MI',
  'America/Indiana/Indianapolis': 'IN',
  'America/Kentucky/Louisville': 'KY',
  'America/Chicago': 'AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI',
  'America/Denver': 'CO MT NM UT WY',
  'America/Boise': 'ID',
  'America/Phoenix': 'AZ',
  'America/Los_Angeles': 'CA NV OR WA',
  'America/Anchorage': 'AK',
  'Pacific/Honolulu': 'HI',
  'America/Puerto_Rico': 'PR',
}
const STATE_ZONES = new Map(
  Object.entries(ZONE_STATES).flatMap(([zone, states]) => states.split(' ').map((state) => [state, zone] as const))
)

export const zoneOf = (event: ScriptedEvent): string =>
  STATE_ZONES.get(event.state?.toUpperCase() ?? '') ?? 'America/New_York'

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone (making one costs far more than using it; benchmarks call this a lot). */
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
    partsFormatters.set(zone, formatter)
  }
  return formatter
}

/** Local YYYYMMDD, HHMMSS and "-05:00" offset of an instant in an IANA zone. */
export function localParts(at: number, zone: string): { date: string; time: string; offset: string } {
  const parts = partsFormatter(zone).formatToParts(new Date(at))
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ''
  // longOffset is "GMT-05:00", or plain "GMT" at zero offset.
  const offset = get('timeZoneName').replace('GMT', '') || '+00:00'
  return {
    date: `${get('year')}${get('month')}${get('day')}`,
    time: `${get('hour')}${get('minute')}${get('second')}`,
    offset,
  }
}

/** UPS's customer-facing texts for the codes the stories use (Tracking-status-description-codes). */
const DESCRIPTIONS: Record<string, string> = {
  '003': 'Shipper created a label, UPS has not received the package yet.',
  '005': 'On the Way',
  '011': 'DELIVERED',
  '013': 'Exception',
  '021': 'Out For Delivery Today',
  '022': 'First Attempt Made',
  '033': 'Return to Sender Requested',
  '034': 'Returned to Sender',
  '035': 'Returning to Sender',
  '038': 'Picked Up by UPS',
  '072': 'Loaded on Delivery Vehicle',
}

function descriptionOf(event: ScriptedEvent): string {
  if (event.description) return event.description
  const statusCode = splitCode(event.code).statusCode ?? ''
  return DESCRIPTIONS[statusCode] ?? `Status ${statusCode || event.code}`
}

/* ------------------------------------------------------------------ stories */

const LABEL: RelativeEvent = { afterHours: 0, code: 'M/MP/003', country: 'US' }

/**
 * Named timelines for control endpoints and demo seeds. Codes are UPS-native (type/scan/status);
 * places are real UPS hubs and delivery towns, crossing zones on purpose (NJ -> IL, GA -> TX).
 */
export const UPS_STORIES: Record<string, readonly RelativeEvent[]> = {
  delivered: [
    LABEL,
    { afterHours: 5, code: 'I/OR/038', description: 'Origin Scan', city: 'Secaucus', state: 'NJ', postalCode: '07094' },
    {
      afterHours: 9,
      code: 'I/DP/005',
      description: 'Departed from Facility',
      city: 'Secaucus',
      state: 'NJ',
      postalCode: '07094',
    },
    {
      afterHours: 30,
      code: 'I/AR/005',
      description: 'Arrived at Facility',
      city: 'Hodgkins',
      state: 'IL',
      postalCode: '60525',
    },
    {
      afterHours: 52,
      code: 'I/OT/072',
      description: 'Loaded on Delivery Vehicle',
      city: 'Naperville',
      state: 'IL',
      postalCode: '60540',
    },
    {
      afterHours: 58,
      code: 'D/FS/011',
      description: 'DELIVERED',
      city: 'Naperville',
      state: 'IL',
      postalCode: '60540',
    },
  ],
  attempt_then_delivered: [
    LABEL,
    { afterHours: 4, code: 'I/OR/038', description: 'Origin Scan', city: 'Atlanta', state: 'GA', postalCode: '30336' },
    {
      afterHours: 28,
      code: 'I/AR/005',
      description: 'Arrived at Facility',
      city: 'Austin',
      state: 'TX',
      postalCode: '78744',
    },
    {
      afterHours: 46,
      code: 'I/OT/021',
      description: 'Out For Delivery Today',
      city: 'Austin',
      state: 'TX',
      postalCode: '78704',
    },
    {
      afterHours: 53,
      code: 'X/48/022',
      description: "The receiver was not available for delivery. We'll make a second attempt the next business day.",
      city: 'Austin',
      state: 'TX',
      postalCode: '78704',
    },
    {
      afterHours: 70,
      code: 'I/OT/021',
      description: 'Out For Delivery Today',
      city: 'Austin',
      state: 'TX',
      postalCode: '78704',
    },
    { afterHours: 75, code: 'D/FS/011', description: 'DELIVERED', city: 'Austin', state: 'TX', postalCode: '78704' },
  ],
  exception: [
    LABEL,
    { afterHours: 6, code: 'I/OR/038', description: 'Origin Scan', city: 'Ontario', state: 'CA', postalCode: '91761' },
    {
      afterHours: 30,
      code: 'I/AR/005',
      description: 'Arrived at Facility',
      city: 'Phoenix',
      state: 'AZ',
      postalCode: '85043',
    },
    {
      afterHours: 40,
      code: 'X/04/013',
      description: "A UPS processing error has delayed delivery. We're adjusting plans as quickly as possible.",
      city: 'Phoenix',
      state: 'AZ',
      postalCode: '85043',
    },
  ],
  returned: [
    LABEL,
    { afterHours: 6, code: 'I/OR/038', description: 'Origin Scan', city: 'Kent', state: 'WA', postalCode: '98032' },
    {
      afterHours: 22,
      code: 'I/AR/005',
      description: 'Arrived at Facility',
      city: 'Portland',
      state: 'OR',
      postalCode: '97218',
    },
    {
      afterHours: 34,
      code: 'X/53/064',
      description: 'Receiver Refused Package',
      city: 'Portland',
      state: 'OR',
      postalCode: '97217',
    },
    {
      afterHours: 36,
      code: 'I/RS/033',
      description: 'Return to Sender Requested',
      city: 'Portland',
      state: 'OR',
      postalCode: '97218',
    },
    {
      afterHours: 50,
      code: 'I/AR/036',
      description: 'Returning to Sender: In Transit',
      city: 'Kent',
      state: 'WA',
      postalCode: '98032',
    },
    {
      afterHours: 70,
      code: 'D/RS/034',
      description: 'Returned to Sender',
      city: 'Seattle',
      state: 'WA',
      postalCode: '98108',
    },
  ],
  stuck: [
    LABEL,
    {
      afterHours: 5,
      code: 'I/OR/038',
      description: 'Origin Scan',
      city: 'Louisville',
      state: 'KY',
      postalCode: '40213',
    },
    {
      afterHours: 20,
      code: 'I/AR/005',
      description: 'Arrived at Facility',
      city: 'Memphis',
      state: 'TN',
      postalCode: '38118',
    },
  ],
  label_only: [LABEL],
}
