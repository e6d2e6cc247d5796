import type { VBase } from '@vtex/api'

import type { CheckSummary } from './checkShipments'

const BUCKET = 'sweep'
const FILE = 'status.json'

/** What the admin page shows about the latest sweep: progress while running, then the result. */
export interface SweepStatus extends CheckSummary {
  running: boolean
  startedAt: string
  finishedAt: string | null
  durationMs: number | null
  /** Shipments whose order was re-read because they lacked a tracking number or carrier. */
  rechecked: number
  /** Invoiced orders found by the hourly reconciliation whose event never arrived. */
  reconciled: number
  /** Due shipments fired as batch events for the replicas to check (the checks follow in events). */
  dispatched: number
  batches: number
  /** False when the time budget ran out first; the rest is picked up by the next run. */
  complete: boolean
  stoppedBecause: 'nothing_due' | 'time_budget' | null
}

export const readSweepStatus = (vbase: VBase): Promise<SweepStatus | null> =>
  vbase.getJSON<SweepStatus | null>(BUCKET, FILE, true)

export async function saveSweepStatus(vbase: VBase, status: SweepStatus): Promise<void> {
  await vbase.saveJSON<SweepStatus>(BUCKET, FILE, status)
}
