import { createHash } from 'crypto'

import { CacheType, ExternalClient } from '@vtex/api'
import type { InstanceOptions, IOContext, RequestConfig } from '@vtex/api'

import type { CorreiosRastroResponse } from '../../carriers/correios/parse'
import {
  buildTokenRequest,
  buildTrackRequest,
  CORREIOS_HOSTS,
  readErrorMessages,
  readTokenResponse,
} from '../../carriers/correios/request'
import type { CorreiosEnvironment, CorreiosTrackRequest } from '../../carriers/correios/request'
import {
  AppError,
  CarrierAuthError,
  CarrierRateLimitedError,
  CarrierRequestError,
  CarrierResponseError,
  CarrierUnavailableError,
} from '../../errors'

export interface CorreiosCredentials {
  user: string
  accessCode: string
  postageCard: string
  environment?: CorreiosEnvironment
}

const CARRIER = 'correios'
/** Tokens live 24 h; refreshing 5 minutes early keeps a slow batch from using one that just expired. */
const REFRESH_MARGIN_MS = 5 * 60_000
/** When `expiraEm` is unreadable the token is still good, but for how long is unknown: be modest. */
const FALLBACK_TOKEN_LIFETIME_MS = 60 * 60_000

const HEADERS = { Accept: 'application/json', 'Accept-Language': 'pt-BR' } as const

interface CachedToken {
  value: string
  refreshAt: number
}

/**
 * Tokens per credential set, shared by every client instance in the worker (clients are built per
 * request). Keyed by a hash so that no credential sits in memory as a map key. Fetches in flight
 * are shared as well, so a burst of requests asks Correios for one token.
 */
const tokens = new Map<string, CachedToken>()
const tokensInFlight = new Map<string, Promise<CachedToken>>()

/** Forgets every cached token (tests). */
export function resetCorreiosTokenCache(): void {
  tokens.clear()
  tokensInFlight.clear()
}

/**
 * Correios API Rastro over HTTP: token, tracking call, error mapping. No parsing of tracking
 * data here; node/carriers/correios turns the body into TrackingResults.
 */
export class CorreiosClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(`http://${CORREIOS_HOSTS.production}`, context, {
      ...options,
      headers: { ...options?.headers, 'X-Vtex-Use-Https': 'true' },
    })
  }

  /**
   * Fetches every event of up to 50 objects. A token rejected by the tracking call (expired early,
   * revoked) is replaced once; a second rejection is a CarrierAuthError.
   */
  public async fetchTracking(credentials: CorreiosCredentials, codes: string[]): Promise<CorreiosRastroResponse> {
    const request = buildTrackRequest(codes)
    const key = cacheKey(credentials)
    const first = await this.token(credentials, key)
    try {
      return await this.track(credentials, request, first)
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error
      dropToken(key, first)
    }
    const fresh = await this.token(credentials, key)
    try {
      return await this.track(credentials, request, fresh)
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error
      dropToken(key, fresh)
      throw new CarrierAuthError(
        CARRIER,
        `Correios rejected a fresh token for tracking (HTTP ${error.status}); check that the Rastro API (87) is enabled on the postage card`
      )
    }
  }

  private async track(
    credentials: CorreiosCredentials,
    request: CorreiosTrackRequest,
    token: string
  ): Promise<CorreiosRastroResponse> {
    const config: RequestConfig = {
      metric: 'correios-track',
      params: request.query,
      headers: { ...HEADERS, Authorization: `Bearer ${token}` },
      // Tracking must be fresh. Not cacheable also turns off the per-client memo, whose key ignores
      // the Authorization header and would answer the retry with a new token from the failed call.
      cacheable: CacheType.None,
    }
    try {
      const response = await this.http.getRaw<CorreiosRastroResponse>(urlFor(credentials, request.path), config)
      return response.data
    } catch (error) {
      const status = httpStatus(error)
      if (status === 401 || status === 403) throw new TokenRejected(status)
      throw toCarrierError(error, [token, ...secretsOf(credentials)])
    }
  }

  private async token(credentials: CorreiosCredentials, key: string): Promise<string> {
    const cached = tokens.get(key)
    if (cached && Date.now() < cached.refreshAt) return cached.value
    let pending = tokensInFlight.get(key)
    if (!pending) {
      pending = this.fetchToken(credentials).finally(() => tokensInFlight.delete(key))
      tokensInFlight.set(key, pending)
    }
    const fresh = await pending
    tokens.set(key, fresh)
    return fresh.value
  }

  private async fetchToken(credentials: CorreiosCredentials): Promise<CachedToken> {
    const request = buildTokenRequest(credentials)
    let body: unknown
    try {
      const response = await this.http.postRaw<unknown>(urlFor(credentials, request.path), request.body, {
        metric: 'correios-token',
        headers: { ...HEADERS, 'Content-Type': 'application/json', Authorization: request.authorization },
        // A rejected login is not worth retrying, and a retried POST could mint two tokens.
        retries: 0,
      })
      body = response.data
    } catch (error) {
      const status = httpStatus(error)
      if (status === 401 || status === 403) {
        const detail = readErrorMessages(responseData(error))
        throw new CarrierAuthError(
          CARRIER,
          redact(
            `Correios rejected the user/access code or postage card (HTTP ${status})${detail ? `: ${detail}` : ''}`,
            secretsOf(credentials)
          )
        )
      }
      throw toCarrierError(error, secretsOf(credentials))
    }
    const token = readTokenResponse(body)
    if (!token) throw new CarrierResponseError(CARRIER, 'the token response has no token')
    const expiresAt = token.expiresAt ?? Date.now() + FALLBACK_TOKEN_LIFETIME_MS
    return { value: token.token, refreshAt: expiresAt - REFRESH_MARGIN_MS }
  }
}

