import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import { credentialForms, httpDataOf, httpStatusOf, transportError, withoutSecrets } from '../shared/http'
import type { TransportMessages } from '../shared/http'
import { CarrierAuthError, CarrierRequestError, CarrierUnavailableError } from '../../errors'
import type { IntelipostAnswer } from './contract'
import { intelipostErrorMessage } from './parse'
import type { IntelipostCredentials } from './request'
import { buildTrackRequest, INTELIPOST_HOST } from './request'

const CARRIER = 'intelipost'

/**
 * Intelipost API v1 over HTTP, authenticated by the `api-key` header. HTTP only: parsing is in
 * ./parse. Intelipost keeps its `{status, messages, content}` envelope on errors too, so an ERROR
 * envelope about the order (not found) is handed to the parser as data, whatever the HTTP status;
 * 401/403 mean the key is wrong; 429 (with Retry-After when sent) and 5xx are transient.
 */
export class IntelipostClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(`http://${INTELIPOST_HOST}`, context, {
      ...options,
      memoizable: false,
      headers: { ...(options?.headers ?? {}), 'X-Vtex-Use-Https': 'true' },
    })
  }

  /** One GET per number (Intelipost has no batch read); the caller sends one number per call. */
  public async fetchTracking(
    credentials: IntelipostCredentials,
    trackingNumbers: string[]
  ): Promise<IntelipostAnswer[]> {
    return withoutSecrets(credentialForms([credentials.apiKey]), async () => {
      const answers: IntelipostAnswer[] = []
      for (const trackingNumber of trackingNumbers) {
        answers.push({ trackingNumber, envelope: await this.fetchOne(credentials, trackingNumber) })
      }
      return answers
    })
  }

  private async fetchOne(credentials: IntelipostCredentials, trackingNumber: string): Promise<unknown> {
    const request = buildTrackRequest(credentials, trackingNumber)
    try {
      const response = await this.http.getRaw<unknown>(request.path, {
        headers: request.headers,
        metric: 'intelipost-tracking',
      })
      return response.data
    } catch (error) {
      const status = httpStatusOf(error)
      const body = httpDataOf(error)
      if ((status === 400 || status === 404) && isErrorEnvelope(body)) return body
      throw mapError(error)
    }
  }
}

const isErrorEnvelope = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'ERROR'

function mapError(error: unknown): Error {
  const said = intelipostErrorMessage(httpDataOf(error))
  const detail = said ? ` (${said})` : ''
  const messages: TransportMessages = {
    rateLimited: `Intelipost rate limited the account${detail}`,
    unavailable: (status) => `Intelipost answered HTTP ${status}${detail}`,
    unreachable: (code) => `Intelipost ${code === 'ECONNABORTED' ? 'timed out' : `network error ${code ?? 'unknown'}`}`,
  }
  const transient = transportError(CARRIER, error, messages)
  if (transient) return transient
  const status = httpStatusOf(error)
  if (status === undefined) return new CarrierUnavailableError(CARRIER, messages.unreachable(undefined))
  if (status === 401 || status === 403) {
    return new CarrierAuthError(CARRIER, `Intelipost refused the API key (HTTP ${status})${detail}`)
  }
  return new CarrierRequestError(CARRIER, `Intelipost rejected the request (HTTP ${status})${detail}`, status)
}
