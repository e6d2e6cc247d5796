/**
 * What an aggregator's API last said about the quota left (AfterShip X-RateLimit-* headers,
 * 17TRACK's quota answer), per carrier and account, in this worker's memory: the admin's carrier
 * health shows it as "as of" the last call this replica made. Nothing secret is kept.
 */
export interface QuotaReading {
  remaining: number
  limit?: number
  /** When the window resets, ISO; absent when the API does not say. */
  resetsAt?: string
  /** When this reading was taken, ISO. */
  at: string
}

const readings = new Map<string, QuotaReading>()

export function recordQuota(carrier: string, account: string, reading: Omit<QuotaReading, 'at'>): void {
  if (!Number.isFinite(reading.remaining)) return
  readings.set(`${account}:${carrier}`, { ...reading, at: new Date().toISOString() })
}

export const quotaOf = (carrier: string, account: string): QuotaReading | undefined =>
  readings.get(`${account}:${carrier}`)

/** Tests. */
export const clearQuotaReadings = (): void => readings.clear()
