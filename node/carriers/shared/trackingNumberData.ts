/**
 * Reads tracking-number formats written in the tracking_number_data format (MIT, Jeff Keen:
 * https://github.com/jkeen/tracking_number_data; notice in LICENSE-tracking-number-data). Each
 * carrier folder keeps a copy of only the entries it needs, as JSON, and detects its numbers with
 * `compileTrackingNumberSpecs`: the regex with its named groups, the check digit, the serial
 * number format and the required lookups, exactly as the data describes them.
 */

export interface ChecksumSpec {
  name: string
  weightings?: number[]
  modulo?: number
  modulo1?: number
  modulo2?: number
  evens_multiplier?: number
  odds_multiplier?: number
  reverse?: boolean
}

export interface LookupEntry {
  matches?: string
  matches_regex?: string
}

export interface TrackingNumberSpec {
  name: string
  id?: string
  /** One pattern, or its parts to concatenate. Groups: SerialNumber, CheckDigit, and any lookup group. */
  regex: string | string[]
  validation: {
    checksum?: ChecksumSpec
    serial_number_format?: { prepend_if?: { matches_regex: string; content: string } }
    additional?: { exists?: string[] }
  }
  additional?: Array<{ name: string; regex_group_name: string; lookup: LookupEntry[] }>
  test_numbers?: { valid: string[]; invalid: string[] }
}

export interface CourierSpecFile {
  tracking_numbers: TrackingNumberSpec[]
}

type Checksum = (serial: string, checkDigit: string) => boolean

/** A compiled matcher: true when the number has one of the formats and a correct check digit. */
export type TrackingNumberMatcher = (trackingNumber: string) => boolean

/** Compiles every spec; throws at load time on a checksum this reader does not implement. */
export function compileTrackingNumberSpecs(specs: readonly TrackingNumberSpec[]): TrackingNumberMatcher {
  const matchers = specs.map(compileOne)
  return (trackingNumber) => {
    const text = trackingNumber.toUpperCase()
    return matchers.some((matches) => matches(text))
  }
}

function compileOne(spec: TrackingNumberSpec): TrackingNumberMatcher {
  const source = Array.isArray(spec.regex) ? spec.regex.join('') : spec.regex
  const pattern = new RegExp(`^${source}$`)
  const checksum = spec.validation.checksum ? checksumOf(spec.validation.checksum, spec.name) : undefined
  const prepend = spec.validation.serial_number_format?.prepend_if
  const prependIf = prepend ? new RegExp(prepend.matches_regex) : undefined
  const required = (spec.validation.additional?.exists ?? []).map((name) => {
    const additional = spec.additional?.find((a) => a.name === name)
    if (!additional) throw new Error(`${spec.name}: no "${name}" lookup for validation.additional.exists`)
    return additional
  })
  return (text) => {
    const groups = pattern.exec(text)?.groups ?? (pattern.test(text) ? {} : undefined)
    if (groups === undefined) return false
    const group = (name: string): string => (groups[name] ?? '').replace(/\s+/g, '')
    if (checksum) {
      let serial = group('SerialNumber')
      if (prepend && prependIf?.test(serial)) serial = `${prepend.content}${serial}`
      if (!checksum(serial, group('CheckDigit'))) return false
    }
    return required.every((a) => a.lookup.some((entry) => lookupMatches(entry, group(a.regex_group_name))))
  }
}

function lookupMatches(entry: LookupEntry, value: string): boolean {
  if (entry.matches !== undefined) return entry.matches === value
  if (entry.matches_regex !== undefined) return new RegExp(`^(?:${entry.matches_regex})$`).test(value)
  return false
}

const digitValue = (c: string): number => (/\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 3) % 10)

function checksumOf(spec: ChecksumSpec, name: string): Checksum {
  switch (spec.name) {
    case 's10':
      return (serial, check) => {
        const weights = spec.weightings ?? []
        if (!/^\d+$/.test(serial) || serial.length !== weights.length) return false
        const remainder = weights.reduce((sum, w, i) => sum + w * Number(serial[i]), 0) % (spec.modulo ?? 11)
        const expected = remainder === 0 ? 5 : remainder === 1 ? 0 : 11 - remainder
        return String(expected) === check
      }
    case 'mod10':
      return (serial, check) => {
        const chars = spec.reverse ? [...serial].reverse() : [...serial]
        const total = chars.reduce(
          (sum, c, i) => sum + digitValue(c) * ((i % 2 === 0 ? spec.evens_multiplier : spec.odds_multiplier) ?? 1),
          0
        )
        return String((10 - (total % 10)) % 10) === check
      }
    case 'sum_product_with_weightings_and_modulo':
      return (serial, check) => {
        const weights = spec.weightings ?? []
        const total = [...serial].reduce((sum, c, i) => sum + Number(c) * (weights[i] ?? 0), 0)
        return String((total % (spec.modulo1 ?? 11)) % (spec.modulo2 ?? 10)) === check
      }
    case 'mod7':
      return (serial, check) => /^\d+$/.test(serial) && String(BigInt(serial) % 7n) === check
    case 'luhn':
      return (serial, check) => {
        const digits = [...`${serial}${check}`].reverse().map(Number)
        if (digits.some(Number.isNaN)) return false
        const total = digits.reduce((sum, d, i) => sum + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0)
        return total % 10 === 0
      }
    default:
      throw new Error(`${name}: checksum "${spec.name}" is not implemented`)
  }
}
