/**
 * The store's time zone from what VTEX says about the account. Pure.
 *
 * The Catalog API's sales channels carry `TimeZone` as a Windows zone name ("E. South America
 * Standard Time"), as the Orders API's `storePreferencesData.timeZone` does. They are mapped to
 * IANA zones with CLDR's windowsZones table (territory 001); an IANA name is taken as it is.
 */
import { isKnownTimeZone } from './localTime'

/** Used only when neither the setting nor the sales channel gives a zone the app knows. */
export const FALLBACK_TIME_ZONE = 'America/Sao_Paulo'

const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'E. South America Standard Time': 'America/Sao_Paulo',
  'SA Eastern Standard Time': 'America/Cayenne',
  'Central Brazilian Standard Time': 'America/Cuiaba',
  'Tocantins Standard Time': 'America/Araguaina',
  'Bahia Standard Time': 'America/Bahia',
  'SA Western Standard Time': 'America/La_Paz',
  'SA Pacific Standard Time': 'America/Bogota',
  'Argentina Standard Time': 'America/Argentina/Buenos_Aires',
  'Pacific SA Standard Time': 'America/Santiago',
  'Magallanes Standard Time': 'America/Punta_Arenas',
  'Montevideo Standard Time': 'America/Montevideo',
  'Paraguay Standard Time': 'America/Asuncion',
  'Venezuela Standard Time': 'America/Caracas',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Mountain Standard Time (Mexico)': 'America/Mazatlan',
  'Pacific Standard Time (Mexico)': 'America/Tijuana',
  'Eastern Standard Time (Mexico)': 'America/Cancun',
  'Cuba Standard Time': 'America/Havana',
  'Haiti Standard Time': 'America/Port-au-Prince',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Atlantic Standard Time': 'America/Halifax',
  'Newfoundland Standard Time': 'America/St_Johns',
  'Canada Central Standard Time': 'America/Regina',
  UTC: 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GTB Standard Time': 'Europe/Bucharest',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Russian Standard Time': 'Europe/Moscow',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Egypt Standard Time': 'Africa/Cairo',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Morocco Standard Time': 'Africa/Casablanca',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Kolkata',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'Singapore Standard Time': 'Asia/Singapore',
  'China Standard Time': 'Asia/Shanghai',
  'Taipei Standard Time': 'Asia/Taipei',
  'Korea Standard Time': 'Asia/Seoul',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
}

/** An IANA zone for a Windows or IANA zone name, or null when the app does not know it. */
export function ianaZone(name: string | null | undefined): string | null {
  const trimmed = (name ?? '').trim()
  if (!trimmed) return null
  const mapped = WINDOWS_ZONES[trimmed]
  if (mapped) return mapped
  return trimmed.includes('/') && isKnownTimeZone(trimmed) ? trimmed : null
}

/** Where the store's zone came from (shown on the admin page). */
export type StoreZoneSource = 'setting' | 'sales_channel' | 'fallback'

export interface SalesChannelZone {
  Id: number
  IsActive?: boolean
  TimeZone?: string | null
}

/**
 * The setting when there is one (already validated), else the zone of the main sales channel:
 * the active one with the lowest id (VTEX's first channel is 1), else the fallback.
 */
export function resolveStoreZone(
  setting: string | undefined,
  channels: readonly SalesChannelZone[]
): { timeZone: string; source: StoreZoneSource } {
  if (setting) return { timeZone: setting, source: 'setting' }
  const main = [...channels].filter((c) => c.IsActive !== false).sort((a, b) => a.Id - b.Id)
  for (const channel of main) {
    const zone = ianaZone(channel.TimeZone)
    if (zone) return { timeZone: zone, source: 'sales_channel' }
  }
  return { timeZone: FALLBACK_TIME_ZONE, source: 'fallback' }
}

/** Holiday dates (yyyy-mm-dd) from the Logistics API's holiday list; other entries are ignored. */
export function holidayDates(raw: unknown): string[] {
  if (!Array.isArray(raw)) return []
  const dates = new Set<string>()
  for (const entry of raw as unknown[]) {
    const start = typeof entry === 'object' && entry !== null ? (entry as { startDate?: unknown }).startDate : undefined
    if (typeof start === 'string' && /^\d{4}-\d{2}-\d{2}/.test(start)) dates.add(start.slice(0, 10))
  }
  return [...dates].sort()
}
