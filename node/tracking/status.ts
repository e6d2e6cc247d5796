/**
 * The canonical tracking status model (DESIGN.md section 4). Every carrier adapter maps its own
 * codes into this closed union; nothing outside the adapters ever sees a carrier code as a status.
 */
export const TRACKING_STATUSES = [
  'PENDING',
  'INFO_RECEIVED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'AVAILABLE_FOR_PICKUP',
  'ATTEMPT_FAIL',
  'DELIVERED',
  'EXCEPTION',
  'RETURN_TO_SENDER',
  'RETURNED',
  'FAILURE',
  'EXPIRED',
  'UNKNOWN',
] as const

export type TrackingStatus = (typeof TRACKING_STATUSES)[number]

/** Statuses after which the carrier will not report anything new: polling stops. */
export const TERMINAL_STATUSES: ReadonlySet<TrackingStatus> = new Set<TrackingStatus>([
  'DELIVERED',
  'RETURNED',
  'FAILURE',
])

export const isTerminal = (status: TrackingStatus): boolean => TERMINAL_STATUSES.has(status)

export const SUBSTATUSES = [
  'label_created',
  'accepted',
  'picked_up',
  'arrived_at_facility',
  'departed_facility',
  'customs_processing',
  'customs_released',
  'customs_hold',
  'payment_required',
  'delayed',
  'weather_delay',
  'rescheduled',
  'held_by_carrier',
  'held_by_sender_request',
  'recipient_unavailable',
  'business_closed',
  'address_issue',
  'refused',
  'recipient_moved',
  'damaged',
  'lost',
  'stolen',
  'seized',
  'disposed',
  'unclaimed',
  'cancelled',
  'delivered_to_agent',
  'delivered_to_pickup_point',
  'correction',
  'other',
] as const

export type Substatus = (typeof SUBSTATUSES)[number]

/**
 * Inverts a "status -> carrier codes" table into a lookup "carrier code -> status".
 * Tables are written status-first because that is how reviewers check them against the
 * carrier's documentation; lookups need the other direction. Throws on a code listed twice,
 * so an ambiguous table cannot ship.
 */
export function invertCodeTable<S extends string>(
  table: Partial<Record<S, readonly string[]>>
): ReadonlyMap<string, S> {
  const lookup = new Map<string, S>()
  for (const [status, codes] of Object.entries(table) as Array<[S, readonly string[]]>) {
    for (const code of codes) {
      const previous = lookup.get(code)
      if (previous !== undefined) {
        throw new Error(`carrier code ${code} is mapped to both ${previous} and ${status}`)
      }
      lookup.set(code, status)
    }
  }
  return lookup
}
