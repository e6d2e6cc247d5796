/**
 * Spaces the starts of a carrier's requests so a run never exceeds the module's
 * `limits.requestsPerSecond`, however many run concurrently (`limits.concurrency`).
 */
export class RequestPacer {
  private nextStart = 0
  private readonly spacingMs: number

  constructor(
    requestsPerSecond: number,
    private readonly now: () => number = Date.now
  ) {
    this.spacingMs = 1000 / requestsPerSecond
  }

  /** Resolves when the next request may start (at once when the last one started long enough ago). */
  async turn(): Promise<void> {
    const now = this.now()
    const start = Math.max(now, this.nextStart)
    this.nextStart = start + this.spacingMs
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now))
  }
}
