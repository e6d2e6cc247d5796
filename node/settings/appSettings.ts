import { CARRIER_CODES, CARRIERS, isCarrierCode } from '../carriers'
import type { CarrierSettings } from '../carriers'
import { parseCarrierSettings, routedCourierNames } from '../carriers/shared/settings'
import { SettingsError } from '../errors'
import type { ScheduleMode } from '../tracking/schedulePolicy'
import { SCHEDULE_MODES } from '../tracking/schedulePolicy'
import type { CarrierCode } from '../tracking/carrierResult'
import { normalizeCourierName } from '../tracking/courierName'
import { isKnownTimeZone } from '../tracking/localTime'
import type { TrackingLink } from './trackingLinks'
import { parseTrackingLinks } from './trackingLinks'
import type { EmailSettings } from './emailSettings'
import { parseEmailSettings } from './emailSettings'

export interface CourierMapping {
  /** Courier name as the store writes it on invoices (case and accents ignored). */
  courierName: string
  carrier: CarrierCode
}

/** The app settings after validation and defaults. Credentials stay on the server, always. */
export interface AppSettings {
  pollingIntervalHours: number
  trackingWindowDays: number
  stuckAfterHours: number
  /** adaptive (default) or vtex_fixed: VTEX's documented every-6-hours schedule, nothing else. */
  scheduleMode: ScheduleMode
  /** Carrier requests started per second, per carrier and replica; the carrier's default when absent. */
  carrierRequestsPerSecond?: number
  courierMappings: CourierMapping[]
  /** Couriers the app cannot query: their tracking page only ("link only"). */
  trackingLinks: TrackingLink[]
  /** Each configured carrier's section (node/carriers/<code>/settings.ts), by code. */
  carriers: Partial<Record<CarrierCode, CarrierSettings>>
  /** The app's own customer emails (settings/emailSettings.ts). */
  emails: EmailSettings
  /** IANA zone overriding the sales channel's (admin times, day buckets, business days). */
  storeTimeZone?: string
}

export const DEFAULT_SETTINGS = {
  /** VTEX's original promise: check every six hours ... */
  pollingIntervalHours: 6,
  /** ... for up to 12.5 days. */
  trackingWindowDays: 12.5,
  stuckAfterHours: 72,
} as const

const LIMITS = {
  pollingIntervalHours: [1, 24],
  trackingWindowDays: [1, 90],
  stuckAfterHours: [12, 720],
} as const

/**
 * Validates raw settings as saved by the admin's settings form (manifest settingsSchema).
 * Missing numbers take defaults; present but invalid values fail loudly with every problem listed,
 * because silently falling back would poll on a schedule the merchant did not choose.
 */
export function parseAppSettings(raw: unknown): AppSettings {
  const input = isRecord(raw) ? raw : {}
  const problems: string[] = []

  const number = (key: keyof typeof LIMITS): number => {
    const value = input[key]
    if (value === undefined || value === null || value === '') return DEFAULT_SETTINGS[key]
    const parsed = typeof value === 'string' ? Number(value) : value
    const [min, max] = LIMITS[key]
    if (typeof parsed !== 'number' || !Number.isFinite(parsed) || parsed < min || parsed > max) {
      problems.push(`${key} must be a number from ${min} to ${max} (got ${JSON.stringify(value)})`)
      return DEFAULT_SETTINGS[key]
    }
    return parsed
  }

  const settings: AppSettings = {
    pollingIntervalHours: number('pollingIntervalHours'),
    trackingWindowDays: number('trackingWindowDays'),
    stuckAfterHours: number('stuckAfterHours'),
    scheduleMode: parseScheduleMode(input.scheduleMode, problems),
    carrierRequestsPerSecond: parseRate(input.carrierRequestsPerSecond, problems),
    courierMappings: parseMappings(input.courierMappings, problems),
    trackingLinks: parseTrackingLinks(input.trackingLinks, problems),
    carriers: parseCarriers(input, problems),
    emails: parseEmailSettings(input.emails, problems),
    storeTimeZone: parseTimeZone(input.storeTimeZone, problems),
  }
  settings.courierMappings.push(...hubMappings(settings, problems))
  rejectDoubleCouriers(settings, problems)
  if (problems.length > 0) throw new SettingsError(`Invalid app settings: ${problems.join('; ')}`)
  return settings
}

