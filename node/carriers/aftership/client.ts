import type { InstanceOptions, IOContext, IOResponse } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import { CarrierAuthError, CarrierRateLimitedError, CarrierRequestError, CarrierUnavailableError } from '../../errors'
import { credentialForms, httpDataOf, httpStatusOf, transportError, withoutSecrets } from '../shared/http'
import type { TransportMessages } from '../shared/http'
import { recordQuota } from '../shared/quota'
import type { AftershipEnvelope, AftershipTracking } from './contract'
import { aftershipErrorMessage, aftershipMetaCode, trackingsOf, validateEnvelope } from './parse'
import type { AftershipCredentials } from './request'
import { AFTERSHIP_HOST, buildCreateRequest, buildListRequest, buildDeleteRequest } from './request'

const CARRIER = 'aftership'
/** meta.code when the number is already tracked (create is then a success for us). */
const ALREADY_EXISTS = 4003

/**
 * AfterShip Tracking API over HTTP with the `as-api-key` header. HTTP only: parsing is in ./parse.
 * Error bodies are not always JSON (a real 502 is the text "Interal Error"), so nothing here assumes
 * they are. Every answer's X-RateLimit-* headers are noted for the admin's carrier health.
 */
export class AftershipClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(`http://${AFTERSHIP_HOST}`, context, {
      ...options,
      memoizable: false,
      headers: { ...(options?.headers ?? {}), 'X-Vtex-Use-Https': 'true' },
    })
  }

  /** One list call for up to 50 numbers (the tracking_numbers filter). */
  public async listTrackings(credentials: AftershipCredentials, trackingNumbers: string[]): Promise<AftershipEnvelope> {
    return this.guarded(credentials, async () => {
      const request = buildListRequest(credentials, trackingNumbers)
      const response = await this.call(() =>
        this.http.getRaw<unknown>(request.path, {
          params: request.query,
          headers: request.headers,
          metric: 'aftership-list',
        })
      )
      return validateEnvelope(response.data)
    })
  }

  /** Registers one number; "already exists" (4003) counts as registered. */
  public async createTracking(
    credentials: AftershipCredentials,
    trackingNumber: string,
    slug: string | undefined
  ): Promise<void> {
    await this.guarded(credentials, async () => {
      const request = buildCreateRequest(credentials, trackingNumber, slug)
      try {
        await this.call(() =>
          this.http.postRaw<unknown>(request.path, request.body, {
            headers: request.headers,
            metric: 'aftership-create',
          })
        )
      } catch (error) {
        if (error instanceof AlreadyExists) return
        throw error
      }
    })
  }

  /**
   * Stops AfterShip following numbers whose shipment ended here. Those AfterShip already closed
   * (active false: delivered, expired) are left alone; still-active ones are deleted, as marking
   * them completed would add a checkpoint ("Delivered", "Lost") that the app cannot vouch for.
   */
  public async stopTrackings(credentials: AftershipCredentials, trackingNumbers: string[]): Promise<void> {
    const listed = trackingsOf(await this.listTrackings(credentials, trackingNumbers))
    const active = listed.filter(
      (t): t is AftershipTracking & { id: string } => t.active !== false && typeof t.id === 'string'
    )
    await this.guarded(credentials, async () => {
      for (const tracking of active) {
        const request = buildDeleteRequest(credentials, tracking.id)
        await this.call(() =>
          this.http.delete<unknown>(request.path, { headers: request.headers, metric: 'aftership-delete' })
        )
      }
    })
  }

  private async guarded<T>(credentials: AftershipCredentials, work: () => Promise<T>): Promise<T> {
    return withoutSecrets(credentialForms([credentials.apiKey]), work)
  }

  private async call<T>(request: () => Promise<IOResponse<T>>): Promise<IOResponse<T>> {
    let response: IOResponse<T>
    try {
      response = await request()
    } catch (error) {
      this.noteQuota(errorHeaders(error))
      throw mapError(error)
    }
    this.noteQuota(response.headers as Record<string, unknown>)
    return response
  }

  private noteQuota(headers: Record<string, unknown> | undefined): void {
    const remaining = Number(headers?.['x-ratelimit-remaining'])
    if (headers?.['x-ratelimit-remaining'] === undefined || !Number.isFinite(remaining)) return
    const limit = Number(headers['x-ratelimit-limit'])
    const reset = Number(headers['x-ratelimit-reset'])
    recordQuota(CARRIER, this.context.account, {
      remaining,
      ...(Number.isFinite(limit) ? { limit } : {}),
      ...(Number.isFinite(reset) && reset > 0 ? { resetsAt: new Date(resetMs(reset)).toISOString() } : {}),
    })
  }
}

class AlreadyExists extends Error {}

const errorHeaders = (error: unknown): Record<string, unknown> | undefined =>
  (error as { response?: { headers?: Record<string, unknown> } } | undefined)?.response?.headers

/** X-RateLimit-Reset is epoch seconds in the recordings; a value already in ms is taken as is. */
const resetMs = (reset: number): number => (reset < 1e12 ? reset * 1000 : reset)

function mapError(error: unknown): Error {
  const body = httpDataOf(error)
  const status = httpStatusOf(error)
  if (aftershipMetaCode(body) === ALREADY_EXISTS) return new AlreadyExists('already tracked')
  const said = aftershipErrorMessage(body)
  const detail = said ? ` (${said})` : ''
  const messages: TransportMessages = {
    rateLimited: `AfterShip rate limit reached${detail}`,
    unavailable: (code) => `AfterShip answered HTTP ${code}${detail}`,
    unreachable: (code) => `AfterShip ${code === 'ECONNABORTED' ? 'timed out' : `network error ${code ?? 'unknown'}`}`,
  }
  const transient = transportError(CARRIER, error, messages)
  if (transient instanceof CarrierRateLimitedError && transient.retryAfterMs === undefined) {
    // AfterShip sends X-RateLimit-Reset rather than Retry-After on some answers.
    const reset = Number(errorHeaders(error)?.['x-ratelimit-reset'])
    if (Number.isFinite(reset) && reset > 0) {
      return new CarrierRateLimitedError(CARRIER, Math.max(1000, resetMs(reset) - Date.now()), messages.rateLimited)
    }
  }
  if (transient) return transient
  if (status === undefined) return new CarrierUnavailableError(CARRIER, messages.unreachable(undefined))
  if (status === 401 || status === 403)
    return new CarrierAuthError(CARRIER, `AfterShip refused the API key (HTTP ${status})${detail}`)
  return new CarrierRequestError(CARRIER, `AfterShip rejected the request (HTTP ${status})${detail}`, status)
}
