/**
 * Typed errors. Every entry point has one error boundary that decides, from the class, whether a
 * failure is transient (retry later, keep the work) or permanent (acknowledge, record it).
 */
export abstract class AppError extends Error {
  /** Stable machine-readable reason, stored on the shipment and shown on the admin page. */
  public abstract readonly reason: string
  /** Transient errors are retried with back-off; permanent ones are recorded and acknowledged. */
  public abstract readonly transient: boolean

  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

/** The carrier could not be reached or answered 5xx / timed out. */
export class CarrierUnavailableError extends AppError {
  public readonly reason = 'carrier_unavailable'
  public readonly transient = true
  constructor(
    public readonly carrier: string,
    message: string,
    public readonly status?: number
  ) {
    super(`${carrier}: ${message}`)
  }
}

/** The carrier answered 429. `retryAfterMs` comes from its Retry-After header when present. */
export class CarrierRateLimitedError extends AppError {
  public readonly reason = 'carrier_rate_limited'
  public readonly transient = true
  constructor(
    public readonly carrier: string,
    public readonly retryAfterMs: number | undefined,
    message = 'rate limited'
  ) {
    super(`${carrier}: ${message}`)
  }
}

/** Credentials missing, rejected, or a token that could not be refreshed. Needs the merchant. */
export class CarrierAuthError extends AppError {
  public readonly reason = 'carrier_auth_failed'
  public readonly transient = true
  constructor(
    public readonly carrier: string,
    message: string
  ) {
    super(`${carrier}: ${message}`)
  }
}

/** The carrier answered 2xx with a body that is not its documented shape. */
export class CarrierResponseError extends AppError {
  public readonly reason = 'carrier_malformed_response'
  public readonly transient = true
  constructor(
    public readonly carrier: string,
    message: string
  ) {
    super(`${carrier}: ${message}`)
  }
}

/** The carrier rejected the request itself (4xx other than auth/rate limit/not found). */
export class CarrierRequestError extends AppError {
  public readonly reason = 'carrier_rejected_request'
  public readonly transient = true
  constructor(
    public readonly carrier: string,
    message: string,
    public readonly status: number
  ) {
    super(`${carrier}: ${message}`)
  }
}

/** Input that can never succeed, however often it is retried (malformed event, unknown order). */
export class InvalidInputError extends AppError {
  public readonly reason = 'invalid_input'
  public readonly transient = false
}

/** A VTEX platform call failed in a way worth retrying (5xx, 429, timeout). */
export class PlatformUnavailableError extends AppError {
  public readonly reason = 'platform_unavailable'
  public readonly transient = true
  constructor(
    public readonly upstream: string,
    message: string,
    public readonly status?: number,
    public readonly retryAfterMs?: number
  ) {
    super(`${upstream}: ${message}`)
  }
}

/** Settings that cannot work (missing credentials, invalid mapping). */
export class SettingsError extends AppError {
  public readonly reason = 'invalid_settings'
  public readonly transient = false
}

/** The caller is not allowed (bad scheduler secret, no admin token, not an admin). */
export class ForbiddenError extends AppError {
  public readonly reason = 'forbidden'
  public readonly transient = false
  constructor(
    message: string,
    public readonly status: 401 | 403 = 403
  ) {
    super(message)
  }
}

/** A request refused before any work for how it was made (cross-site, wrong media type): 403 or 415. */
export class RequestRefusedError extends AppError {
  public readonly transient = false
  constructor(
    public readonly reason: string,
    message: string,
    public readonly status: 403 | 415
  ) {
    super(message)
  }
}
