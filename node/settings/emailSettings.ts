import type { EmailPolicy } from '../notifications/decide'
import type { NoticeKind } from '../notifications/kinds'
import { NOTICE_KINDS } from '../notifications/kinds'
import type { EmailLocale } from '../notifications/locale'
import { isEmailLocale } from '../notifications/locale'

/** The app's own customer emails (issue 10), after validation and defaults. */
export interface EmailSettings extends EmailPolicy {
  /** Shown in every email; defaults to the account name. */
  storeName: string | null
  defaultLocale: EmailLocale
  /** Sales channel id -> language, for orders without a locale. */
  salesChannelLocales: Record<string, EmailLocale>
}

/** Settings keys per kind, as the settings form shows them. */
export const KIND_SETTING: Record<NoticeKind, string> = {
  shipped: 'sendShipped',
  first_update: 'sendFirstUpdate',
  in_transit: 'sendInTransit',
  out_for_delivery: 'sendOutForDelivery',
  attempt_fail: 'sendAttemptFail',
  available_for_pickup: 'sendAvailableForPickup',
  exception: 'sendException',
  delivered: 'sendDelivered',
}

export const DEFAULT_MAX_AGE_HOURS = 48
const MAX_AGE_LIMITS = [1, 720] as const

export const defaultEmailSettings = (): EmailSettings => ({
  enabled: true,
  kinds: Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, true])) as Record<NoticeKind, boolean>,
  maxAgeHours: DEFAULT_MAX_AGE_HOURS,
  storeName: null,
  defaultLocale: 'en',
  salesChannelLocales: {},
})

/** Validates the `emails` section; every problem is listed, nothing falls back silently. */
export function parseEmailSettings(value: unknown, problems: string[]): EmailSettings {
  const settings = defaultEmailSettings()
  if (value === undefined || value === null) return settings
  if (!isRecord(value)) {
    problems.push('emails must be an object')
    return settings
  }
  const flag = (key: string, fallback: boolean): boolean => {
    const raw = value[key]
    if (raw === undefined || raw === null) return fallback
    if (typeof raw !== 'boolean') problems.push(`emails.${key} must be true or false`)
    return typeof raw === 'boolean' ? raw : fallback
  }
  settings.enabled = flag('enabled', true)
  for (const kind of NOTICE_KINDS) settings.kinds[kind] = flag(KIND_SETTING[kind], true)
  settings.maxAgeHours = maxAge(value.maxAgeHours, problems)
  if (typeof value.storeName === 'string' && value.storeName.trim()) settings.storeName = value.storeName.trim()
  if (value.defaultLocale !== undefined && value.defaultLocale !== null) {
    if (isEmailLocale(value.defaultLocale)) settings.defaultLocale = value.defaultLocale
    else problems.push('emails.defaultLocale must be en, pt or es')
  }
  settings.salesChannelLocales = salesChannels(value.salesChannelLocales, problems)
  return settings
}

function maxAge(raw: unknown, problems: string[]): number {
  if (raw === undefined || raw === null || raw === '') return DEFAULT_MAX_AGE_HOURS
  const parsed = typeof raw === 'string' ? Number(raw) : raw
  const [min, max] = MAX_AGE_LIMITS
  if (typeof parsed !== 'number' || !Number.isFinite(parsed) || parsed < min || parsed > max) {
    problems.push(`emails.maxAgeHours must be a number from ${min} to ${max} (got ${JSON.stringify(raw)})`)
    return DEFAULT_MAX_AGE_HOURS
  }
  return parsed
}

function salesChannels(raw: unknown, problems: string[]): Record<string, EmailLocale> {
  if (raw === undefined || raw === null) return {}
  if (!Array.isArray(raw)) {
    problems.push('emails.salesChannelLocales must be a list')
    return {}
  }
  const result: Record<string, EmailLocale> = {}
  raw.forEach((entry: unknown, index) => {
    const channel = isRecord(entry) && typeof entry.salesChannel === 'string' ? entry.salesChannel.trim() : ''
    const locale = isRecord(entry) ? entry.locale : undefined
    if (!channel) problems.push(`emails.salesChannelLocales[${index}].salesChannel is required`)
    else if (!isEmailLocale(locale)) problems.push(`emails.salesChannelLocales[${index}].locale must be en, pt or es`)
    else result[channel] = locale
  })
  return result
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
