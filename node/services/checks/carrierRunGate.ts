import { CarrierRateLimitedError, CarrierUnavailableError } from '../../errors'

/** Outages in a row after which a carrier is left alone for the rest of the run. */
export const OUTAGES_BEFORE_SKIP = 2

/**
 * What one run has learnt about one carrier: once it says "slow down" (429, Retry-After) or fails
 * to answer twice in a row (timeout, 5xx), nobody in this run calls it again. The shipments it
 * would have checked are recorded as failed with a back-off, never dropped.
 */
export class CarrierRunGate {
  private stopError: CarrierRateLimitedError | CarrierUnavailableError | undefined
  private outagesInARow = 0

  /** The error to record instead of calling, or undefined while the carrier may be called. */
  get closedBy(): CarrierRateLimitedError | CarrierUnavailableError | undefined {
    return this.stopError
  }

  succeeded(): void {
    this.outagesInARow = 0
  }

  failed(error: unknown): void {
    if (error instanceof CarrierRateLimitedError) this.stopError = error
    else if (error instanceof CarrierUnavailableError) {
      this.outagesInARow += 1
      if (this.outagesInARow >= OUTAGES_BEFORE_SKIP) this.stopError = error
    }
  }
}
