import type { Substatus, TrackingStatus } from '../../tracking/status'
import { invertCodeTable } from '../../tracking/status'

/**
 * FedEx -> canonical status, keyed by the two-letter codes of Tracking-Status-Codes.html, which
 * FedEx uses for scanEvents[].eventType, scanEvents[].derivedStatusCode and
 * latestStatusDetail.code/derivedCode. Rows follow reference/carrier-apis.md section 9 (FedEx).
 * Written status-first so a reviewer can read each row against the table; inverted below.
 *
 * Not here on purpose, so they surface as UNKNOWN: DR (vehicle furnished but not used) and any
 * code FedEx adds later. "Ow" is written in lower case in FedEx's table; codes are upper-cased.
 */
type FedexOutcome = TrackingStatus | 'NO_CHANGE'

const STATUS_CODES: Partial<Record<FedexOutcome, readonly string[]>> = {
  INFO_RECEIVED: ['OC', 'OX'],
  IN_TRANSIT: [
    ...['PU', 'PX', 'AP', 'EP'],
    ...['IT', 'IX', 'AA', 'AC', 'AF', 'AR', 'AX', 'DP', 'EA', 'EO', 'FD', 'LO', 'OF', 'OW', 'PF', 'PL', 'PM'],
    ...['SF', 'TR', 'DS', 'AO', 'CH', 'SP', 'CC', 'CP'],
  ],
  OUT_FOR_DELIVERY: ['OD', 'ED', 'AD'],
  AVAILABLE_FOR_PICKUP: ['HL', 'HP'],
  DELIVERED: ['DL'],
  ATTEMPT_FAIL: ['DE'],
  EXCEPTION: ['SE', 'CD', 'DY', 'DD', 'PD'],
  RETURN_TO_SENDER: ['RS'],
  FAILURE: ['CA'],
  // Delivery-option requests (CDO) and return-label e-mails: events, but not movement.
  NO_CHANGE: ['RR', 'RM', 'RC', 'RP', 'LP', 'RG', 'RD'],
}

const SUBSTATUS_CODES: Partial<Record<Substatus, readonly string[]>> = {
  label_created: ['OC', 'OX'],
  picked_up: ['PU', 'PX'],
  arrived_at_facility: ['AR', 'AF', 'FD', 'SF'],
  departed_facility: ['DP', 'LO'],
  customs_processing: ['CP'],
  customs_released: ['CC'],
  customs_hold: ['CD'],
  delayed: ['DY', 'DD', 'PD'],
  held_by_carrier: ['HL'],
  delivered_to_pickup_point: ['HP'],
  cancelled: ['CA'],
}

/**
 * Delivery exceptions (DE) name their reason in exceptionCode / ancillaryDetails.reason. Only the
 * reasons with evidence are refined: FedEx's own docs example pairs reason 15 with "Customer not
 * available or business closed"; 08 is "Recipient not in / business closed" in FedEx's legacy
 * exception list. Every other reason stays a plain ATTEMPT_FAIL.
 */
const ATTEMPT_REASONS: Readonly<Record<string, Substatus>> = {
  '08': 'recipient_unavailable',
  '15': 'business_closed',
}

const statusByCode = invertCodeTable(STATUS_CODES)
const substatusByCode = invertCodeTable(SUBSTATUS_CODES)

export type FedexStatusMapping =
  | { kind: 'status'; status: TrackingStatus; substatus?: Substatus }
  | { kind: 'no_change' }
  | { kind: 'unmapped' }

/**
 * Maps one FedEx event. The specific scan code (eventType) decides when the table knows it;
 * FedEx's own coarse classification (derivedStatusCode) is the fallback, since it is FedEx saying
 * which status the scan stands for, not a guess. Neither known: unmapped, never DELIVERED.
 */
export function mapFedexStatus(
  eventType: string | undefined,
  derivedCode: string | undefined,
  reason?: string
): FedexStatusMapping {
  for (const candidate of [eventType, derivedCode]) {
    const code = candidate?.trim().toUpperCase()
    if (!code) continue
    const outcome = statusByCode.get(code)
    if (outcome === undefined) continue
    if (outcome === 'NO_CHANGE') return { kind: 'no_change' }
    const substatus = code === 'DE' ? ATTEMPT_REASONS[reason?.trim() ?? ''] : substatusByCode.get(code)
    return substatus === undefined
      ? { kind: 'status', status: outcome }
      : { kind: 'status', status: outcome, substatus }
  }
  return { kind: 'unmapped' }
}
