import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import { credentialForms, httpDataOf, httpStatusOf, transportError, withoutSecrets } from '../shared/http'
import type { TransportMessages } from '../shared/http'
import { CarrierAuthError, CarrierRequestError, CarrierUnavailableError } from '../../errors'
import type { DhlProblem, DhlTrackResponse } from './contract'
import { dhlProblemMessage } from './parse'
import type { DhlCredentials } from './request'
import { buildTrackRequest, DHL_HOST } from './request'

const CARRIER = 'dhl'

/**
 * DHL Shipment Tracking - Unified over HTTP, authenticated by the DHL-API-Key header. HTTP only:
 * parsing is in ./parse. A 404 problem (no shipment) is handed to the parser as data; 401/403 mean
 * the key is wrong or not subscribed to the API; 429 is DHL's per-app quota.
 */
export class DhlClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(`http://${DHL_HOST}`, context, {
      ...options,
      memoizable: false,
      headers: { ...(options?.headers ?? {}), 'X-Vtex-Use-Https': 'true' },
    })
  }

  public async fetchTracking(credentials: DhlCredentials, trackingNumbers: string[]): Promise<DhlTrackResponse> {
    return withoutSecrets(credentialForms([credentials.apiKey]), () =>
      this.fetchUnredacted(credentials, trackingNumbers)
    )
  }

  private async fetchUnredacted(credentials: DhlCredentials, trackingNumbers: string[]): Promise<DhlTrackResponse> {
    if (trackingNumbers.length !== 1) {
      throw new RangeError(`DHL tracks exactly one number per call, got ${trackingNumbers.length}`)
    }
    const request = buildTrackRequest(credentials, trackingNumbers[0])
    try {
      const response = await this.http.getRaw<DhlTrackResponse>(request.path, {
        params: request.query,
        headers: request.headers,
        metric: 'dhl-track',
      })
      return response.data
    } catch (error) {
      if (httpStatusOf(error) === 404) return notFoundBody(httpDataOf(error))
      throw mapError(error)
    }
  }
}

function notFoundBody(data: unknown): DhlProblem {
  if (dhlProblemMessage(data) !== undefined) return { ...(data as DhlProblem), status: 404 }
  return { title: 'No result found', status: 404 }
}

function mapError(error: unknown): Error {
  const dhl = dhlProblemMessage(httpDataOf(error))
  const detail = dhl ? ` (${dhl})` : ''
  const messages: TransportMessages = {
    rateLimited: `DHL quota reached${detail}`,
    unavailable: (status) => `DHL answered HTTP ${status}${detail}`,
    unreachable: (code) => `DHL ${code === 'ECONNABORTED' ? 'timed out' : `network error ${code ?? 'unknown'}`}`,
  }
  const transient = transportError(CARRIER, error, messages)
  if (transient) return transient
  const status = httpStatusOf(error)
  if (status === undefined) return new CarrierUnavailableError(CARRIER, messages.unreachable(undefined))
  if (status === 401 || status === 403)
    return new CarrierAuthError(CARRIER, `DHL refused the API key (HTTP ${status})${detail}`)
  return new CarrierRequestError(CARRIER, `DHL rejected the request (HTTP ${status})${detail}`, status)
}
