import { createHash } from 'crypto'

import { CarrierRateLimitedError, CarrierUnavailableError } from '../../errors'

/**
 * Machinery every carrier HTTP client needs and none should reinvent: a token cache, Retry-After
 * parsing, reading @vtex/api's axios-like errors and mapping the transient ones, and redaction.
 * What a carrier's token or error body looks like stays in that carrier's client.
 */

// --- tokens ---

/** A token as the carrier issued it: `expiresAt` is the carrier's own expiry, epoch ms. */
export interface IssuedToken {
  value: string
  expiresAt: number
}

interface CachedToken {
  value: string
  refreshAt: number
}

export interface TokenCacheOptions {
  /** Refresh this long before the carrier's expiry, so a token never dies between check and use. */
  refreshMarginMs: number
  /** Injectable clock (tests). */
  now?: () => number
}

/**
 * Tokens per credential set, meant to live at module level: clients are built per request, and
 * every instance in the worker should share one token. Fetches in flight are shared too, so a
 * burst of requests asks the carrier for one token per credential set.
 */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>()
  private readonly inFlight = new Map<string, Promise<string>>()
  private readonly refreshMarginMs: number
  private readonly now: () => number

  constructor(options: TokenCacheOptions) {
    this.refreshMarginMs = options.refreshMarginMs
    this.now = options.now ?? Date.now
  }

  /** The cached token for `key` while it is before its refresh point; otherwise one shared `fetcher()` call. */
  public get(key: string, fetcher: () => Promise<IssuedToken>): Promise<string> {
    const cached = this.tokens.get(key)
    if (cached && this.now() < cached.refreshAt) return Promise.resolve(cached.value)
    const pending = this.inFlight.get(key)
    if (pending) return pending
    const request: Promise<string> = fetcher()
      .then((issued) => {
        const refreshAt = issued.expiresAt - this.refreshMarginMs
        // A token already inside the margin is still handed out once, but not kept for the next caller.
        if (refreshAt > this.now()) this.tokens.set(key, { value: issued.value, refreshAt })
        return issued.value
      })
      .finally(() => {
        // After clear() another fetch may own the slot; removing it would allow two at once.
        if (this.inFlight.get(key) === request) this.inFlight.delete(key)
      })
    this.inFlight.set(key, request)
    return request
  }

  /**
   * Forgets the token for `key`. With `value`, only if that is still the cached token: a concurrent
   * request may already have replaced the rejected one with a fresh token worth keeping.
   */
  /**
   * `call` with the cached token for `key`. A call answered 'unauthorized' (a token expired or
   * revoked before its time) is made once more with a fresh token; only the token that failed is
   * dropped, since a concurrent request may already have stored a newer one. 'refused' when the
   * fresh token is refused too (the caller reports it as a CarrierAuthError).
   */
  public async withToken<T>(
    key: string,
    fetcher: () => Promise<IssuedToken>,
    call: (token: string) => Promise<T | 'unauthorized'>
  ): Promise<T | 'refused'> {
    const first = await this.get(key, fetcher)
    const answer = await call(first)
    if (answer !== 'unauthorized') return answer
    this.invalidate(key, first)
    const fresh = await this.get(key, fetcher)
    const second = await call(fresh)
    if (second !== 'unauthorized') return second
    this.invalidate(key, fresh)
    return 'refused'
  }

  public invalidate(key: string, value?: string): void {
    if (value === undefined || this.tokens.get(key)?.value === value) this.tokens.delete(key)
  }

  /** Forgets every token and in-flight fetch (tests, credential rotation). */
  public clear(): void {
    this.tokens.clear()
    this.inFlight.clear()
  }
}

