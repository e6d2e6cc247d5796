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
import type { UspsErrorMessage, UspsTokenResponse, UspsTrackResponse } from './contract'
import { uspsErrorMessage } from './parse'
import type { UspsCredentials } from './request'
import { buildTokenRequest, buildTrackRequest, USPS_HOSTS } from './request'

const CARRIER = 'usps'
/** USPS tokens live eight hours; refresh five minutes early. */
const REFRESH_MARGIN_MS = 5 * 60_000
const tokens = new TokenCache({ refreshMarginMs: REFRESH_MARGIN_MS })

export function clearUspsTokenCache(): void {
  tokens.clear()
}

/**
 * USPS Tracking v3 over OAuth 2.0 client credentials. HTTP only: parsing is in ./parse. A 404
 * ErrorMessage (unknown number) is handed to the parser as data; transport and auth failures are
 * typed errors. Nothing leaves this client, answer or error, with a credential in it.
 */
export class UspsClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(`http://${USPS_HOSTS.production}`, context, {
      ...options,
      memoizable: false,
      headers: { ...(options?.headers ?? {}), 'X-Vtex-Use-Https': 'true' },
    })
  }

  public async fetchTracking(credentials: UspsCredentials, trackingNumbers: string[]): Promise<UspsTrackResponse> {
    return withoutSecrets(secretsOf(credentials), () => this.fetchUnredacted(credentials, trackingNumbers))
  }

  private async fetchUnredacted(credentials: UspsCredentials, trackingNumbers: string[]): Promise<UspsTrackResponse> {
    if (trackingNumbers.length !== 1) {
      throw new RangeError(`USPS Tracking v3 takes exactly one number per call, got ${trackingNumbers.length}`)
    }
    const answer = await tokens.withToken(
      cacheKey(credentials),
      () => this.requestToken(credentials),
      (token) => this.track(credentials, trackingNumbers[0], token)
    )
    if (answer === 'refused') throw new CarrierAuthError(CARRIER, 'USPS rejected a freshly issued access token')
    return answer
  }

  private async track(
    credentials: UspsCredentials,
    trackingNumber: string,
    token: string
  ): Promise<UspsTrackResponse | 'unauthorized'> {
    const request = buildTrackRequest(trackingNumber)
    try {
      const response = await this.http.getRaw<UspsTrackResponse>(request.path, {
        baseURL: baseUrlOf(credentials),
        params: request.query,
        headers: { ...request.headers, Authorization: `Bearer ${token}` },
        metric: 'usps-track',
      })
      return response.data
    } catch (error) {
      const status = httpStatusOf(error)
      if (status === 401) return 'unauthorized'
      if (status === 404) return notFoundBody(httpDataOf(error))
      throw mapError(error, 'Tracking', token)
    }
  }

  private async requestToken(credentials: UspsCredentials): Promise<IssuedToken> {
    const request = buildTokenRequest(credentials)
    let response: IOResponse<UspsTokenResponse>
    try {
      response = await this.http.postRaw<UspsTokenResponse>(request.path, request.body, {
        baseURL: baseUrlOf(credentials),
        headers: request.headers,
        metric: 'usps-oauth',
        retries: 0,
      })
    } catch (error) {
      const status = httpStatusOf(error)
      if (status === 400 || status === 401 || status === 403) {
        const detail = oauthErrorText(httpDataOf(error))
        throw new CarrierAuthError(
          CARRIER,
          redact(
            `USPS rejected the consumer key/secret (HTTP ${status})${detail ? `: ${detail}` : ''}`,
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

/** The OAuth endpoint answers in RFC 6749 form ({error, error_description}), not ErrorMessage. */
function oauthErrorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const { error, error_description: description } = body as { error?: unknown; error_description?: unknown }
  const parts = [error, description].filter((p): p is string => typeof p === 'string' && p.trim() !== '')
  return parts.length > 0 ? parts.join(': ') : uspsErrorMessage(body)
}

/** USPS documents 404 with its ErrorMessage; an empty 404 gets the same shape. */
function notFoundBody(data: unknown): UspsErrorMessage {
  if (uspsErrorMessage(data) !== undefined) return data as UspsErrorMessage
  return { error: { code: '404', message: 'Tracking number not found' } }
}

const secretsOf = (c: UspsCredentials): string[] => credentialForms([c.clientId, c.clientSecret])

const baseUrlOf = (c: UspsCredentials): string => `http://${USPS_HOSTS[c.environment ?? 'production']}`

const cacheKey = (c: UspsCredentials): string =>
  credentialsKey([c.environment ?? 'production', c.clientId, c.clientSecret])

function mapError(error: unknown, call: string, token: string | undefined): Error {
  const usps = uspsErrorMessage(httpDataOf(error))
  const detail = usps ? `: ${usps}` : ''
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
  // 403: the app's USPS project lacks the tracking scope; only the merchant can fix it.
  if (status === 403) return new CarrierAuthError(CARRIER, clean(`${call} forbidden${detail}`))
  return new CarrierRequestError(CARRIER, clean(`${call} rejected with HTTP ${status}${detail}`), status)
}
