import { parseRetryAfter } from '../carriers/shared/http'
import { AppError, CarrierRateLimitedError, PlatformUnavailableError } from '../errors'

interface HttpLikeError {
  response?: { status?: number; headers?: Record<string, string | undefined>; data?: unknown }
  code?: string
  message?: string
}

export const httpStatusOf = (error: unknown): number | undefined => (error as HttpLikeError | null)?.response?.status

/**
 * Turns a failed VTEX platform call into a typed error. 5xx, 429 and network failures are
 * transient; anything already typed passes through; the rest is returned as is for the caller.
 */
export function asPlatformError(upstream: string, error: unknown): unknown {
  if (error instanceof AppError) return error
  const http = error as HttpLikeError | null
  const status = http?.response?.status
  if (status === undefined || status >= 500 || status === 429 || status === 408) {
    return new PlatformUnavailableError(
      upstream,
      status === undefined ? `unreachable (${http?.code ?? http?.message ?? 'network error'})` : `answered ${status}`,
      status,
      retryAfterMsOf(error)
    )
  }
  return error
}

/**
 * How long the upstream asked us to wait (Retry-After, in seconds or as an HTTP date), from a raw
 * HTTP error or from a typed error that kept it; undefined when it said nothing.
 */
export function retryAfterMsOf(error: unknown, now = Date.now()): number | undefined {
  if (error instanceof PlatformUnavailableError || error instanceof CarrierRateLimitedError) return error.retryAfterMs
  const value = (error as HttpLikeError | null)?.response?.headers?.['retry-after']
  return parseRetryAfter(typeof value === 'string' ? value : undefined, now)
}