/** Cache key for a credential set: a sha256, so no credential sits in memory as a map key. */
export function credentialsKey(parts: readonly string[]): string {
  // JSON keeps the parts apart: ['ab', 'c'] and ['a', 'bc'] must not collide.
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

// --- Retry-After ---

/** Parses Retry-After (delta-seconds or HTTP-date, RFC 9110 10.2.3) into ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** Retry-After read from response headers (axios lower-cases their names). */
export function retryAfterMs(headers: Record<string, unknown> | undefined, now = Date.now()): number | undefined {
  const value = headers?.['retry-after']
  return parseRetryAfter(typeof value === 'string' ? value : undefined, now)
}

// --- errors from @vtex/api's HttpClient (axios errors: response.{status,headers,data} or a code) ---

interface HttpErrorLike {
  code?: unknown
  response?: { status?: unknown; headers?: Record<string, unknown>; data?: unknown }
}

const asHttpError = (error: unknown): HttpErrorLike | undefined =>
  typeof error === 'object' && error !== null ? (error as HttpErrorLike) : undefined

/** The HTTP status the carrier answered with; undefined when it never answered (or not an HTTP error). */
export function httpStatusOf(error: unknown): number | undefined {
  const status = asHttpError(error)?.response?.status
  return typeof status === 'number' ? status : undefined
}

/** The body of the carrier's error response, for its own error message format. */
export function httpDataOf(error: unknown): unknown {
  return asHttpError(error)?.response?.data
}

/** Per-carrier wording of the transient failures; the classes and fields are fixed by transportError. */
export interface TransportMessages {
  /** 429 */
  rateLimited: string
  /** 5xx */
  unavailable: (status: number) => string
  /** No answer at all: timeout, refused connection, DNS. `code` is axios's or Node's (ECONNABORTED…). */
  unreachable: (code: string | undefined) => string
}

/**
 * Maps the failures that mean "try later", whoever the carrier: 429 → CarrierRateLimitedError with
 * Retry-After, 5xx → CarrierUnavailableError with the status, no response (an error with a code or
 * axios's config) → CarrierUnavailableError. Undefined for everything else (other statuses, errors
 * not from the HTTP client), which only the carrier can interpret. Never returns the axios error: its
 * config holds the Authorization header.
 */
export function transportError(
  carrier: string,
  error: unknown,
  messages: TransportMessages
): CarrierRateLimitedError | CarrierUnavailableError | undefined {
  const http = asHttpError(error)
  const status = httpStatusOf(error)
  if (status === 429)
    return new CarrierRateLimitedError(carrier, retryAfterMs(http?.response?.headers), messages.rateLimited)
  if (status !== undefined && status >= 500) {
    return new CarrierUnavailableError(carrier, messages.unavailable(status), status)
  }
  if (status !== undefined || http === undefined) return undefined
  const code = typeof http.code === 'string' ? http.code : undefined
  if (code !== undefined || 'config' in http) return new CarrierUnavailableError(carrier, messages.unreachable(code))
  return undefined
}

// --- redaction ---

/**
 * Replaces every secret in `text`, longest first (so a secret containing another goes whole).
 * Secrets shorter than 4 characters are left alone: they would mangle ordinary words and numbers,
 * and no real credential or token is that short.
 */
export function redact(text: string, secrets: readonly string[], placeholder = '[redacted]'): string {
  return secrets
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length)
    .reduce((result, secret) => result.split(secret).join(placeholder), text)
}

/**
 * Every form a carrier could echo a credential back in: each configured settings value as is and
 * URL-encoded, and the Basic authorization value built from each user/password pair.
 */
export function credentialForms(
  values: ReadonlyArray<string | undefined>,
  basicPairs: ReadonlyArray<readonly [string, string]> = []
): string[] {
  const forms = new Set<string>()
  for (const value of values) {
    if (value === undefined || value.trim() === '') continue
    forms.add(value).add(value.trim()).add(encodeURIComponent(value))
  }
  for (const [user, password] of basicPairs) forms.add(Buffer.from(`${user}:${password}`, 'utf8').toString('base64'))
  return [...forms]
}

/** `value` with every string in it redacted (a carrier body the parser turns into messages). */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redact(value, secrets) as T
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, secrets)) as T
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets)])) as T
  }
  return value
}

/**
 * The last step of every carrier client call: whatever is thrown leaves with no credential in its
 * message. Errors the client did not type (anything but an Error) become one, redacted.
 */
export function redactError(error: unknown, secrets: readonly string[]): Error {
  if (!(error instanceof Error)) return new Error(redact(String(error), secrets))
  error.message = redact(error.message, secrets)
  if (error.stack !== undefined) error.stack = redact(error.stack, secrets)
  return error
}

/**
 * Runs a carrier request and hands on its answer, or throws its error, with every configured
 * secret replaced, whatever the carrier echoed back: nothing leaves a client with a credential in it.
 */
export async function withoutSecrets<T>(secrets: readonly string[], work: () => Promise<T>): Promise<T> {
  try {
    return redactDeep(await work(), secrets)
  } catch (error) {
    throw redactError(error, secrets)
  }
}
