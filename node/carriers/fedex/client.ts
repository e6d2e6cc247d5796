import type { InstanceOptions, IOContext, IOResponse } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import {
  credentialForms,
  credentialsKey,
  httpDataOf,
  httpStatusOf,
  redact,
  withoutSecrets,
  TokenCache,
  transportError,
} from '../shared/http'
import type { IssuedToken, TransportMessages } from '../shared/http'
import { CarrierAuthError, CarrierRequestError, CarrierResponseError, CarrierUnavailableError } from '../../errors'
import type { FedexErrorResponse, FedexTokenResponse, FedexTrackResponse } from './contract'
import { fedexErrorMessage } from './parse'
import type { FedexCredentials } from './request'
import { buildTokenRequest, buildTrackRequest, FEDEX_HOSTS } from './request'

const CARRIER = 'fedex'
/** FedEx tokens live an hour; refresh a minute early so one never dies between check and use. */
const REFRESH_MARGIN_MS = 60_000

/** Shared by every client instance in the worker: one token request per credentials at a time. */
const tokens = new TokenCache({ refreshMarginMs: REFRESH_MARGIN_MS })

/** Forgets every cached token (tests, credential rotation). */
export function clearFedexTokenCache(): void {
  tokens.clear()
}

/**
 * FedEx Track API over OAuth client credentials. HTTP only: parsing is in ./parse. Transport and
 * auth failures are thrown as typed errors; a 4xx that only says "not found" is handed to the
 * parser as data. Nothing leaves this client, answer or error, with a credential in it.
 */
export class FedexClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(`http://${FEDEX_HOSTS.production}`, context, {
      ...options,
      memoizable: false,
      headers: { ...(options?.headers ?? {}), 'X-Vtex-Use-Https': 'true' },
    })
  }

  public async fetchTracking(credentials: FedexCredentials, trackingNumbers: string[]): Promise<FedexTrackResponse> {
    return withoutSecrets(secretsOf(credentials), () => this.fetchUnredacted(credentials, trackingNumbers))
  }

  private async fetchUnredacted(credentials: FedexCredentials, trackingNumbers: string[]): Promise<FedexTrackResponse> {
    const answer = await tokens.withToken(
      cacheKey(credentials),
      () => this.requestToken(credentials),
      (token) => this.track(credentials, trackingNumbers, token)
    )
    if (answer === 'refused') throw new CarrierAuthError(CARRIER, 'FedEx rejected a freshly issued access token')
    return answer
  }

  private async track(
    credentials: FedexCredentials,
    trackingNumbers: string[],
    token: string
  ): Promise<FedexTrackResponse | 'unauthorized'> {
    const request = buildTrackRequest(trackingNumbers)
    try {
      const response = await this.http.postRaw<FedexTrackResponse>(request.path, request.body, {
        baseURL: baseUrlOf(credentials),
        headers: { ...request.headers, Authorization: `Bearer ${token}` },
        metric: 'fedex-track',
      })
      return response.data
    } catch (error) {
      const status = httpStatusOf(error)
      if (status === 401) return 'unauthorized'
      const body = httpDataOf(error)
      if ((status === 400 || status === 404) && onlyNotFound(body)) return body
      throw mapError(error, 'Track', token)
    }
  }

  private async requestToken(credentials: FedexCredentials): Promise<IssuedToken> {
    const request = buildTokenRequest(credentials)
    let response: IOResponse<FedexTokenResponse>
    try {
      response = await this.http.postRaw<FedexTokenResponse>(request.path, request.body, {
        baseURL: baseUrlOf(credentials),
        headers: request.headers,
        metric: 'fedex-oauth',
        // A rejected login is not worth retrying, and a retried POST could mint two tokens.
        retries: 0,
      })
    } catch (error) {
      const status = httpStatusOf(error)
      if (status === 401 || status === 403) {
        const detail = fedexErrorMessage(httpDataOf(error))
        throw new CarrierAuthError(
          CARRIER,
          redact(
            `FedEx rejected the API key/secret (HTTP ${status})${detail ? `: ${detail}` : ''}`,
            secretsOf(credentials)
          )
        )
      }
      throw mapError(error, 'OAuth token', undefined)
    }
    const { access_token: value, expires_in: expiresIn } = response.data
    if (typeof value !== 'string' || value === '')
      throw new CarrierResponseError(CARRIER, 'the token response has no access_token')
    const seconds = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 3600
    return { value, expiresAt: Date.now() + seconds * 1000 }
  }
}

/** A 400/404 whose every error is a not-found code: an answer about the numbers, not a failure. */
function onlyNotFound(body: unknown): body is FedexErrorResponse {
  const errors = (body as FedexErrorResponse | undefined)?.errors
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => /NOTFOUND/.test(String(e?.code ?? '')))
}

/** Every settings field of the carrier, as is, URL-encoded (the form body) and trimmed. */
const secretsOf = (c: FedexCredentials): string[] => credentialForms([c.clientId, c.clientSecret])

const baseUrlOf = (c: FedexCredentials): string => `http://${FEDEX_HOSTS[c.environment ?? 'production']}`

const cacheKey = (c: FedexCredentials): string =>
  credentialsKey([c.environment ?? 'production', c.clientId, c.clientSecret])

/** FedEx's own error text in every message; the bearer token never leaves in one. */
function mapError(error: unknown, call: string, token: string | undefined): Error {
  const fedex = fedexErrorMessage(httpDataOf(error))
  const detail = fedex ? `: ${fedex}` : ''
  const clean = (message: string): string => (token === undefined ? message : redact(message, [token], '<redacted>'))
  const messages: TransportMessages = {
    rateLimited: clean(`${call} rate limited${detail}`),
    unavailable: (status) => clean(`${call} answered HTTP ${status}${detail}`),
    unreachable: (code) =>
      `${call} call ${code === 'ECONNABORTED' ? 'timed out' : `network error ${code ?? 'unknown'}`}`,
  }
  const transient = transportError(CARRIER, error, messages)
  if (transient) return transient
  const status = httpStatusOf(error)
  if (status === undefined) return new CarrierUnavailableError(CARRIER, messages.unreachable(undefined))
  // FORBIDDEN.ERROR: the project lacks Track API access; only the merchant can fix it.
  if (status === 403) return new CarrierAuthError(CARRIER, clean(`${call} forbidden${detail}`))
  return new CarrierRequestError(CARRIER, clean(`${call} rejected with HTTP ${status}${detail}`), status)
}