function parseRate(value: unknown, problems: string[]): number | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const parsed = typeof value === 'string' ? Number(value) : value
  if (typeof parsed !== 'number' || !Number.isFinite(parsed) || parsed < 1 || parsed > 200) {
    problems.push(`carrierRequestsPerSecond must be a number from 1 to 200 (got ${JSON.stringify(value)})`)
    return undefined
  }
  return parsed
}

/** An IANA zone name Intl knows ("America/Mexico_City"); Windows names and offsets are refused. */
function parseTimeZone(value: unknown, problems: string[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const zone = typeof value === 'string' ? value.trim() : ''
  if (!zone.includes('/') && zone !== 'UTC') {
    problems.push(`storeTimeZone must be an IANA time zone such as America/Mexico_City (got ${JSON.stringify(value)})`)
    return undefined
  }
  if (!isKnownTimeZone(zone)) {
    problems.push(`storeTimeZone ${JSON.stringify(value)} is not a known IANA time zone`)
    return undefined
  }
  return zone
}

function parseScheduleMode(value: unknown, problems: string[]): ScheduleMode {
  if (value === undefined || value === null || value === '') return 'adaptive'
  if (typeof value === 'string' && (SCHEDULE_MODES as readonly string[]).includes(value)) return value as ScheduleMode
  problems.push(`scheduleMode must be one of ${SCHEDULE_MODES.join(', ')} (got ${JSON.stringify(value)})`)
  return 'adaptive'
}

function parseMappings(value: unknown, problems: string[]): CourierMapping[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    problems.push('courierMappings must be a list')
    return []
  }
  const mappings: CourierMapping[] = []
  value.forEach((entry: unknown, index) => {
    const courierName = isRecord(entry) && typeof entry.courierName === 'string' ? entry.courierName.trim() : ''
    const carrier = isRecord(entry) ? entry.carrier : undefined
    if (!courierName) problems.push(`courierMappings[${index}].courierName is required`)
    else if (!isCarrierCode(carrier))
      problems.push(`courierMappings[${index}].carrier must be ${CARRIER_CODES.join(' or ')}`)
    else mappings.push({ courierName, carrier })
  })
  return mappings
}

/** Every carrier module's section, read by the same parser from the fields the module declares. */
function parseCarriers(input: Record<string, unknown>, problems: string[]): AppSettings['carriers'] {
  const carriers: AppSettings['carriers'] = {}
  for (const carrier of CARRIERS) {
    const section = parseCarrierSettings(carrier.settings, input[carrier.code], carrier.code, problems)
    if (section) carriers[carrier.code] = section
  }
  return carriers
}

/**
 * The courier names each configured hub (Intelipost, Melhor Envio) lists in its `couriers` field,
 * as mappings after the merchant's own: an explicit courier mapping wins, and a name two hubs
 * both claim is a problem (which hub ships it cannot be guessed).
 */
function hubMappings(settings: AppSettings, problems: string[]): CourierMapping[] {
  const explicit = new Set(settings.courierMappings.map((m) => normalizeCourierName(m.courierName)))
  const claimed = new Map<string, CourierMapping>()
  for (const carrier of CARRIERS) {
    const section = settings.carriers[carrier.code]
    if (!section) continue
    for (const courierName of routedCourierNames(carrier.settings, section)) {
      const key = normalizeCourierName(courierName)
      if (explicit.has(key)) continue
      const previous = claimed.get(key)
      if (previous && previous.carrier !== carrier.code) {
        problems.push(`"${courierName}" is routed through both ${previous.carrier} and ${carrier.code}: keep one`)
      } else claimed.set(key, { courierName, carrier: carrier.code })
    }
  }
  return [...claimed.values()]
}

/** A courier name is either polled at a carrier or link only: both would be a contradiction. */
function rejectDoubleCouriers(settings: AppSettings, problems: string[]): void {
  const mapped = new Set(settings.courierMappings.map((m) => normalizeCourierName(m.courierName)))
  for (const link of settings.trackingLinks) {
    if (mapped.has(normalizeCourierName(link.courierName))) {
      problems.push(`"${link.courierName}" is in both courierMappings and trackingLinks: keep one`)
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Which carriers the merchant has configured credentials for. */
export const configuredCarriers = (settings: AppSettings): CarrierCode[] =>
  CARRIER_CODES.filter((code) => settings.carriers[code] !== undefined)
