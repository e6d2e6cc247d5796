import type { IntlShape, MessageDescriptor } from 'react-intl'
import { defineMessages } from 'react-intl'

import type { ShipmentState, TrackingStatus } from '../api/types'

/** Canonical statuses, as merchants read them. */
export const statusMessages: Record<TrackingStatus, MessageDescriptor> = defineMessages({
  PENDING: { id: 'admin/order-tracking.status.PENDING' },
  INFO_RECEIVED: { id: 'admin/order-tracking.status.INFO_RECEIVED' },
  IN_TRANSIT: { id: 'admin/order-tracking.status.IN_TRANSIT' },
  OUT_FOR_DELIVERY: { id: 'admin/order-tracking.status.OUT_FOR_DELIVERY' },
  AVAILABLE_FOR_PICKUP: { id: 'admin/order-tracking.status.AVAILABLE_FOR_PICKUP' },
  ATTEMPT_FAIL: { id: 'admin/order-tracking.status.ATTEMPT_FAIL' },
  DELIVERED: { id: 'admin/order-tracking.status.DELIVERED' },
  EXCEPTION: { id: 'admin/order-tracking.status.EXCEPTION' },
  RETURN_TO_SENDER: { id: 'admin/order-tracking.status.RETURN_TO_SENDER' },
  RETURNED: { id: 'admin/order-tracking.status.RETURNED' },
  FAILURE: { id: 'admin/order-tracking.status.FAILURE' },
  EXPIRED: { id: 'admin/order-tracking.status.EXPIRED' },
  UNKNOWN: { id: 'admin/order-tracking.status.UNKNOWN' },
})

/** The app's own lifecycle of a shipment. */
export const stateMessages: Record<ShipmentState, MessageDescriptor> = defineMessages({
  active: { id: 'admin/order-tracking.state.active' },
  awaiting_tracking: { id: 'admin/order-tracking.state.awaiting_tracking' },
  unresolved_carrier: { id: 'admin/order-tracking.state.unresolved_carrier' },
  link_only: { id: 'admin/order-tracking.state.link_only' },
  done: { id: 'admin/order-tracking.state.done' },
  expired: { id: 'admin/order-tracking.state.expired' },
})

/** Sub-statuses (node/tracking/status.ts SUBSTATUSES). */
const substatusMessages: Record<string, MessageDescriptor> = defineMessages({
  label_created: { id: 'admin/order-tracking.substatus.label_created' },
  accepted: { id: 'admin/order-tracking.substatus.accepted' },
  picked_up: { id: 'admin/order-tracking.substatus.picked_up' },
  arrived_at_facility: { id: 'admin/order-tracking.substatus.arrived_at_facility' },
  departed_facility: { id: 'admin/order-tracking.substatus.departed_facility' },
  customs_processing: { id: 'admin/order-tracking.substatus.customs_processing' },
  customs_released: { id: 'admin/order-tracking.substatus.customs_released' },
  customs_hold: { id: 'admin/order-tracking.substatus.customs_hold' },
  payment_required: { id: 'admin/order-tracking.substatus.payment_required' },
  delayed: { id: 'admin/order-tracking.substatus.delayed' },
  weather_delay: { id: 'admin/order-tracking.substatus.weather_delay' },
  rescheduled: { id: 'admin/order-tracking.substatus.rescheduled' },
  held_by_carrier: { id: 'admin/order-tracking.substatus.held_by_carrier' },
  held_by_sender_request: { id: 'admin/order-tracking.substatus.held_by_sender_request' },
  recipient_unavailable: { id: 'admin/order-tracking.substatus.recipient_unavailable' },
  business_closed: { id: 'admin/order-tracking.substatus.business_closed' },
  address_issue: { id: 'admin/order-tracking.substatus.address_issue' },
  refused: { id: 'admin/order-tracking.substatus.refused' },
  recipient_moved: { id: 'admin/order-tracking.substatus.recipient_moved' },
  damaged: { id: 'admin/order-tracking.substatus.damaged' },
  lost: { id: 'admin/order-tracking.substatus.lost' },
  stolen: { id: 'admin/order-tracking.substatus.stolen' },
  seized: { id: 'admin/order-tracking.substatus.seized' },
  disposed: { id: 'admin/order-tracking.substatus.disposed' },
  unclaimed: { id: 'admin/order-tracking.substatus.unclaimed' },
  cancelled: { id: 'admin/order-tracking.substatus.cancelled' },
  delivered_to_agent: { id: 'admin/order-tracking.substatus.delivered_to_agent' },
  delivered_to_pickup_point: { id: 'admin/order-tracking.substatus.delivered_to_pickup_point' },
  correction: { id: 'admin/order-tracking.substatus.correction' },
  other: { id: 'admin/order-tracking.substatus.other' },
})

