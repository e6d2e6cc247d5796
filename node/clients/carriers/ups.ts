import { createHash, randomUUID } from 'crypto'

import type { InstanceOptions, IOContext, IOResponse } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import type { UpsErrorResponse, UpsTrackResponse } from '../../carriers/ups/parse'
import { upsErrorMessage } from '../../carriers/ups/parse'
import type { UpsCredentials } from '../../carriers/ups/request'
import { buildTokenRequest, buildTrackRequest } from '../../carriers/ups/request'
import {
  CarrierAuthError,
  CarrierRateLimitedError,
  CarrierRequestError,
  CarrierResponseError,
  CarrierUnavailableError,
} from '../../errors'

export type { UpsCredentials } from '../../carriers/ups/request'

const CARRIER = 'ups'
// Plain http: the IO egress proxy upgrades to TLS when it sees X-Vtex-Use-Https.
const HOSTS = { production: 'http://onlinetools.ups.com', sandbox: 'http://wwwcie.ups.com' } as const
/** Refresh this long before UPS's own expiry, so a token never dies between check and use. */
const EXPIRY_MARGIN_MS = 60_000

interface CachedToken {
  accessToken: string
  expiresAt: number
}

/**
 * Tokens live about four hours and every replica may serve any account, so they are cached per
 * process, keyed by a hash of the credentials (the secret itself is never a map key).
 */
const tokenCache = new Map<string, CachedToken>()
/** One token request per credentials at a time, however many sweeps run concurrently. */
const tokenRequests = new Map<string, Promise<CachedToken>>()

/** Forgets every cached token (tests, and after a merchant rotates credentials). */
export function clearUpsTokenCache(): void {
  tokenCache.clear()
  tokenRequests.clear()
}

/** Axios-like error as @vtex/api's HttpClient throws it. */
interface HttpError {
  code?: string
  response?: { status: number; headers?: Record<string, unknown>; data?: unknown }
}

/**
 * UPS Track API v1 over OAuth client credentials. HTTP only: parsing is in carriers/ups.
 * Transport and auth failures are thrown as typed errors; a 404 (unknown number) is returned as
 * UPS's error body so the parser can report it as data (found: false).
 */
export class UpsClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(HOSTS.production, context, {
      ...options,
      // Tracking answers change between calls and a retried call must really go out.
      memoizable: false,
      headers: { ...(options?.headers ?? {}), 'X-Vtex-Use-Https': 'true' },
    })
  }

  public async fetchTracking(credentials: UpsCredentials, trackingNumbers: string[]): Promise<UpsTrackResponse> {
    if (trackingNumbers.length !== 1) {
      throw new Error(`the UPS Track API takes exactly one tracking number per call, got ${trackingNumbers.length}`)
    }
    const key = cacheKey(credentials)
    const token = await this.token(credentials, key)
    const first = await this.track(credentials, trackingNumbers[0], token)
    if (first !== 'unauthorized') return first
    // UPS may revoke a token before its expiry: drop it, get a new one, and try once more.
    if (tokenCache.get(key)?.accessToken === token) tokenCache.delete(key)
    const fresh = await this.token(credentials, key)
    const second = await this.track(credentials, trackingNumbers[0], fresh)
    if (second !== 'unauthorized') return second
    tokenCache.delete(key)
    throw new CarrierAuthError(CARRIER, 'UPS rejected a freshly issued access token')
  }

  private async track(
    credentials: UpsCredentials,
    trackingNumber: string,
    token: string
  ): Promise<UpsTrackResponse | 'unauthorized'> {
    // transId must be unique per request; a UUID without dashes is exactly 32 characters.
    const request = buildTrackRequest(trackingNumber, randomUUID().replace(/-/g, ''))
    try {
      const response = await this.http.getRaw<UpsTrackResponse>(request.path, {
        baseURL: baseUrlOf(credentials),
        params: request.query,
        headers: { ...request.headers, Authorization: `Bearer ${token}` },
        metric: 'ups-track',
      })
      return response.data
    } catch (error) {
      const http = error as HttpError
      const status = http.response?.status
      if (status === 401) return 'unauthorized'
      if (status === 404) return notFoundBody(http.response?.data)
      throw redact(mapError(http, 'Track', token), token)
    }
  }

  private token(credentials: UpsCredentials, key: string): Promise<string> {
    const cached = tokenCache.get(key)
    if (cached && Date.now() < cached.expiresAt) return Promise.resolve(cached.accessToken)
    let pending = tokenRequests.get(key)
    if (!pending) {
      pending = this.requestToken(credentials).finally(() => tokenRequests.delete(key))
      tokenRequests.set(key, pending)
    }
    return pending.then((token) => {
      if (token.expiresAt > Date.now()) tokenCache.set(key, token)
      return token.accessToken
    })
  }

  private async requestToken(credentials: UpsCredentials): Promise<CachedToken> {
    const request = buildTokenRequest(credentials)
    let response: IOResponse<unknown>
    try {
      response = await this.http.postRaw<unknown>(request.path, request.body, {
        baseURL: baseUrlOf(credentials),
        headers: request.headers,
        metric: 'ups-oauth',
      })
    } catch (error) {
      const http = error as HttpError
      const status = http.response?.status
      if (status === 401 || status === 403) {
        throw new CarrierAuthError(CARRIER, `UPS rejected the client id/secret (HTTP ${status})`)
      }
      throw mapError(http, 'OAuth token', undefined)
    }
    return tokenFrom(response.data)
  }
}

