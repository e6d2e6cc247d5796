import { InvalidInputError, SettingsError } from '../../errors'
import { isS10Number } from './trackingNumber'

/**
 * Pure request builders for 17TRACK v2.4: every call a POST of a JSON array, at most 40 numbers,
 * the key in the `17token` header only.
 */
export const TRACK17_HOST = 'api.17track.net'
export const TRACK17_BASE = '/track/v2.4'
export const TRACK17_MAX_BATCH = 40
/** 17TRACK's carrier key for Correios (the only LATAM key verified in the contracts). */
export const CORREIOS_KEY = 2151

export interface Track17Credentials {
  apiKey: string
  /** Merchant's "courier name = 17TRACK carrier key" pairs (settings `courierCarrierCodes`). */
  carrierKeys: ReadonlyMap<string, number>
}

export const normalizeTrack17Number = (trackingNumber: string): string =>
  trackingNumber.replace(/\s+/g, '').toUpperCase()

function checkNumber(trackingNumber: string): string {
  const number = normalizeTrack17Number(trackingNumber)
  if (!/^[A-Z0-9-]{5,50}$/.test(number))
    throw new InvalidInputError(`not a number 17TRACK accepts: "${trackingNumber}"`)
  return number
}

export interface Track17Request<B> {
  path: string
  body: B
  headers: Record<string, string>
}

function headersOf(credentials: Track17Credentials): Record<string, string> {
  const key = credentials.apiKey.trim()
  if (!key) throw new SettingsError('17TRACK needs an API key')
  return { '17token': key, 'Content-Type': 'application/json', Accept: 'application/json' }
}

function checkBatch(numbers: readonly string[]): void {
  if (numbers.length === 0 || numbers.length > TRACK17_MAX_BATCH) {
    throw new RangeError(`17TRACK takes 1 to ${TRACK17_MAX_BATCH} numbers per call, got ${numbers.length}`)
  }
}

export function buildRegisterRequest(
  credentials: Track17Credentials,
  items: ReadonlyArray<{ number: string; carrier?: number }>
): Track17Request<Array<{ number: string; carrier?: number; auto_detection?: boolean }>> {
  checkBatch(items.map((i) => i.number))
  return {
    path: `${TRACK17_BASE}/register`,
    body: items.map((i) =>
      i.carrier === undefined
        ? { number: checkNumber(i.number), auto_detection: true }
        : { number: checkNumber(i.number), carrier: i.carrier }
    ),
    headers: headersOf(credentials),
  }
}

/** gettrackinfo and stoptrack: numbers only (17TRACK knows the carrier it registered them with). */
export function buildNumbersRequest(
  credentials: Track17Credentials,
  endpoint: 'gettrackinfo' | 'stoptrack',
  numbers: readonly string[]
): Track17Request<Array<{ number: string }>> {
  checkBatch(numbers)
  return {
    path: `${TRACK17_BASE}/${endpoint}`,
    body: numbers.map((n) => ({ number: checkNumber(n) })),
    headers: headersOf(credentials),
  }
}

export const buildQuotaRequest = (credentials: Track17Credentials): Track17Request<[]> => ({
  path: `${TRACK17_BASE}/getquota`,
  body: [],
  headers: headersOf(credentials),
})

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()

/** The carrier key: the merchant's mapping, Correios by name or S10 "..BR" number, else 17TRACK detects it. */
export function carrierKeyFor(
  credentials: Track17Credentials,
  trackingNumber: string,
  courierName: string | null | undefined
): number | undefined {
  const name = fold(courierName ?? '')
  if (name) {
    const mapped = credentials.carrierKeys.get(name)
    if (mapped !== undefined) return mapped
    if (/\bcorreios\b|\bsedex\b|\bpac\b/.test(name)) return CORREIOS_KEY
  }
  const number = normalizeTrack17Number(trackingNumber)
  return number.endsWith('BR') && isS10Number(number) ? CORREIOS_KEY : undefined
}

/** "Loja X Correios=2151, Transportadora=100003" → folded name → key. */
export function parseCarrierKeys(text: string | undefined): Map<string, number> {
  const pairs = new Map<string, number>()
  for (const part of (text ?? '').split(/[,;\n]/)) {
    const [name, key] = part.split('=').map((s) => s.trim())
    if (name && key && /^\d{1,7}$/.test(key)) pairs.set(fold(name), Number(key))
  }
  return pairs
}
