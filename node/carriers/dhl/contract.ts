/**
 * DHL Shipment Tracking - Unified payloads (GET https://api-eu.dhl.com/track/shipments). The
 * official OpenAPI is not in shared/contracts; the types follow DHL's developer documentation,
 * the generated clients of utapi-traking-api-1.4.1 and the docs-derived example in
 * shared/contracts/carriers/dhl/karrio-dhl_universal-tracking-example.json. Only what the app reads.
 */

/** The documented statusCode enum. Anything else is treated as unknown. */
export const DHL_STATUS_CODES = ['pre-transit', 'transit', 'delivered', 'failure', 'unknown'] as const
export type DhlStatusCode = (typeof DHL_STATUS_CODES)[number]

/** The `service` query parameter: which DHL division to ask (developer.dhl.com, API v1.5.x). */
export const DHL_SERVICES = [
  'dgf',
  'dsc',
  'ecommerce',
  'ecommerce-apac',
  'ecommerce-europe',
  'ecommerce-iberia',
  'ecommerce-ppl',
  'express',
  'freight',
  'parcel-de',
  'parcel-nl',
  'parcel-pl',
  'parcel-uk',
  'post-de',
  'post-international',
  'sameday',
  'svb',
] as const
export type DhlService = (typeof DHL_SERVICES)[number]

export interface DhlAddress {
  countryCode?: string
  postalCode?: string
  addressLocality?: string
}

export interface DhlPlace {
  address?: DhlAddress
}

/** supermodelIoLogisticsTrackingShipmentEvent: `status` and every `events[]` entry. */
export interface DhlEvent {
  /** ISO 8601; with "Z" or an offset, or local time without a zone ("2018-03-02T07:53:47"). */
  timestamp?: string
  location?: DhlPlace
  statusCode?: string
  /** Short free text, depends on the division ("DELIVERED", "The shipment has been processed..."). */
  status?: string
  description?: string
  remark?: string
  nextSteps?: string
}

export interface DhlShipment {
  /** A string in the spec; the docs example writes a number. */
  id?: string | number
  service?: string
  origin?: DhlPlace
  destination?: DhlPlace
  status?: DhlEvent
  estimatedTimeOfDelivery?: string
  estimatedDeliveryTimeFrame?: { estimatedFrom?: string; estimatedThrough?: string }
  estimatedTimeOfDeliveryRemark?: string
  details?: { proofOfDelivery?: { timestamp?: string }; totalNumberOfPieces?: number; pieceIds?: string[] }
  events?: DhlEvent[]
}

export interface DhlTrackApiResponse {
  url?: string
  prevUrl?: string
  nextUrl?: string
  firstUrl?: string
  lastUrl?: string
  shipments?: DhlShipment[]
  possibleAdditionalShipmentsUrl?: string[]
}

/** RFC 7807 problem details (401, 404, 429, 5xx). */
export interface DhlProblem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
}

/** What the client hands the parser: a 200 body, or the 404 problem that says "no shipment". */
export type DhlTrackResponse = DhlTrackApiResponse | DhlProblem
