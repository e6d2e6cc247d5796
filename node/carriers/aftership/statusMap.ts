import type { Substatus, TrackingStatus } from '../../tracking/status'
import type { AftershipTag } from './contract'

/**
 * AfterShip tag/subtag → canonical status (reference/carrier-apis.md section 7, "Aggregator anchors").
 * The tag decides the family; a subtag only narrows it (Exception_011 returned, _013 lost). A tag
 * that is not one of the nine documented ones is unmapped: UNKNOWN, reported, never DELIVERED.
 */
const BY_TAG: Readonly<Record<AftershipTag, { status: TrackingStatus; substatus?: Substatus }>> = {
  Pending: { status: 'PENDING' },
  InfoReceived: { status: 'INFO_RECEIVED', substatus: 'label_created' },
  InTransit: { status: 'IN_TRANSIT' },
  OutForDelivery: { status: 'OUT_FOR_DELIVERY' },
  AttemptFail: { status: 'ATTEMPT_FAIL' },
  Delivered: { status: 'DELIVERED' },
  AvailableForPickup: { status: 'AVAILABLE_FOR_PICKUP' },
  Exception: { status: 'EXCEPTION' },
  Expired: { status: 'EXPIRED' },
}

/** Subtags that change the status or add a substatus. Only subtags of their own tag apply. */
const BY_SUBTAG: Readonly<Record<string, { status: TrackingStatus; substatus?: Substatus }>> = {
  InTransit_002: { status: 'IN_TRANSIT', substatus: 'accepted' },
  InTransit_003: { status: 'IN_TRANSIT', substatus: 'arrived_at_facility' },
  InTransit_005: { status: 'IN_TRANSIT', substatus: 'customs_released' },
  InTransit_006: { status: 'IN_TRANSIT', substatus: 'customs_processing' },
  InTransit_007: { status: 'IN_TRANSIT', substatus: 'departed_facility' },
  Delivered_002: { status: 'DELIVERED', substatus: 'delivered_to_pickup_point' },
  Delivered_005: { status: 'DELIVERED', substatus: 'delivered_to_agent' },
  AttemptFail_002: { status: 'ATTEMPT_FAIL', substatus: 'recipient_unavailable' },
  AttemptFail_003: { status: 'ATTEMPT_FAIL', substatus: 'business_closed' },
  Exception_002: { status: 'EXCEPTION', substatus: 'recipient_moved' },
  Exception_003: { status: 'EXCEPTION', substatus: 'refused' },
  Exception_004: { status: 'EXCEPTION', substatus: 'customs_hold' },
  Exception_005: { status: 'EXCEPTION', substatus: 'delayed' },
  Exception_006: { status: 'EXCEPTION', substatus: 'payment_required' },
  Exception_007: { status: 'EXCEPTION', substatus: 'address_issue' },
  Exception_008: { status: 'EXCEPTION', substatus: 'other' },
  Exception_009: { status: 'EXCEPTION', substatus: 'refused' },
  Exception_010: { status: 'RETURN_TO_SENDER' },
  Exception_011: { status: 'RETURNED' },
  Exception_012: { status: 'FAILURE', substatus: 'damaged' },
  Exception_013: { status: 'FAILURE', substatus: 'lost' },
  Exception_016: { status: 'EXCEPTION', substatus: 'delayed' },
  Exception_017: { status: 'EXCEPTION', substatus: 'weather_delay' },
  Exception_018: { status: 'EXCEPTION', substatus: 'customs_hold' },
}

export type AftershipStatusMapping =
  | { kind: 'status'; status: TrackingStatus; substatus?: Substatus }
  | { kind: 'unmapped' }

const isTag = (value: string): value is AftershipTag => Object.prototype.hasOwnProperty.call(BY_TAG, value)

export function mapAftershipStatus(
  tag: string | null | undefined,
  subtag: string | null | undefined
): AftershipStatusMapping {
  const t = tag?.trim() ?? ''
  if (!isTag(t)) return { kind: 'unmapped' }
  const sub = subtag?.trim() ?? ''
  const refined = sub.startsWith(`${t}_`) ? BY_SUBTAG[sub] : undefined
  const mapping = refined ?? BY_TAG[t]
  return { kind: 'status', status: mapping.status, ...(mapping.substatus ? { substatus: mapping.substatus } : {}) }
}
