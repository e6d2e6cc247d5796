import type { Substatus, TrackingStatus } from '../../tracking/status'
import { invertCodeTable } from '../../tracking/status'

/**
 * Melhor Envio order `status` -> canonical status. Values from Melhor Envio's official WooCommerce
 * plugin translation table (pending, released, generated, paid, posted, delivered, undelivered,
 * canceled) plus `expired` (the tracking payload's `expired_at`). `paused` and `suspended` appear
 * only in third-party code and are left out on purpose: they surface as UNKNOWN. Melhor Envio
 * reports the label's life, not carrier scans: `posted` is the hand-over to the carrier.
 */
const STATUS_VALUES: Partial<Record<TrackingStatus, readonly string[]>> = {
  INFO_RECEIVED: ['pending', 'released', 'paid', 'generated'],
  IN_TRANSIT: ['posted'],
  DELIVERED: ['delivered'],
  EXCEPTION: ['undelivered'],
  FAILURE: ['canceled', 'cancelled', 'expired'],
}

const SUBSTATUS_VALUES: Partial<Record<Substatus, readonly string[]>> = {
  label_created: ['generated'],
  accepted: ['posted'],
  cancelled: ['canceled', 'cancelled'],
  other: ['expired'],
}

const statusByValue = invertCodeTable(STATUS_VALUES)
const substatusByValue = invertCodeTable(SUBSTATUS_VALUES)

export type MelhorEnvioStatusMapping =
  | { kind: 'status'; status: TrackingStatus; substatus?: Substatus }
  | { kind: 'unmapped' }

export function mapMelhorEnvioStatus(value: string | null | undefined): MelhorEnvioStatusMapping {
  const code = value?.trim().toLowerCase()
  const status = code ? statusByValue.get(code) : undefined
  if (code === undefined || status === undefined) return { kind: 'unmapped' }
  const substatus = substatusByValue.get(code)
  return substatus === undefined ? { kind: 'status', status } : { kind: 'status', status, substatus }
}

/**
 * The timestamps of a tracking entry, in the order of a label's life, with the status each one
 * stands for (its own status value, so the same table decides).
 */
export const TIMESTAMP_FIELDS = [
  ['created_at', 'pending'],
  ['paid_at', 'paid'],
  ['generated_at', 'generated'],
  ['posted_at', 'posted'],
  ['delivered_at', 'delivered'],
  ['canceled_at', 'canceled'],
  ['expired_at', 'expired'],
] as const
