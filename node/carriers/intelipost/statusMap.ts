import type { Substatus, TrackingStatus } from '../../tracking/status'
import { invertCodeTable } from '../../tracking/status'

/**
 * Intelipost macro states (`shipment_order_volume_state`) -> canonical status. Intelipost already
 * normalises its 1,000+ carriers' events into these, so the table is keyed by them, not by each
 * carrier's code (which is kept raw in the event as `provider_state`).
 *
 * Sources (shared/contracts/carriers/intelipost/CONTRACT.md): the eight states Intelipost's own
 * Magento modules handle [official-code]; the rest appear only in third-party integration code
 * read against the live API [code], and are mapped conservatively (never to DELIVERED).
 * Any other state is UNKNOWN and reported: never DELIVERED.
 */
const STATUS_STATES: Partial<Record<TrackingStatus, readonly string[]>> = {
  INFO_RECEIVED: ['NEW', 'READY_FOR_SHIPPING', 'PRE_SHIPMENT_LIST_SUCCEEDED'],
  IN_TRANSIT: ['SHIPPED', 'IN_TRANSIT'],
  OUT_FOR_DELIVERY: ['TO_BE_DELIVERED', 'OUT_FOR_DELIVERY'],
  AVAILABLE_FOR_PICKUP: ['WAITING_WITHDRAWAL'],
  DELIVERED: ['DELIVERED'],
  ATTEMPT_FAIL: ['DELIVERY_FAILED'],
  EXCEPTION: ['CLARIFY_DELIVERY_FAIL', 'TO_BE_RECOVERED', 'LOST', 'STOLEN', 'DAMAGED'],
  RETURN_TO_SENDER: ['RETURNING'],
  RETURNED: ['RETURNED'],
  FAILURE: ['CANCELLED', 'CANCELED'],
}

const SUBSTATUS_STATES: Partial<Record<Substatus, readonly string[]>> = {
  label_created: ['NEW'],
  picked_up: ['SHIPPED'],
  delivered_to_pickup_point: ['WAITING_WITHDRAWAL'],
  lost: ['LOST'],
  stolen: ['STOLEN'],
  damaged: ['DAMAGED'],
  cancelled: ['CANCELLED', 'CANCELED'],
}

const statusByState = invertCodeTable(STATUS_STATES)
const substatusByState = invertCodeTable(SUBSTATUS_STATES)

export type IntelipostStatusMapping =
  | { kind: 'status'; status: TrackingStatus; substatus?: Substatus }
  | { kind: 'unmapped' }

export function mapIntelipostState(state: string | null | undefined): IntelipostStatusMapping {
  const code = state?.trim().toUpperCase()
  const status = code ? statusByState.get(code) : undefined
  if (code === undefined || status === undefined) return { kind: 'unmapped' }
  const substatus = substatusByState.get(code)
  return substatus === undefined ? { kind: 'status', status } : { kind: 'status', status, substatus }
}

/** Every state the table knows (tests, simulator). */
export const INTELIPOST_KNOWN_STATES: readonly string[] = [...statusByState.keys()]