/** Internal signal: the tracking call refused the bearer token. */
class TokenRejected extends Error {
  constructor(public readonly status: number) {
    super(`token rejected with HTTP ${status}`)
  }
}

/** Drops only the token that failed: a concurrent request may already have stored a newer one. */
function dropToken(key: string, token: string): void {
  if (tokens.get(key)?.value === token) tokens.delete(key)
}

const urlFor = (credentials: CorreiosCredentials, path: string): string =>
  `http://${CORREIOS_HOSTS[credentials.environment ?? 'production']}${path}`

const cacheKey = (credentials: CorreiosCredentials): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        credentials.environment ?? 'production',
        credentials.user,
        credentials.accessCode,
        credentials.postageCard,
      ])
    )
    .digest('hex')

const secretsOf = (credentials: CorreiosCredentials): string[] => [credentials.accessCode, credentials.user]

/** Parses Retry-After (delta-seconds or HTTP-date) into ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

// --- errors from @vtex/api's HttpClient (axios errors: response.{status,headers,data} or a code) ---

interface HttpErrorLike {
  code?: unknown
  response?: { status?: unknown; headers?: Record<string, unknown>; data?: unknown }
}

const asHttpError = (error: unknown): HttpErrorLike | undefined =>
  typeof error === 'object' && error !== null ? (error as HttpErrorLike) : undefined

const httpStatus = (error: unknown): number | undefined => {
  const status = asHttpError(error)?.response?.status
  return typeof status === 'number' ? status : undefined
}

const responseData = (error: unknown): unknown => asHttpError(error)?.response?.data

const NETWORK_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * Maps a failed call to a typed error. The axios error itself is never rethrown: its config holds
 * the Authorization header. Messages carry only the status and Correios' own `msgs`, redacted.
 */
function toCarrierError(error: unknown, secrets: string[]): unknown {
  if (error instanceof AppError) return error
  const http = asHttpError(error)
  const status = httpStatus(error)
  if (status === 429) {
    const retryAfter = http?.response?.headers?.['retry-after']
    return new CarrierRateLimitedError(
      CARRIER,
      parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined),
      'Correios answered 429'
    )
  }
  if (status !== undefined && status >= 500) {
    return new CarrierUnavailableError(CARRIER, `Correios answered HTTP ${status}`, status)
  }
  if (status !== undefined) {
    const detail = readErrorMessages(responseData(error)) ?? `HTTP ${status}`
    return new CarrierRequestError(CARRIER, redact(`Correios rejected the request: ${detail}`, secrets), status)
  }
  const code = typeof http?.code === 'string' ? http.code : undefined
  if (code !== undefined || (http !== undefined && 'config' in http)) {
    const reason = code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? 'timed out' : 'could not be reached'
    return new CarrierUnavailableError(
      CARRIER,
      `Correios ${reason}${code && NETWORK_CODES.has(code) ? ` (${code})` : ''}`
    )
  }
  return error
}

function redact(message: string, secrets: string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((text, secret) => text.split(secret).join('[redacted]'), message)
}
