import { carrierModule, isCarrierCode } from '../../carriers'
import type { CarrierCode } from '../../tracking/carrierResult'
import type { AttentionCutoffs } from '../../tracking/attention'
import { ATTENTION_FIELDS, isOverdue, isStuck } from '../../tracking/attention'
import type { Incident } from '../../tracking/incidents'
import { incidentsOf } from '../../tracking/incidents'
import type { ShipmentRecord, ShipmentState } from '../../tracking/shipment'
import type { Substatus, TrackingStatus } from '../../tracking/status'
import type { Redact } from './secrets'
import { redactNullable } from './secrets'

/** One row of the admin shipments table. */
export interface ShipmentSummary {
  id: string
  orderId: string
  invoiceNumber: string
  trackingNumber: string | null
  /** As the invoice has it, when it differs from the normalized number. */
  trackingNumberRaw: string | null
  carrier: CarrierCode | null
  carrierName: string | null
  courierName: string | null
  status: TrackingStatus
  substatus: Substatus | null
  state: ShipmentState
  lastEventAt: string | null
  lastEventDescription: string | null
  lastEventLocation: string | null
  promisedDelivery: string | null
  estimatedDelivery: string | null
  invoicedAt: string
  deliveredAt: string | null
  nextCheckAt: string | null
  consecutiveErrors: number
  lastErrorReason: string | null
  overdue: boolean
  stuck: boolean
  orderAdminUrl: string
}

/** The whole record plus what the admin page derives from it. */
export type ShipmentDetail = ShipmentRecord & {
  /** Every problem the shipment has now: open ones, and those resolved or snoozed. */
  incidents: Incident[]
  overdue: boolean
  stuck: boolean
  carrierName: string | null
  /** Names of the carriers whose number format matched when several did: the admin chooses. */
  carrierCandidateNames: string[]
  trackingPageUrl: string | null
  orderAdminUrl: string
}

/** What a table row needs from the registry (no event list: rows stay small). */
export const SUMMARY_FIELDS: Array<keyof ShipmentRecord> = [
  ...new Set<keyof ShipmentRecord>([
    'id',
    'orderId',
    'invoiceNumber',
    'trackingNumber',
    'trackingNumberRaw',
    'carrier',
    'courierName',
    'substatus',
    'lastEventDescription',
    'lastEventLocation',
    'deliveredAt',
    'nextCheckAt',
    'consecutiveErrors',
    'lastErrorReason',
    ...ATTENTION_FIELDS,
  ]),
]

export const orderAdminUrl = (orderId: string): string => `/admin/orders/${encodeURIComponent(orderId)}`

export const carrierName = (carrier: CarrierCode | null): string | null =>
  carrier === null ? null : carrierModule(carrier).displayName

export function toSummary(record: ShipmentRecord, cutoffs: AttentionCutoffs): ShipmentSummary {
  return {
    id: record.id,
    orderId: record.orderId,
    invoiceNumber: record.invoiceNumber,
    trackingNumber: record.trackingNumber ?? null,
    trackingNumberRaw: record.trackingNumberRaw ?? null,
    carrier: record.carrier ?? null,
    carrierName: carrierName(record.carrier ?? null),
    courierName: record.courierName ?? null,
    status: record.status,
    substatus: record.substatus ?? null,
    state: record.state,
    lastEventAt: record.lastEventAt ?? null,
    lastEventDescription: record.lastEventDescription ?? null,
    lastEventLocation: record.lastEventLocation ?? null,
    promisedDelivery: record.promisedDelivery ?? null,
    estimatedDelivery: record.estimatedDelivery ?? null,
    invoicedAt: record.invoicedAt,
    deliveredAt: record.deliveredAt ?? null,
    nextCheckAt: record.nextCheckAt ?? null,
    consecutiveErrors: record.consecutiveErrors ?? 0,
    lastErrorReason: record.lastErrorReason ?? null,
    overdue: isOverdue(withNulls(record), cutoffs),
    stuck: isStuck(withNulls(record), cutoffs),
    orderAdminUrl: orderAdminUrl(record.orderId),
  }
}

export function toDetail(record: ShipmentRecord, cutoffs: AttentionCutoffs, redact: Redact): ShipmentDetail {
  const carrier = record.carrier ?? null
  const trackingNumber = record.trackingNumber ?? null
  return {
    ...record,
    lastErrorMessage: redactNullable(redact, record.lastErrorMessage ?? null),
    adminLog: record.adminLog ?? [],
    incidents: incidentsOf(withNulls(record), cutoffs),
    overdue: isOverdue(withNulls(record), cutoffs),
    stuck: isStuck(withNulls(record), cutoffs),
    carrierName: carrierName(carrier),
    carrierCandidates: record.carrierCandidates ?? [],
    carrierCandidateNames: (record.carrierCandidates ?? [])
      .filter(isCarrierCode)
      .map((code) => carrierName(code) ?? code),
    trackingPageUrl:
      carrier !== null && trackingNumber !== null
        ? carrierModule(carrier).trackingUrl(trackingNumber)
        : (record.trackingUrl ?? null),
    orderAdminUrl: orderAdminUrl(record.orderId),
  }
}

/** Master Data omits null fields from projections; the rules expect explicit nulls. */
const withNulls = (record: ShipmentRecord): ShipmentRecord => ({
  ...record,
  promisedDelivery: record.promisedDelivery ?? null,
  estimatedDelivery: record.estimatedDelivery ?? null,
  lastEventAt: record.lastEventAt ?? null,
  consecutiveErrors: record.consecutiveErrors ?? 0,
})
