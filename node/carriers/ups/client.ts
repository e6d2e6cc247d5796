import { randomUUID } from 'crypto'

import type { InstanceOptions, IOContext, IOResponse } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import type { UpsErrorResponse, UpsTrackResponse } from './parse'
import { upsErrorMessage } from './parse'
import type { UpsCredentials } from './request'
import { buildTokenRequest, buildTrackRequest } from './request'
import { UPS_HOSTS } from './settings'
import { CarrierAuthError, CarrierRequestError, CarrierResponseError, CarrierUnavailableError } from '../../errors'
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

export type { UpsCredentials } from './request'
export { retryAfterMs } from '../shared/http'

const CARRIER = 'ups'
const HOSTS = { production: `http://${UPS_HOSTS.production}`, sandbox: `http://${UPS_HOSTS.sandbox}` } as const
/** Refresh this long before UPS's own expiry, so a token never dies between check and use. */
const EXPIRY_MARGIN_MS = 60_000

/**
 * Tokens live about four hours and every replica may serve any account, so they are cached per
 * process, with one token request per credentials at a time however many sweeps run concurrently.
 */
const tokens = new TokenCache({ refreshMarginMs: EXPIRY_MARGIN_MS })

/** Forgets every cached token (tests, and after a merchant rotates credentials). */
export function clearUpsTokenCache(): void {
  tokens.clear()
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

  /** Nothing leaves this method, answer or error, with a configured credential in it, whatever UPS echoes. */
  public async fetchTracking(credentials: UpsCredentials, trackingNumbers: string[]): Promise<UpsTrackResponse> {
    return withoutSecrets(secretsOf(credentials), () => this.fetchUnredacted(credentials, trackingNumbers))
  }

  private async fetchUnredacted(credentials: UpsCredentials, trackingNumbers: string[]): Promise<UpsTrackResponse> {
    if (trackingNumbers.length !== 1) {
      throw new Error(`the UPS Track API takes exactly one tracking number per call, got ${trackingNumbers.length}`)
    }
    const answer = await tokens.withToken(
      cacheKey(credentials),
      () => this.requestToken(credentials),
      (token) => this.track(credentials, trackingNumbers[0], token)
    )
    if (answer === 'refused') throw new CarrierAuthError(CARRIER, 'UPS rejected a freshly issued access token')
    return answer
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
      const status = httpStatusOf(error)
      if (status === 401) return 'unauthorized'
      if (status === 404) return notFoundBody(httpDataOf(error))
      throw mapError(error, 'Track', token)
    }
  }

  private async requestToken(credentials: UpsCredentials): Promise<IssuedToken> {
    const request = buildTokenRequest(credentials)
    let response: IOResponse<unknown>
    try {
      response = await this.http.postRaw<unknown>(request.path, request.body, {
        baseURL: baseUrlOf(credentials),
        headers: request.headers,
        metric: 'ups-oauth',
      })
    } catch (error) {
      const status = httpStatusOf(error)
      if (status === 401 || status === 403) {
        throw new CarrierAuthError(CARRIER, `UPS rejected the client id/secret (HTTP ${status})`)
      }
      throw mapError(error, 'OAuth token', undefined)
    }
    return tokenFrom(response.data)
  }
}

/** Every settings field of the carrier (client id and account number too, not only the secret). */
const secretsOf = (c: UpsCredentials): string[] =>
  credentialForms([c.clientId, c.clientSecret, c.accountNumber], [[c.clientId, c.clientSecret]])

const baseUrlOf = (credentials: UpsCredentials): string => HOSTS[credentials.environment ?? 'production']

const cacheKey = (c: UpsCredentials): string =>
  credentialsKey([c.environment ?? 'production', c.clientId, c.clientSecret, c.accountNumber ?? ''])

/**
 * expires_in is a string of seconds and issued_at epoch ms as a string (OAuthClientCredentials.yaml).
 * Without a usable issued_at the receipt time stands in for it.
 */
function tokenFrom(body: unknown): IssuedToken {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const accessToken = record.access_token
  const expiresIn = Number(record.expires_in)
  if (typeof accessToken !== 'string' || accessToken.length === 0 || !Number.isFinite(expiresIn)) {
    throw new CarrierResponseError(CARRIER, 'the OAuth token response has no access_token/expires_in')
  }
  const issuedAt = Number(record.issued_at)
  const issued = typeof record.issued_at === 'string' && Number.isFinite(issuedAt) ? issuedAt : Date.now()
  return { value: accessToken, expiresAt: issued + expiresIn * 1000 }
}

/** UPS documents 404 with its error body; anything else (an empty 404) gets the same shape. */
function notFoundBody(data: unknown): UpsErrorResponse {
  if (upsErrorMessage(data) !== undefined) return data as UpsErrorResponse
  return { response: { errors: [{ code: 'HTTP404', message: 'Tracking number information not found' }] } }
}

/**
 * UPS's own error text goes into every message; `token` (Track calls) is redacted from it, since
 * whatever UPS echoes back, the bearer token must never leave in an error message.
 */
function mapError(error: unknown, call: string, token: string | undefined): Error {
  const upsMessage = upsErrorMessage(httpDataOf(error))
  const detail = upsMessage ? `: ${upsMessage}` : ''
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
  // Whatever failed without an answer from UPS is treated as UPS being unreachable.
  if (status === undefined) return new CarrierUnavailableError(CARRIER, messages.unreachable(undefined))
  // 403 on Track is "Blocked Merchant": only the merchant can fix it, like bad credentials.
  if (status === 403 && token !== undefined) return new CarrierAuthError(CARRIER, clean(`${call} forbidden${detail}`))
  return new CarrierRequestError(CARRIER, clean(`${call} rejected with HTTP ${status}${detail}`), status)
}
