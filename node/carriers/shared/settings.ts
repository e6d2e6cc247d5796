import { credentialForms } from './http'

/**
 * A carrier's settings as data: the fields of its section of the app settings (manifest
 * settingsSchema `properties.<code>`), which of them are redacted, and the hosts its client calls.
 * One generic parser reads every carrier's section from this, so no carrier writes its own.
 */
export interface SettingsField {
  name: string
  /** Part of the credential set: a section has all required fields or none (carrier not configured). */
  required: boolean
  /** Redacted from every carrier answer, error and admin response (credentials, contract ids). */
  secret: boolean
  /** Masked in the admin settings form (manifest `"format": "password"`). */
  password?: boolean
  /** Allowed values; the first is the default. */
  choices?: readonly string[]
}

export interface CarrierSettingsSpec {
  fields: readonly SettingsField[]
  /** [user field, password field] when the carrier takes HTTP Basic: that header value is redacted too. */
  basicAuth?: readonly [string, string]
  /** Every host the client calls: each needs an `outbound-access` policy in manifest.json. */
  hosts: readonly string[]
  /**
   * Hubs (Intelipost, Melhor Envio): the field listing the invoice courier names that route through
   * this carrier ("Jadlog, Total Express"), read as courier mappings when the section is configured.
   */
  routedCouriersField?: string
}

/** The courier names a configured hub section routes to itself (comma, semicolon or newline separated). */
export function routedCourierNames(spec: CarrierSettingsSpec, section: CarrierSettings): string[] {
  const value = spec.routedCouriersField === undefined ? undefined : section[spec.routedCouriersField]
  if (value === undefined) return []
  return value
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

/** A configured carrier's section after validation: trimmed strings, choices defaulted. */
export type CarrierSettings = Readonly<Record<string, string>>

/**
 * Validates one carrier's section. Empty (no required field filled) means "not configured" and
 * gives undefined; half-filled or invalid sections add to `problems` (reported all at once).
 */
export function parseCarrierSettings(
  spec: CarrierSettingsSpec,
  value: unknown,
  code: string,
  problems: string[]
): CarrierSettings | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const strings: Record<string, string> = {}
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' && field.trim() !== '') strings[key] = field.trim()
  }
  const required = spec.fields.filter((f) => f.required).map((f) => f.name)
  if (!required.some((name) => strings[name] !== undefined)) return undefined
  const missing = required.filter((name) => strings[name] === undefined)
  if (missing.length > 0) {
    problems.push(`${code}: ${missing.join(', ')} missing (fill all credentials or none)`)
    return undefined
  }
  const section: Record<string, string> = {}
  for (const field of spec.fields) {
    const given = strings[field.name]
    if (field.choices === undefined) {
      if (given !== undefined) section[field.name] = given
    } else if (given === undefined || field.choices.includes(given)) {
      section[field.name] = given ?? field.choices[0]
    } else {
      problems.push(`${code}.${field.name} must be ${field.choices.join(' or ')}`)
      section[field.name] = field.choices[0]
    }
  }
  return section
}

/** A field the parser guarantees (required, or with choices); throws if a module asks for another. */
export function settingOf(section: CarrierSettings, name: string): string {
  const value = section[name]
  if (value === undefined) throw new Error(`carrier setting ${name} is not set`)
  return value
}

/**
 * Every form a credential of this section could be echoed back in (as is, URL-encoded, the Basic
 * header value): what the carrier's client and the admin API redact.
 */
export function secretForms(spec: CarrierSettingsSpec, section: CarrierSettings): string[] {
  const values = spec.fields.filter((f) => f.secret).map((f) => section[f.name])
  const [user, password] = spec.basicAuth ?? []
  const basic = user !== undefined && password !== undefined ? section[user] : undefined
  const secret = password !== undefined ? section[password] : undefined
  return credentialForms(values, basic !== undefined && secret !== undefined ? [[basic, secret]] : [])
}
