/**
 * Is a carrier integration silent? A carrier with shipments to follow must have a successful
 * check at least once per polling interval: past one interval without one it is a warning, past
 * two an error, whatever the error rate of the checks that did run says ("Healthy" next to "last
 * successful check 6 days ago" is the silent failure VTEX's own tracking had).
 */
export type Staleness = 'ok' | 'warning' | 'error'

export function carrierStaleness(input: {
  now: number
  /** Credentials configured. */
  active: boolean
  /** Shipments of this carrier still being followed. */
  tracked: number
  lastSuccessAt: string | null
  pollingIntervalHours: number
}): Staleness {
  if (!input.active || input.tracked === 0) return 'ok'
  const interval = input.pollingIntervalHours * 3600_000
  const last = input.lastSuccessAt === null ? NaN : Date.parse(input.lastSuccessAt)
  const silentFor = Number.isNaN(last) ? Infinity : input.now - last
  if (silentFor > 2 * interval) return 'error'
  if (silentFor > interval) return 'warning'
  return 'ok'
}
