import type { CsvSeparator } from './csv'
import type { CsvLocale } from './csvLabels'
import { CSV_LOCALES } from './csvLabels'
import { AdminRequestError } from './adminErrors'
import type { QueryParams } from './shipmentQuery'

export interface CsvOptions {
  locale: CsvLocale
  separator: CsvSeparator
  /** IANA zone the times are written in (the store's, as the admin page shows them). */
  timeZone: string
}

/** As the link asks: without `tz`, the export uses the store's time zone. */
export type CsvRequest = Omit<CsvOptions, 'timeZone'> & { timeZone?: string }

/** `locale` (en, pt, es), `sep` (comma, semicolon; default `;` for pt and es) and `tz` of the export link. */
export function parseCsvOptions(params: QueryParams): CsvRequest {
  const locale = first(params.locale) ?? 'en'
  if (!(CSV_LOCALES as readonly string[]).includes(locale)) invalid(`locale must be one of ${CSV_LOCALES.join(', ')}`)
  const sep = first(params.sep)
  if (sep !== undefined && sep !== 'comma' && sep !== 'semicolon') invalid('sep must be comma or semicolon')
  const separator: CsvSeparator = sep === undefined ? (locale === 'en' ? ',' : ';') : sep === 'comma' ? ',' : ';'
  const timeZone = first(params.tz)
  if (timeZone !== undefined && !isTimeZone(timeZone)) invalid('tz must be an IANA time zone such as America/Sao_Paulo')
  return { locale: locale as CsvLocale, separator, timeZone }
}

const first = (value: string | string[] | undefined): string | undefined => {
  const text = (Array.isArray(value) ? value[0] : value)?.trim()
  return text === '' ? undefined : text
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format(0)
    return true
  } catch {
    return false
  }
}

function invalid(message: string): never {
  throw new AdminRequestError('invalid_filter', message)
}
