import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import {
  credentialForms,
  credentialsKey,
  httpDataOf,
  httpStatusOf,
  transportError,
  withoutSecrets,
} from '../shared/http'
import type { TransportMessages } from '../shared/http'
import { CarrierAuthError, CarrierRequestError, CarrierResponseError, CarrierUnavailableError } from '../../errors'
import type { MelhorEnvioAnswer, MelhorEnvioOrderSummary, MelhorEnvioTrackingResponse } from './contract'
import { melhorEnvioErrorMessage } from './parse'
import type { MelhorEnvioCredentials } from './request'
import { buildSearchRequest, buildTrackingRequest, isMelhorEnvioOrderId, MELHOR_ENVIO_HOSTS } from './request'

const CARRIER = 'melhorenvio'
/** Melhor Envio allows 250 requests a minute per user (FAQ): one every 250 ms stays under it. */
const MIN_SPACING_MS = 250
const MAX_CACHED_IDS = 5000

/** Per worker: when the next request may start, and code -> order id already resolved. */
let nextSlot = 0
const orderIds = new Map<string, string>()

/** Forgets resolved order ids and the request pacing (tests, credential rotation). */
export function clearMelhorEnvioCache(): void {
  orderIds.clear()
  nextSlot = 0
}

async function paced(): Promise<void> {
  const now = Date.now()
  const start = Math.max(now, nextSlot)
  nextSlot = start + MIN_SPACING_MS
  if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now))
}

/**
 * Melhor Envio API v2 with a Bearer token and the User-Agent it requires. HTTP only: parsing is in
 * ./parse. Every request of the worker is spaced to stay under 250 a minute; a 429 still becomes
 * CarrierRateLimitedError with its Retry-After. Numbers that are not order ids are resolved once
 * (`orders/search`) and remembered per worker.
 */
export class MelhorEnvioClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(`http://${MELHOR_ENVIO_HOSTS.production}`, context, {
      ...options,
      memoizable: false,
      headers: { ...(options?.headers ?? {}), 'X-Vtex-Use-Https': 'true' },
    })
  }

  public async fetchTracking(
    credentials: MelhorEnvioCredentials,
    trackingNumbers: string[]
  ): Promise<MelhorEnvioAnswer> {
    return withoutSecrets(credentialForms([credentials.token]), () =>
      this.fetchUnredacted(credentials, trackingNumbers)
    )
  }

  private async fetchUnredacted(
    credentials: MelhorEnvioCredentials,
    trackingNumbers: string[]
  ): Promise<MelhorEnvioAnswer> {
    const account = credentialsKey([credentials.environment ?? 'production', credentials.token])
    const orders: Record<string, string | null> = {}
    for (const number of trackingNumbers) {
      const code = number.trim()
      if (isMelhorEnvioOrderId(code)) orders[number] = code.toLowerCase()
      else
        orders[number] =
          orderIds.get(`${account}:${code.toUpperCase()}`) ?? (await this.resolve(credentials, account, code))
    }
    const ids = [...new Set(Object.values(orders).filter((id): id is string => id !== null))]
    if (ids.length === 0) return { orders, tracking: {} }
    return { orders, tracking: await this.track(credentials, ids) }
  }

  private async resolve(credentials: MelhorEnvioCredentials, account: string, code: string): Promise<string | null> {
    const request = buildSearchRequest(credentials, code)
    await paced()
    let data: unknown
    try {
      data = (
        await this.http.getRaw<unknown>(request.path, {
          baseURL: baseUrlOf(credentials),
          params: request.query,
          headers: { ...request.headers },
          metric: 'melhorenvio-search',
        })
      ).data
    } catch (error) {
      if (httpStatusOf(error) === 404) return null
      throw mapError(error, 'Order search')
    }
    const list = Array.isArray(data) ? data : (data as { data?: unknown } | null)?.data
    if (!Array.isArray(list)) throw new CarrierResponseError(CARRIER, 'the order search answer is not a list')
    const wanted = code.toUpperCase()
    const match = (list as MelhorEnvioOrderSummary[]).find((o) =>
      [o?.tracking, o?.self_tracking, o?.protocol, o?.id].some(
        (v) => typeof v === 'string' && v.toUpperCase() === wanted
      )
    )
    const id = typeof match?.id === 'string' ? match.id : null
    if (id !== null) {
      if (orderIds.size >= MAX_CACHED_IDS) orderIds.delete(orderIds.keys().next().value as string)
      orderIds.set(`${account}:${wanted}`, id)
    }
    return id
  }

  private async track(credentials: MelhorEnvioCredentials, ids: string[]): Promise<MelhorEnvioTrackingResponse> {
    const request = buildTrackingRequest(credentials, ids)
    await paced()
    try {
      const response = await this.http.postRaw<unknown>(request.path, request.body, {
        baseURL: baseUrlOf(credentials),
        headers: { ...request.headers },
        metric: 'melhorenvio-tracking',
      })
      const data = response.data
      // An answer with none of the orders may come as an empty list instead of an object.
      if (Array.isArray(data) && data.length === 0) return {}
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new CarrierResponseError(CARRIER, 'the tracking answer is not an object keyed by order id')
      }
      return data as MelhorEnvioTrackingResponse
    } catch (error) {
      if (error instanceof CarrierResponseError) throw error
      throw mapError(error, 'Tracking')
    }
  }
}

const baseUrlOf = (c: MelhorEnvioCredentials): string => `http://${MELHOR_ENVIO_HOSTS[c.environment ?? 'production']}`

function mapError(error: unknown, call: string): Error {
  const said = melhorEnvioErrorMessage(httpDataOf(error))
  const detail = said ? ` (${said})` : ''
  const messages: TransportMessages = {
    rateLimited: `${call} rate limited by Melhor Envio${detail}`,
    unavailable: (status) => `${call}: Melhor Envio answered HTTP ${status}${detail}`,
    unreachable: (code) =>
      `${call}: Melhor Envio ${code === 'ECONNABORTED' ? 'timed out' : `network error ${code ?? 'unknown'}`}`,
  }
  const transient = transportError(CARRIER, error, messages)
  if (transient) return transient
  const status = httpStatusOf(error)
  if (status === undefined) return new CarrierUnavailableError(CARRIER, messages.unreachable(undefined))
  if (status === 401 || status === 403) {
    return new CarrierAuthError(CARRIER, `Melhor Envio refused the token (HTTP ${status})${detail}`)
  }
  return new CarrierRequestError(CARRIER, `${call} rejected by Melhor Envio (HTTP ${status})${detail}`, status)
}