const baseUrlOf = (credentials: UpsCredentials): string => HOSTS[credentials.environment ?? 'production']

const cacheKey = (c: UpsCredentials): string =>
  createHash('sha256')
    .update(JSON.stringify([c.environment ?? 'production', c.clientId, c.clientSecret, c.accountNumber ?? '']))
    .digest('hex')

/**
 * expires_in is a string of seconds and issued_at epoch ms as a string (OAuthClientCredentials.yaml).
 * Without a usable issued_at the receipt time stands in for it.
 */
function tokenFrom(body: unknown): CachedToken {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const accessToken = record.access_token
  const expiresIn = Number(record.expires_in)
  if (typeof accessToken !== 'string' || accessToken.length === 0 || !Number.isFinite(expiresIn)) {
    throw new CarrierResponseError(CARRIER, 'the OAuth token response has no access_token/expires_in')
  }
  const issuedAt = Number(record.issued_at)
  const issued = typeof record.issued_at === 'string' && Number.isFinite(issuedAt) ? issuedAt : Date.now()
  return { accessToken, expiresAt: issued + expiresIn * 1000 - EXPIRY_MARGIN_MS }
}

/** UPS documents 404 with its error body; anything else (an empty 404) gets the same shape. */
function notFoundBody(data: unknown): UpsErrorResponse {
  if (upsErrorMessage(data) !== undefined) return data as UpsErrorResponse
  return { response: { errors: [{ code: 'HTTP404', message: 'Tracking number information not found' }] } }
}

function mapError(error: HttpError, call: string, token: string | undefined): Error {
  const status = error.response?.status
  if (status === undefined) {
    const reason = error.code === 'ECONNABORTED' ? 'timed out' : `network error ${error.code ?? 'unknown'}`
    return new CarrierUnavailableError(CARRIER, `${call} call ${reason}`)
  }
  const upsMessage = upsErrorMessage(error.response?.data)
  const detail = upsMessage ? `: ${upsMessage}` : ''
  if (status === 429) {
    return new CarrierRateLimitedError(CARRIER, retryAfterMs(error.response?.headers), `${call} rate limited${detail}`)
  }
  if (status >= 500) return new CarrierUnavailableError(CARRIER, `${call} answered HTTP ${status}${detail}`, status)
  // 403 on Track is "Blocked Merchant": only the merchant can fix it, like bad credentials.
  if (status === 403 && token !== undefined) return new CarrierAuthError(CARRIER, `${call} forbidden${detail}`)
  return new CarrierRequestError(CARRIER, `${call} rejected with HTTP ${status}${detail}`, status)
}

/** Retry-After is delta-seconds or an HTTP-date (RFC 9110 10.2.3). */
export function retryAfterMs(headers: Record<string, unknown> | undefined, now = Date.now()): number | undefined {
  const value = headers?.['retry-after']
  if (typeof value !== 'string' || value.trim() === '') return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** Belt and braces: whatever UPS echoes back, the bearer token never leaves in an error message. */
function redact<E extends Error>(error: E, token: string): E {
  if (token.length > 0 && error.message.includes(token)) error.message = error.message.split(token).join('<redacted>')
  return error
}
