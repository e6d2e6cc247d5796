import type { Substatus, TrackingStatus } from '../../tracking/status'
import type { DhlStatusCode } from './contract'

/**
 * DHL Unified statusCode -> canonical status (reference/carrier-apis.md section 9, DHL). The code
 * decides the family; DHL's own words (status, description) may only narrow it within that family
 * or toward "needs attention", never toward DELIVERED: only statusCode "delivered" delivers.
 */
const BASE: Readonly<Record<DhlStatusCode, TrackingStatus>> = {
  'pre-transit': 'INFO_RECEIVED',
  transit: 'IN_TRANSIT',
  delivered: 'DELIVERED',
  failure: 'EXCEPTION',
  unknown: 'UNKNOWN',
}

interface Refinement {
  pattern: RegExp
  status: TrackingStatus
  substatus?: Substatus
}

/** English texts (the client asks language=en) used by Express, Parcel DE and eCommerce. */
const RETURNING = /return(ed|ing)? (to|back to) (the )?(sender|shipper)|being returned|return shipment/i
const REFINE: Readonly<Partial<Record<DhlStatusCode, readonly Refinement[]>>> = {
  transit: [
    { pattern: RETURNING, status: 'RETURN_TO_SENDER' },
    { pattern: /out for delivery|with delivery courier|loaded onto the delivery vehicle/i, status: 'OUT_FOR_DELIVERY' },
    {
      pattern:
        /ready for (pick ?up|collection)|available for pick ?up|awaiting collection|(at|to) the (parcel ?shop|packstation|retail outlet|post office)/i,
      status: 'AVAILABLE_FOR_PICKUP',
    },
    {
      pattern: /customs clearance|clearance (event|processing)/i,
      status: 'IN_TRANSIT',
      substatus: 'customs_processing',
    },
  ],
  delivered: [{ pattern: /returned to (the )?(sender|shipper)|delivered back to the sender/i, status: 'RETURNED' }],
  failure: [
    { pattern: RETURNING, status: 'RETURN_TO_SENDER' },
    { pattern: /\b(lost|destroyed|disposed|stolen)\b/i, status: 'FAILURE', substatus: 'lost' },
    {
      pattern: /attempt|not at home|recipient (was )?not (available|present)|could not be delivered/i,
      status: 'ATTEMPT_FAIL',
    },
    { pattern: /address/i, status: 'EXCEPTION', substatus: 'address_issue' },
    { pattern: /customs/i, status: 'EXCEPTION', substatus: 'customs_hold' },
  ],
  'pre-transit': [],
}

export type DhlStatusMapping = { kind: 'status'; status: TrackingStatus; substatus?: Substatus } | { kind: 'unmapped' }

export function mapDhlStatus(statusCode: string | undefined, ...texts: Array<string | undefined>): DhlStatusMapping {
  const code = statusCode?.trim().toLowerCase() as DhlStatusCode | undefined
  const base = code ? BASE[code] : undefined
  if (code === undefined || base === undefined || code === 'unknown') return { kind: 'unmapped' }
  const text = texts.filter((t): t is string => typeof t === 'string').join(' | ')
  const refined = (REFINE[code] ?? []).find((r) => r.pattern.test(text))
  if (refined)
    return { kind: 'status', status: refined.status, ...(refined.substatus ? { substatus: refined.substatus } : {}) }
  return code === 'pre-transit'
    ? { kind: 'status', status: base, substatus: 'label_created' }
    : { kind: 'status', status: base }
}
