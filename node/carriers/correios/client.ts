import { CacheType, ExternalClient } from '@vtex/api'
import type { InstanceOptions, IOContext, RequestConfig } from '@vtex/api'

import type { CorreiosRastroResponse } from './parse'
import { buildTokenRequest, buildTrackRequest, CORREIOS_HOSTS, readErrorMessages, readTokenResponse } from './request'
import type { CorreiosEnvironment, CorreiosTrackRequest } from './request'
import { AppError, CarrierAuthError, CarrierRequestError, CarrierResponseError } from '../../errors'
import {
  credentialForms,
  credentialsKey,
  httpDataOf,
  httpStatusOf,
  redact,
  TokenCache,
  transportError,
  withoutSecrets,
} from '../shared/http'
import type { IssuedToken, TransportMessages } from '../shared/http'

export { parseRetryAfter } from '../shared/http'

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

/** Shared by every client instance in the worker, so a burst of requests asks Correios for one token. */
const tokens = new TokenCache({ refreshMarginMs: REFRESH_MARGIN_MS })

/** Forgets every cached token (tests). */
export function resetCorreiosTokenCache(): void {
  tokens.clear()
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
   * revoked) is replaced once; a second rejection is a CarrierAuthError. Nothing leaves this
   * method, answer or error, with a configured credential in it, whatever Correios echoes back.
   */
  public async fetchTracking(credentials: CorreiosCredentials, codes: string[]): Promise<CorreiosRastroResponse> {
    return withoutSecrets(secretsOf(credentials), () => this.fetchUnredacted(credentials, codes))
  }

  private async fetchUnredacted(credentials: CorreiosCredentials, codes: string[]): Promise<CorreiosRastroResponse> {
    const request = buildTrackRequest(codes)
    const key = cacheKey(credentials)
    const first = await this.token(credentials, key)
    try {
      return await this.track(credentials, request, first)
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error
      // Only the token that failed: a concurrent request may already have stored a newer one.
      tokens.invalidate(key, first)
    }
    const fresh = await this.token(credentials, key)
    try {
      return await this.track(credentials, request, fresh)
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error
      tokens.invalidate(key, fresh)
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
      const status = httpStatusOf(error)
      if (status === 401 || status === 403) throw new TokenRejected(status)
      throw toCarrierError(error, [token, ...secretsOf(credentials)])
    }
  }

  private token(credentials: CorreiosCredentials, key: string): Promise<string> {
    return tokens.get(key, () => this.fetchToken(credentials))
  }

  private async fetchToken(credentials: CorreiosCredentials): Promise<IssuedToken> {
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
      const status = httpStatusOf(error)
      if (status === 401 || status === 403) {
        const detail = readErrorMessages(httpDataOf(error))
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
    return { value: token.token, expiresAt: token.expiresAt ?? Date.now() + FALLBACK_TOKEN_LIFETIME_MS }
  }
}

/** Internal signal: the tracking call refused the bearer token. */
class TokenRejected extends Error {
  constructor(public readonly status: number) {
    super(`token rejected with HTTP ${status}`)
  }
}

const urlFor = (credentials: CorreiosCredentials, path: string): string =>
  `http://${CORREIOS_HOSTS[credentials.environment ?? 'production']}${path}`

const cacheKey = (credentials: CorreiosCredentials): string =>
  credentialsKey([
    credentials.environment ?? 'production',
    credentials.user,
    credentials.accessCode,
    credentials.postageCard,
  ])

/** Every settings field of the carrier, not only the password: user and postage card identify the contract. */
const secretsOf = (credentials: CorreiosCredentials): string[] =>
  credentialForms(
    [credentials.user, credentials.accessCode, credentials.postageCard],
    [[credentials.user, credentials.accessCode]]
  )

const NETWORK_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN'])

const TRANSPORT_MESSAGES: TransportMessages = {
  rateLimited: 'Correios answered 429',
  unavailable: (status) => `Correios answered HTTP ${status}`,
  unreachable: (code) => {
    const reason = code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? 'timed out' : 'could not be reached'
    return `Correios ${reason}${code && NETWORK_CODES.has(code) ? ` (${code})` : ''}`
  },
}

/**
 * Maps a failed call to a typed error. The axios error itself is never rethrown: its config holds
 * the Authorization header. Messages carry only the status and Correios' own `msgs`, redacted.
 */
function toCarrierError(error: unknown, secrets: string[]): unknown {
  if (error instanceof AppError) return error
  const transient = transportError(CARRIER, error, TRANSPORT_MESSAGES)
  if (transient) return transient
  const status = httpStatusOf(error)
  if (status !== undefined) {
    const detail = readErrorMessages(httpDataOf(error)) ?? `HTTP ${status}`
    return new CarrierRequestError(CARRIER, redact(`Correios rejected the request: ${detail}`, secrets), status)
  }
  return error
}