/** Why the next check is when it is (nextCheckReason written by the schedule policy and the sweep). */
const nextCheckReasonMessages: Record<string, MessageDescriptor> = defineMessages({
  registered: { id: 'admin/order-tracking.nextCheckReason.registered' },
  regular_interval: { id: 'admin/order-tracking.nextCheckReason.regular_interval' },
  out_for_delivery: { id: 'admin/order-tracking.nextCheckReason.out_for_delivery' },
  needs_attention: { id: 'admin/order-tracking.nextCheckReason.needs_attention' },
  error_backoff: { id: 'admin/order-tracking.nextCheckReason.error_backoff' },
  retry_after: { id: 'admin/order-tracking.nextCheckReason.retry_after' },
  awaiting_tracking_number: { id: 'admin/order-tracking.nextCheckReason.awaiting_tracking_number' },
  awaiting_tracking: { id: 'admin/order-tracking.nextCheckReason.awaiting_tracking' },
  unresolved_carrier: { id: 'admin/order-tracking.nextCheckReason.unresolved_carrier' },
  ambiguous_carrier: { id: 'admin/order-tracking.nextCheckReason.ambiguous_carrier' },
  link_only: { id: 'admin/order-tracking.nextCheckReason.link_only' },
  tracking_link_pending: { id: 'admin/order-tracking.nextCheckReason.tracking_link_pending' },
  tracking_link_on_invoice: { id: 'admin/order-tracking.nextCheckReason.tracking_link_on_invoice' },
  tracking_link_written: { id: 'admin/order-tracking.nextCheckReason.tracking_link_written' },
  terminal_status: { id: 'admin/order-tracking.nextCheckReason.terminal_status' },
  window_closed: { id: 'admin/order-tracking.nextCheckReason.window_closed' },
  manual_status: { id: 'admin/order-tracking.nextCheckReason.manual_status' },
  carrier_corrected: { id: 'admin/order-tracking.nextCheckReason.carrier_corrected' },
  exception: { id: 'admin/order-tracking.nextCheckReason.exception' },
  awaiting_pickup: { id: 'admin/order-tracking.nextCheckReason.awaiting_pickup' },
  early_transit: { id: 'admin/order-tracking.nextCheckReason.early_transit' },
  possible_delivery_day: { id: 'admin/order-tracking.nextCheckReason.possible_delivery_day' },
  long_transit: { id: 'admin/order-tracking.nextCheckReason.long_transit' },
  delivery_tomorrow: { id: 'admin/order-tracking.nextCheckReason.delivery_tomorrow' },
  delivery_day_morning: { id: 'admin/order-tracking.nextCheckReason.delivery_day_morning' },
  delivery_day: { id: 'admin/order-tracking.nextCheckReason.delivery_day' },
  overdue: { id: 'admin/order-tracking.nextCheckReason.overdue' },
  vtex_fixed_interval: { id: 'admin/order-tracking.nextCheckReason.vtex_fixed_interval' },
  window_end: { id: 'admin/order-tracking.nextCheckReason.window_end' },
})

const afterNight = defineMessages({
  reason: { id: 'admin/order-tracking.nextCheckReason.after_night' },
})

const NIGHT_SUFFIX = '_after_night'

/** lastErrorReason values (AppError.reason in node/errors.ts, plus tracking_number_not_found). */
const errorReasonMessages: Record<string, MessageDescriptor> = defineMessages({
  carrier_unavailable: { id: 'admin/order-tracking.errorReason.carrier_unavailable' },
  carrier_rate_limited: { id: 'admin/order-tracking.errorReason.carrier_rate_limited' },
  carrier_auth_failed: { id: 'admin/order-tracking.errorReason.carrier_auth_failed' },
  carrier_malformed_response: { id: 'admin/order-tracking.errorReason.carrier_malformed_response' },
  carrier_rejected_request: { id: 'admin/order-tracking.errorReason.carrier_rejected_request' },
  tracking_number_not_found: { id: 'admin/order-tracking.errorReason.tracking_number_not_found' },
  platform_unavailable: { id: 'admin/order-tracking.errorReason.platform_unavailable' },
  invalid_settings: { id: 'admin/order-tracking.errorReason.invalid_settings' },
  invalid_input: { id: 'admin/order-tracking.errorReason.invalid_input' },
  forbidden: { id: 'admin/order-tracking.errorReason.forbidden' },
  being_checked: { id: 'admin/order-tracking.errorReason.being_checked' },
  order_write_failed: { id: 'admin/order-tracking.errorReason.order_write_failed' },
  order_invoice_not_found: { id: 'admin/order-tracking.errorReason.order_invoice_not_found' },
  registry_write_failed: { id: 'admin/order-tracking.errorReason.registry_write_failed' },
  unexpected_error: { id: 'admin/order-tracking.errorReason.unexpected_error' },
})

const unknownCode = defineMessages({
  reason: { id: 'admin/order-tracking.common.unknownCode' },
})

/** A translated label for a code, or "Other (<code>)" for a code this version of the page does not know. */
function labelFor(intl: IntlShape, table: Record<string, MessageDescriptor>, code: string): string {
  const descriptor = Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined
  return descriptor ? intl.formatMessage(descriptor) : intl.formatMessage(unknownCode.reason, { code })
}

export const statusLabel = (intl: IntlShape, status: string): string => labelFor(intl, statusMessages, status)
export const stateLabel = (intl: IntlShape, state: string): string => labelFor(intl, stateMessages, state)
export const substatusLabel = (intl: IntlShape, substatus: string): string =>
  labelFor(intl, substatusMessages, substatus)
/** A schedule reason; `<reason>_after_night` is the reason, moved past the night at the destination. */
export const nextCheckReasonLabel = (intl: IntlShape, reason: string): string =>
  reason.endsWith(NIGHT_SUFFIX)
    ? intl.formatMessage(afterNight.reason, {
        reason: labelFor(intl, nextCheckReasonMessages, reason.slice(0, -NIGHT_SUFFIX.length)),
      })
    : labelFor(intl, nextCheckReasonMessages, reason)
export const errorReasonLabel = (intl: IntlShape, reason: string): string => labelFor(intl, errorReasonMessages, reason)
