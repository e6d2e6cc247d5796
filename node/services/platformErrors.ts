import { AppError, PlatformUnavailableError } from '../errors'

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
    const retryAfter = Number(http?.response?.headers?.['retry-after'])
    return new PlatformUnavailableError(
      upstream,
      status === undefined ? `unreachable (${http?.code ?? http?.message ?? 'network error'})` : `answered ${status}`,
      status,
      Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined
    )
  }
  return error
}
