import type { CarrierCode } from '../../tracking/carrierResult'

export interface CarrierStats {
  checked: number
  errors: number
  lastError?: string
  lastSuccessAt?: string
  /** Set when the carrier was left alone for the rest of a run (rate limit, repeated outage). */
  skippedBecause?: string
}

export interface CheckSummary {
  checked: number
  changed: number
  delivered: number
  orderWrites: number
  errors: number
  errorsByReason: Record<string, number>
  carriers: Partial<Record<CarrierCode, CarrierStats>>
  /** Shipments another worker was checking at that moment (claimed): left to it. */
  busy: number
  /** Shipments not started because the time budget ran out: still due, for the next run. */
  deferred: number
}

export const emptySummary = (): CheckSummary => ({
  checked: 0,
  changed: 0,
  delivered: 0,
  orderWrites: 0,
  errors: 0,
  errorsByReason: {},
  carriers: {},
  busy: 0,
  deferred: 0,
})

export function countError(summary: CheckSummary, reason: string): void {
  summary.errors += 1
  summary.errorsByReason[reason] = (summary.errorsByReason[reason] ?? 0) + 1
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
