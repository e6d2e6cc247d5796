import { carrierModule } from '../../carriers'
import type { CarrierCode } from '../../tracking/carrierResult'

/** The IO event key the sweep fires to the app itself, one event per batch of due shipments. */
export const CHECK_BATCH_EVENT = 'check-batch'

/** UPS answers one number per call: an event still carries this many, checked in parallel. */
const MIN_EVENT_BATCH = 50

/** Shipments of one carrier per batch event: a full carrier request, and never fewer than 50. */
export const eventBatchSize = (carrier: string): number =>
  Math.max(carrierModule(carrier).limits.batchSize, MIN_EVENT_BATCH)

/**
 * One unit of work fanned out by the sweep: due shipments of one carrier (a full carrier batch),
 * or shipments waiting for a number or a carrier (`carrier: null`: their orders are re-read).
 * Only ids travel: the handler reads the records fresh, so a redelivered or late event never
 * works from a stale copy. Idempotent: claims and release stamps make a second delivery a no-op.
 */
export interface CheckBatch {
  carrier: CarrierCode | null
  /** Registry ids with the order each belongs to (one registry search finds them all). */
  shipments: Array<{ id: string; orderId: string }>
  /** The sweep's "now": shipments rescheduled after it by someone else are skipped. */
  dueBefore: string
  /** How many times a batch handler handed these on unchecked (its time budget ran out). */
  requeues?: number
}

/** A batch is handed on this many times at most; after that the sweep's redispatch takes it. */
export const MAX_REQUEUES = 3

export function parseCheckBatch(body: unknown): CheckBatch {
  const candidate = body as Partial<CheckBatch> | null
  const shipments = candidate?.shipments
  if (
    !candidate ||
    !Array.isArray(shipments) ||
    shipments.length === 0 ||
    !shipments.every((s) => typeof s?.id === 'string' && typeof s?.orderId === 'string') ||
    typeof candidate.dueBefore !== 'string' ||
    Number.isNaN(Date.parse(candidate.dueBefore)) ||
    (candidate.carrier !== null && typeof candidate.carrier !== 'string') ||
    (candidate.requeues !== undefined && !Number.isInteger(candidate.requeues))
  ) {
    throw new TypeError(`malformed check batch: ${JSON.stringify(body)?.slice(0, 200)}`)
  }
  return {
    carrier: candidate.carrier ?? null,
    shipments,
    dueBefore: candidate.dueBefore,
    requeues: candidate.requeues ?? 0,
  }
}
