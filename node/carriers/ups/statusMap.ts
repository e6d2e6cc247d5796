import type { Substatus, TrackingStatus } from '../../tracking/status'
import { invertCodeTable } from '../../tracking/status'

/**
 * UPS -> canonical status, keyed by the 3-digit status description code (`status.statusCode`),
 * which is the most specific of UPS's three codes. Source: reference/carrier-apis.md section 9
 * (UPS table), checked against code-tables/Tracking-status-description-codes.html.
 * Written status-first so a reviewer can read each row against the table; inverted below.
 *
 * Codes UPS documents that are NOT here (016 In Warehouse, 032 Adverse Weather, 055 Rescheduled,
 * the 093-122 My Choice requests, ...) map to UNKNOWN with an UNMAPPED_CODE message on purpose:
 * rule 3 of the status model says unknown codes are surfaced, never guessed.
 */
type UpsCodeOutcome = TrackingStatus | 'NO_CHANGE'

const PICKED_UP_OR_ACCEPTED = ['038', '160', '167', '168', '169']
const ON_THE_WAY = ['005', '010', '025', '039', '047', '071', '073', '074', '075', '087', '158', '159', '164', '165']
const CUSTOMS_IN_PROGRESS_OR_CLEARED = ['012', '092', '014', '084', '134']
// 086 and 090 are "Delay" in the UPS code list (carrier-apis.md section 2), like 046 and 048.
const DELAYS = ['046', '048', '049', '086', '090', '132']
const OTHER_EXCEPTIONS = ['013', '029', '030', '050', '051', '052', '053', '058', '059', '076', '083', '085', '139']
const CUSTOMS_HOLDS = ['123', '124', '125', '126', '141']

const STATUS_CODES: Partial<Record<UpsCodeOutcome, readonly string[]>> = {
  INFO_RECEIVED: ['003', '079', '080', '157', '166'],
  IN_TRANSIT: [...PICKED_UP_OR_ACCEPTED, ...ON_THE_WAY, ...CUSTOMS_IN_PROGRESS_OR_CLEARED],
  OUT_FOR_DELIVERY: ['006', '021', '037', '072', '089', '091', '146', '162'],
  // 144/161 can be UPS's last scan (left at a post office / access point); the customer still
  // has to collect it, so the shipment is not DELIVERED yet.
  AVAILABLE_FOR_PICKUP: ['017', '040', '144', '161'],
  ATTEMPT_FAIL: ['022', '023', '024', '060', '061', '062', '065', '066', '145'],
  DELIVERED: ['011', '026', '143'],
  EXCEPTION: [...DELAYS, ...OTHER_EXCEPTIONS, ...CUSTOMS_HOLDS],
  RETURN_TO_SENDER: ['033', '035', '036', '064', '118', '119'],
  RETURNED: ['034', '067', '081'],
  FAILURE: ['007', '068', '069', '147', '149'],
  // Type U (Track Alert) updates: new delivery time/date or a delivery photo. They are events
  // but say nothing about where the package is, so they never change the status.
  NO_CHANGE: ['153', '154', '155'],
}

const SUBSTATUS_CODES: Partial<Record<Substatus, readonly string[]>> = {
  label_created: ['003', '079', '080', '157', '166'],
  picked_up: ['038'],
  accepted: ['160', '167', '168', '169'],
  customs_processing: ['012', '092'],
  customs_released: ['014', '084', '134'],
  delivered_to_pickup_point: ['144', '161'],
  delivered_to_agent: ['143'],
  recipient_unavailable: ['061'],
  payment_required: ['062', '085'],
  delayed: ['046', '048', '049', '086', '090', '132'],
  weather_delay: ['051', '052', '053'],
  address_issue: ['050'],
  customs_hold: ['058', '123', '124', '125', '126', '141'],
  damaged: ['059', '081'],
  held_by_carrier: ['083'],
  refused: ['064'],
  lost: ['068'],
  seized: ['147'],
  disposed: ['149'],
  cancelled: ['007'],
}

/**
 * Used only when an activity has no statusCode at all. The one-letter activity type is UPS's own
 * classification (code-tables/Tracking-package-activity-types.html), so D means delivered here.
 * DO/DD/W (freight) and NA stay unmapped.
 */
const TYPE_FALLBACK: Partial<Record<UpsCodeOutcome, readonly string[]>> = {
  INFO_RECEIVED: ['M'],
  IN_TRANSIT: ['I'],
  DELIVERED: ['D'],
  EXCEPTION: ['X'],
  FAILURE: ['MV'],
  NO_CHANGE: ['U'],
}

const TYPE_SUBSTATUS: Partial<Record<Substatus, readonly string[]>> = {
  label_created: ['M'],
  cancelled: ['MV'],
}

const statusByCode = invertCodeTable(STATUS_CODES)
const substatusByCode = invertCodeTable(SUBSTATUS_CODES)
const statusByType = invertCodeTable(TYPE_FALLBACK)
const substatusByType = invertCodeTable(TYPE_SUBSTATUS)

export type UpsStatusMapping =
  | { kind: 'status'; status: TrackingStatus; substatus?: Substatus }
  | { kind: 'no_change' }
  | { kind: 'unmapped' }

/** UPS sometimes drops the leading zeros ("11" for "011"); the table uses three digits. */
const normalizeStatusCode = (statusCode: string): string =>
  /^\d{1,3}$/.test(statusCode) ? statusCode.padStart(3, '0') : statusCode

/**
 * Maps one UPS activity status. Rule: a present statusCode decides alone. If it is not in the
 * table the result is `unmapped` even when the type is D, because "delivered" must never be a
 * guess (a 161 "Delivered to UPS Access Point" also carries a delivered-looking type). The type
 * letter is consulted only when UPS sent no statusCode.
 */
export function mapUpsStatus(type: string | undefined, statusCode: string | undefined): UpsStatusMapping {
  const code = statusCode?.trim()
  if (code) {
    const normalized = normalizeStatusCode(code)
    return toMapping(statusByCode.get(normalized), substatusByCode.get(normalized))
  }
  const letter = type?.trim().toUpperCase()
  if (!letter) return { kind: 'unmapped' }
  return toMapping(statusByType.get(letter), substatusByType.get(letter))
}

function toMapping(outcome: UpsCodeOutcome | undefined, substatus: Substatus | undefined): UpsStatusMapping {
  if (outcome === undefined) return { kind: 'unmapped' }
  if (outcome === 'NO_CHANGE') return { kind: 'no_change' }
  return substatus === undefined ? { kind: 'status', status: outcome } : { kind: 'status', status: outcome, substatus }
}
