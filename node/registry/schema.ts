import { ACK_FIELDS } from '../tracking/incidents'
import type { ShipmentRecord } from '../tracking/shipment'

/** Master Data v2 entity holding one document per package. */
export const SHIPMENT_ENTITY = 'ordertracking_shipment'
/** Bump when the schema changes: the app PUTs it at runtime (no per-version schema growth). */
export const SHIPMENT_SCHEMA = 'v1'

const string = { type: ['string', 'null'] }
const integer = { type: 'integer' }

const properties: Record<keyof ShipmentRecord, object> = {
  id: { type: 'string' },
  orderId: { type: 'string' },
  invoiceNumber: { type: 'string' },
  trackingNumber: string,
  trackingNumberRaw: string,
  courierName: string,
  carrier: string,
  carrierCandidates: { type: ['array', 'null'], items: { type: 'string' } },
  state: { type: 'string' },
  status: { type: 'string' },
  substatus: string,
  events: { type: 'array' },
  droppedEvents: integer,
  eventsHash: string,
  lastEventAt: string,
  lastEventDescription: string,
  lastEventLocation: string,
  firstEventAt: string,
  estimatedDelivery: string,
  promisedDelivery: string,
  destinationTimeZone: string,
  lastPushAt: string,
  invoicedAt: { type: 'string' },
  registeredAt: { type: 'string' },
  deliveredAt: string,
  deliveredOnTime: { type: ['boolean', 'null'] },
  nextCheckAt: string,
  nextCheckReason: string,
  lastCheckedAt: string,
  checkCount: integer,
  consecutiveErrors: integer,
  lastErrorReason: string,
  lastErrorMessage: string,
  lastErrorAt: string,
  trackingUrl: string,
  rejectedTrackingUrl: string,
  invoicePatchedAt: string,
  lastWrittenHash: string,
  lastOmsWriteAt: string,
  lastManualActionBy: string,
  carrierSetBy: string,
  emailsSent: integer,
  emailsSuppressed: integer,
  emailOutcome: string,
  emailsFrom: string,
  adminLog: { type: 'array' },
  ackOverdue: string,
  ackStuck: string,
  ackAttempt: string,
  ackException: string,
  ackReturned: string,
  ackFailing: string,
  ackExpired: string,
  ackAwaiting: string,
  ackUnresolved: string,
}

export const SHIPMENT_FIELDS = Object.keys(properties) as Array<keyof ShipmentRecord>

/** Every field the sweep or the admin page filters or sorts on is indexed. */
export const INDEXED_FIELDS: Array<keyof ShipmentRecord> = [
  'orderId',
  'invoiceNumber',
  'trackingNumber',
  'carrier',
  'state',
  'status',
  'nextCheckAt',
  'lastEventAt',
  'firstEventAt',
  'promisedDelivery',
  'estimatedDelivery',
  'invoicedAt',
  'deliveredAt',
  'deliveredOnTime',
  'consecutiveErrors',
  'lastErrorReason',
  // Admin per-carrier health: checks and failures in the last day, latest success and error.
  'lastCheckedAt',
  'lastErrorAt',
  // Admin overview: shipments whose customer emails failed, were sent, or were all suppressed.
  'emailOutcome',
  // Incident queues: open = problem AND (ack is null OR ack < now).
  ...Object.values(ACK_FIELDS),
]

export const shipmentSchema = {
  properties,
  'v-indexed': INDEXED_FIELDS,
  'v-default-fields': ['id', 'orderId', 'invoiceNumber', 'trackingNumber', 'carrier', 'state', 'status'],
  // Written on every check: caching would only serve stale documents to the sweep.
  'v-cache': false,
  'v-security': { allowGetAll: false, publicRead: [], publicWrite: [], publicFilter: [] },
}
