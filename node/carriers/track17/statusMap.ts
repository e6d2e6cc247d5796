import type { Substatus, TrackingStatus } from '../../tracking/status'

/**
 * 17TRACK status / sub_status → canonical status (CONTRACT.md "Status model"). The sub-status
 * decides; a sub-status not in the table falls back to its status family, except that an unknown
 * value is never read as delivered. An unknown status is unmapped (UNKNOWN, reported).
 */
type Mapping = { status: TrackingStatus; substatus?: Substatus }

const BY_STATUS: Readonly<Record<string, Mapping>> = {
  NotFound: { status: 'PENDING' },
  InfoReceived: { status: 'INFO_RECEIVED', substatus: 'label_created' },
  InTransit: { status: 'IN_TRANSIT' },
  Expired: { status: 'EXPIRED' },
  AvailableForPickup: { status: 'AVAILABLE_FOR_PICKUP' },
  OutForDelivery: { status: 'OUT_FOR_DELIVERY' },
  DeliveryFailure: { status: 'ATTEMPT_FAIL' },
  Delivered: { status: 'DELIVERED' },
  Exception: { status: 'EXCEPTION' },
}

const BY_SUB_STATUS: Readonly<Record<string, Mapping>> = {
  NotFound_Other: { status: 'PENDING' },
  NotFound_InvalidCode: { status: 'PENDING' },
  InfoReceived: { status: 'INFO_RECEIVED', substatus: 'label_created' },
  InTransit_PickedUp: { status: 'IN_TRANSIT', substatus: 'picked_up' },
  InTransit_Departure: { status: 'IN_TRANSIT', substatus: 'departed_facility' },
  InTransit_Arrival: { status: 'IN_TRANSIT', substatus: 'arrived_at_facility' },
  InTransit_Other: { status: 'IN_TRANSIT' },
  Expired_Other: { status: 'EXPIRED' },
  AvailableForPickup_Other: { status: 'AVAILABLE_FOR_PICKUP' },
  OutForDelivery_Other: { status: 'OUT_FOR_DELIVERY' },
  DeliveryFailure_NoBody: { status: 'ATTEMPT_FAIL', substatus: 'recipient_unavailable' },
  DeliveryFailure_Security: { status: 'ATTEMPT_FAIL', substatus: 'held_by_carrier' },
  DeliveryFailure_Rejected: { status: 'ATTEMPT_FAIL', substatus: 'refused' },
  DeliveryFailure_InvalidAddress: { status: 'ATTEMPT_FAIL', substatus: 'address_issue' },
  DeliveryFailure_Other: { status: 'ATTEMPT_FAIL' },
  Delivered_Other: { status: 'DELIVERED' },
  Exception_Returning: { status: 'RETURN_TO_SENDER' },
  Exception_Returned: { status: 'RETURNED' },
  Exception_NoBody: { status: 'EXCEPTION', substatus: 'recipient_unavailable' },
  Exception_Security: { status: 'EXCEPTION', substatus: 'customs_hold' },
  Exception_Damage: { status: 'EXCEPTION', substatus: 'damaged' },
  Exception_Rejected: { status: 'EXCEPTION', substatus: 'refused' },
  Exception_Delayed: { status: 'EXCEPTION', substatus: 'delayed' },
  Exception_Lost: { status: 'FAILURE', substatus: 'lost' },
  Exception_Destroyed: { status: 'FAILURE', substatus: 'disposed' },
  Exception_Cancel: { status: 'FAILURE', substatus: 'cancelled' },
  Exception_Other: { status: 'EXCEPTION' },
}

/** Event stages (milestone keys) for events that carry no sub_status. */
const BY_STAGE: Readonly<Record<string, Mapping>> = {
  InfoReceived: { status: 'INFO_RECEIVED', substatus: 'label_created' },
  PickedUp: { status: 'IN_TRANSIT', substatus: 'picked_up' },
  Departure: { status: 'IN_TRANSIT', substatus: 'departed_facility' },
  Arrival: { status: 'IN_TRANSIT', substatus: 'arrived_at_facility' },
  AvailableForPickup: { status: 'AVAILABLE_FOR_PICKUP' },
  OutForDelivery: { status: 'OUT_FOR_DELIVERY' },
  Delivered: { status: 'DELIVERED' },
  Returning: { status: 'RETURN_TO_SENDER' },
  Returned: { status: 'RETURNED' },
}

export type Track17StatusMapping =
  | { kind: 'status'; status: TrackingStatus; substatus?: Substatus }
  /** A sub-status not in the table whose family is known: mapped to the family, but reported. */
  | { kind: 'family'; status: TrackingStatus }
  | { kind: 'unmapped' }

const own = (table: Readonly<Record<string, Mapping>>, key: string): Mapping | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined

export function mapTrack17Status(subStatus: string | null | undefined, stage?: string | null): Track17StatusMapping {
  const sub = subStatus?.trim() ?? ''
  const exact = own(BY_SUB_STATUS, sub)
  if (exact) return { kind: 'status', ...exact }
  if (!sub) {
    const byStage = own(BY_STAGE, stage?.trim() ?? '')
    return byStage ? { kind: 'status', ...byStage } : { kind: 'unmapped' }
  }
  const family = own(BY_STATUS, sub.split('_')[0])
  // Never deliver on a value nobody has documented.
  if (!family || family.status === 'DELIVERED') return { kind: 'unmapped' }
  return { kind: 'family', status: family.status }
}
