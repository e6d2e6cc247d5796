import { InvalidInputError, SettingsError } from '../../errors'
import { isS10Number } from './trackingNumber'

/**
 * Pure request builders for the AfterShip Tracking API (dated version in the path). The key goes
 * in the `as-api-key` header, never in the URL. Reads batch through the list filter
 * `tracking_numbers=` (at most 50 per call); registration is one POST per number.
 */

export const AFTERSHIP_HOST = 'api.aftership.com'
export const AFTERSHIP_VERSION = '2025-01'
export const AFTERSHIP_BASE = `/tracking/${AFTERSHIP_VERSION}`
export const AFTERSHIP_MAX_BATCH = 50

export interface AftershipCredentials {
  apiKey: string
  /** Merchant's "courier name = slug" pairs, lower case names (settings `courierSlugs`). */
  slugs: ReadonlyMap<string, string>
}

export const normalizeAftershipNumber = (trackingNumber: string): string =>
  trackingNumber.replace(/\s+/g, '').toUpperCase()

/** AfterShip accepts 4-100 characters of A-Z 0-9 - . _ / */
const NUMBER = /^[A-Z0-9\-._/]{4,100}$/

function checkNumber(trackingNumber: string): string {
  const number = normalizeAftershipNumber(trackingNumber)
  if (!NUMBER.test(number)) throw new InvalidInputError(`not a number AfterShip accepts: "${trackingNumber}"`)
  return number
}

function headersOf(credentials: AftershipCredentials): Record<string, string> {
  const key = credentials.apiKey.trim()
  if (!key) throw new SettingsError('AfterShip needs an API key')
  return { 'as-api-key': key, Accept: 'application/json', 'Content-Type': 'application/json' }
}

export interface AftershipListRequest {
  path: string
  query: { tracking_numbers: string; limit: string }
  headers: Record<string, string>
}

export function buildListRequest(
  credentials: AftershipCredentials,
  trackingNumbers: readonly string[]
): AftershipListRequest {
  if (trackingNumbers.length === 0 || trackingNumbers.length > AFTERSHIP_MAX_BATCH) {
    throw new RangeError(`AfterShip lists 1 to ${AFTERSHIP_MAX_BATCH} numbers per call, got ${trackingNumbers.length}`)
  }
  return {
    path: `${AFTERSHIP_BASE}/trackings`,
    query: { tracking_numbers: trackingNumbers.map(checkNumber).join(','), limit: '200' },
    headers: headersOf(credentials),
  }
}

export interface AftershipCreateRequest {
  path: string
  body: { tracking_number: string; slug?: string }
  headers: Record<string, string>
}

export function buildCreateRequest(
  credentials: AftershipCredentials,
  trackingNumber: string,
  slug: string | undefined
): AftershipCreateRequest {
  return {
    path: `${AFTERSHIP_BASE}/trackings`,
    body: { tracking_number: checkNumber(trackingNumber), ...(slug ? { slug } : {}) },
    headers: headersOf(credentials),
  }
}

/** Stop following a number that ended (DELETE /trackings/{id}). */
export function buildDeleteRequest(
  credentials: AftershipCredentials,
  id: string
): { path: string; headers: Record<string, string> } {
  if (!/^[A-Za-z0-9]{8,64}$/.test(id)) throw new InvalidInputError(`not an AfterShip tracking id: "${id}"`)
  return { path: `${AFTERSHIP_BASE}/trackings/${id}`, headers: headersOf(credentials) }
}

/**
 * The slug AfterShip should track a number with: the merchant's mapping for the invoice's courier
 * name first, then LATAM couriers recognised by their name, then a Correios S10 number. Undefined
 * lets AfterShip detect the courier itself.
 */
const KNOWN_SLUGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcorreios\b|\bsedex\b|\bpac\b/, 'brazil-correios'],
  [/total ?express/, 'total-express'],
  [/directlog/, 'directlog'],
  [/estafeta/, 'estafeta'],
  [/paquete ?express/, 'paquetexpress'],
  [/redpack/, 'mexico-redpack'],
  [/correos de mexico|sepomex/, 'correos-de-mexico'],
  [/\boca\b/, 'oca-ar'],
  [/correos (de )?chile/, 'correos-chile'],
  [/4-72|472 entregando/, '4-72'],
]

export function slugFor(
  credentials: AftershipCredentials,
  trackingNumber: string,
  courierName: string | null | undefined
): string | undefined {
  const name = (courierName ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
  if (name) {
    const mapped = credentials.slugs.get(name)
    if (mapped) return mapped
    const known = KNOWN_SLUGS.find(([pattern]) => pattern.test(name))
    if (known) return known[1]
  }
  const number = normalizeAftershipNumber(trackingNumber)
  if (number.endsWith('BR') && isS10Number(number)) return 'brazil-correios'
  return undefined
}

/** "Correios SEDEX=brazil-correios, Total Express=total-express" → lower-case name → slug. */
export function parseSlugPairs(text: string | undefined): Map<string, string> {
  const pairs = new Map<string, string>()
  for (const part of (text ?? '').split(/[,;\n]/)) {
    const [name, slug] = part.split('=').map((s) => s.trim())
    if (name && slug && /^[a-z0-9-]+$/.test(slug)) {
      pairs.set(
        name
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase(),
        slug
      )
    }
  }
  return pairs
}
