import type { Substatus, TrackingStatus } from '../../tracking/status'
import { invertCodeTable } from '../../tracking/status'

/**
 * USPS eventCode (Pub 199 Appendix G-4, "USPS Domestic Tracking Scan Events") -> canonical status.
 * The appendix itself is not in shared/contracts; the codes and their meanings here are the ones
 * public integrations agree on (USPS "Customer Daily Extract" list, USPS::WebTools code tables).
 * Codes not listed map to UNKNOWN with a message, by design: USPS has hundreds of codes and a
 * guess could say DELIVERED for a package that is not.
 */
type UspsOutcome = TrackingStatus | 'NO_CHANGE'

const STATUS_CODES: Partial<Record<UspsOutcome, readonly string[]>> = {
  // MA: manifest acknowledgement ("Shipping Label Created, USPS Awaiting Item").
  INFO_RECEIVED: ['MA'],
  IN_TRANSIT: [
    ...['03', 'TM', 'PA', '80'], // accepted / picked up
    ...['07', '10', '19', '41', '81', 'PC'], // arrived, processed
    ...['EF', 'SF', '42', '82'], // departed, handed off
    ...['06', '08', '15', '71'], // forwarded, missent, mis-shipped, rescheduled
  ],
  OUT_FOR_DELIVERY: ['OF'],
  AVAILABLE_FOR_PICKUP: ['14', '16'],
  DELIVERED: ['01', '17', '43'],
  ATTEMPT_FAIL: ['02', '30', '51', '52', '53', '54', '55', '56'],
  EXCEPTION: ['05', '44'],
  RETURN_TO_SENDER: ['04', '09', '21', '22', '23', '24', '25', '26', '27', '28', '29', '31'],
  FAILURE: ['11'],
  // "Delivery Status Not Updated": a note, not a movement.
  NO_CHANGE: ['DX'],
}

const SUBSTATUS_CODES: Partial<Record<Substatus, readonly string[]>> = {
  label_created: ['MA'],
  accepted: ['03', 'TM', 'PA'],
  picked_up: ['80'],
  arrived_at_facility: ['07', '10', '19', '81'],
  departed_facility: ['EF', 'SF', '82'],
  rescheduled: ['71'],
  delivered_to_agent: ['17'],
  business_closed: ['51'],
  recipient_unavailable: ['02', '56'],
  address_issue: ['05', '21', '22'],
  recipient_moved: ['23', '24'],
  unclaimed: ['27', '31'],
  refused: ['04'],
  held_by_sender_request: ['44'],
  disposed: ['11'],
}

/** Used only before the first scan: the package-level category USPS shows on usps.com. */
const CATEGORY_STATUS: Readonly<Record<string, TrackingStatus>> = {
  'pre-shipment': 'INFO_RECEIVED',
  accepted: 'IN_TRANSIT',
  'in transit': 'IN_TRANSIT',
  'out for delivery': 'OUT_FOR_DELIVERY',
  'available for pickup': 'AVAILABLE_FOR_PICKUP',
  alert: 'EXCEPTION',
}

const statusByCode = invertCodeTable(STATUS_CODES)
const substatusByCode = invertCodeTable(SUBSTATUS_CODES)

export type UspsStatusMapping =
  | { kind: 'status'; status: TrackingStatus; substatus?: Substatus }
  | { kind: 'no_change' }
  | { kind: 'unmapped' }

export function mapUspsEvent(eventCode: string | undefined): UspsStatusMapping {
  const code = eventCode?.trim().toUpperCase()
  const outcome = code ? statusByCode.get(code) : undefined
  if (code === undefined || outcome === undefined) return { kind: 'unmapped' }
  if (outcome === 'NO_CHANGE') return { kind: 'no_change' }
  const substatus = substatusByCode.get(code)
  return substatus === undefined ? { kind: 'status', status: outcome } : { kind: 'status', status: outcome, substatus }
}

/**
 * The package-level category, for a number with no scans yet. "Delivered" is deliberately absent:
 * without a delivery scan there is no time and no proof, so it stays UNKNOWN.
 */
export const statusOfCategory = (category: string | undefined): TrackingStatus | undefined =>
  CATEGORY_STATUS[category?.trim().toLowerCase() ?? '']
