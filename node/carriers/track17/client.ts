import type { InstanceOptions, IOContext, IOResponse } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import { CarrierAuthError, CarrierRateLimitedError, CarrierRequestError, CarrierUnavailableError } from '../../errors'
import { credentialForms, httpDataOf, httpStatusOf, transportError, withoutSecrets } from '../shared/http'
import type { TransportMessages } from '../shared/http'
import { recordQuota } from '../shared/quota'
import type { Track17Envelope, Track17Quota } from './contract'
import { track17ErrorMessage, validateEnvelope } from './parse'
import type { Track17Credentials } from './request'
import { buildNumbersRequest, buildQuotaRequest, buildRegisterRequest, TRACK17_HOST } from './request'

const CARRIER = 'track17'
/** Whole-call codes: invalid key / IP not allowed / account disabled / unauthorized; quota or daily cap used up. */
const AUTH_CODES = new Set([-18010001, -18010002, -18010004, -18010005])
const QUOTA_CODES = new Set([-18019907, -18019908])
/** Per-number refusals that mean "already in the state we want". */
const ALREADY_REGISTERED = -18019901
const NOT_TRACKED = -18019906
const NOT_REGISTERED = -18019902

/**
 * 17TRACK v2.4 over HTTP with the `17token` header. HTTP only: parsing is in ./parse. A 200 can
 * still be a whole-call failure (non-zero `code`), which is mapped to the same typed errors as the
 * HTTP statuses; per-number refusals are data.
 */
export class Track17Client extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(`http://${TRACK17_HOST}`, context, {
      ...options,
      memoizable: false,
      headers: { ...(options?.headers ?? {}), 'X-Vtex-Use-Https': 'true' },
    })
  }

  public getTrackInfo(credentials: Track17Credentials, numbers: string[]): Promise<Track17Envelope> {
    return this.guarded(credentials, () =>
      this.post(buildNumbersRequest(credentials, 'gettrackinfo', numbers), 'track17-gettrackinfo')
    )
  }

  /** Registers numbers (40 per call); those already registered count as done. Then notes the quota left. */
  public async register(
    credentials: Track17Credentials,
    items: Array<{ number: string; carrier?: number }>
  ): Promise<void> {
    await this.guarded(credentials, async () => {
      const answer = await this.post(buildRegisterRequest(credentials, items), 'track17-register')
      const refused = (answer.data?.rejected ?? []).filter((r) => r.error?.code !== ALREADY_REGISTERED)
      const quota = refused.find((r) => QUOTA_CODES.has(r.error?.code ?? 0))
      if (quota)
        throw codeError(quota.error?.code ?? -18019908, `${quota.error?.code} ${quota.error?.message ?? ''}`.trim())
      if (refused.length > 0) {
        const first = refused[0].error
        throw new CarrierRequestError(
          CARRIER,
          `register refused ${refused.length} number(s): ${first?.code ?? '?'} ${first?.message ?? ''}`.trim(),
          400
        )
      }
      await this.noteQuota(credentials)
    })
  }

  /** Stops 17TRACK following numbers (it stops by itself 15 days after a final state otherwise). */
  public async stop(credentials: Track17Credentials, numbers: string[]): Promise<void> {
    await this.guarded(credentials, async () => {
      const answer = await this.post(buildNumbersRequest(credentials, 'stoptrack', numbers), 'track17-stoptrack')
      const refused = (answer.data?.rejected ?? []).filter(
        (r) => r.error?.code !== NOT_TRACKED && r.error?.code !== NOT_REGISTERED
      )
      if (refused.length > 0)
        throw new CarrierRequestError(CARRIER, `stoptrack refused ${refused.length} number(s)`, 400)
    })
  }

  private async noteQuota(credentials: Track17Credentials): Promise<void> {
    const request = buildQuotaRequest(credentials)
    const response = await this.call(() =>
      this.http.postRaw<unknown>(request.path, request.body, { headers: request.headers, metric: 'track17-getquota' })
    )
    const quota = (response.data as { code?: number; data?: Track17Quota } | undefined)?.data
    if (typeof quota?.quota_remain === 'number') {
      recordQuota(CARRIER, this.context.account, {
        remaining: quota.quota_remain,
        ...(typeof quota.quota_total === 'number' ? { limit: quota.quota_total } : {}),
      })
    }
  }

  private async post(
    request: { path: string; body: unknown; headers: Record<string, string> },
    metric: string
  ): Promise<Track17Envelope> {
    const response = await this.call(() =>
      this.http.postRaw<unknown>(request.path, request.body, { headers: request.headers, metric })
    )
    const body = response.data as { code?: unknown } | undefined
    if (typeof body?.code === 'number' && body.code !== 0) throw codeError(body.code, track17ErrorMessage(body))
    return validateEnvelope(response.data)
  }

  private async guarded<T>(credentials: Track17Credentials, work: () => Promise<T>): Promise<T> {
    return withoutSecrets(credentialForms([credentials.apiKey]), work)
  }

  private async call<T>(request: () => Promise<IOResponse<T>>): Promise<IOResponse<T>> {
    try {
      return await request()
    } catch (error) {
      throw mapError(error)
    }
  }
}

function codeError(code: number, said: string | undefined): Error {
  const detail = said ? ` (${said})` : ` (${code})`
  if (AUTH_CODES.has(code)) return new CarrierAuthError(CARRIER, `17TRACK refused the API key${detail}`)
  if (QUOTA_CODES.has(code)) return new CarrierRateLimitedError(CARRIER, undefined, `17TRACK quota used up${detail}`)
  if (code === -18010003) return new CarrierUnavailableError(CARRIER, `17TRACK internal error${detail}`)
  return new CarrierRequestError(CARRIER, `17TRACK rejected the call${detail}`, 400)
}

function mapError(error: unknown): Error {
  const said = track17ErrorMessage(httpDataOf(error))
  const detail = said ? ` (${said})` : ''
  const messages: TransportMessages = {
    rateLimited: `17TRACK rate limit reached${detail}`,
    unavailable: (status) => `17TRACK answered HTTP ${status}${detail}`,
    unreachable: (code) => `17TRACK ${code === 'ECONNABORTED' ? 'timed out' : `network error ${code ?? 'unknown'}`}`,
  }
  const transient = transportError(CARRIER, error, messages)
  if (transient) return transient
  const status = httpStatusOf(error)
  if (status === undefined) return new CarrierUnavailableError(CARRIER, messages.unreachable(undefined))
  if (status === 401 || status === 403)
    return new CarrierAuthError(CARRIER, `17TRACK refused the API key (HTTP ${status})${detail}`)
  return new CarrierRequestError(CARRIER, `17TRACK rejected the request (HTTP ${status})${detail}`, status)
}
