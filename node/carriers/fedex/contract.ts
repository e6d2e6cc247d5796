/**
 * FedEx Track API payloads, typed from FedEx's OpenAPI "Basic Integrated Visibility"
 * (shared/contracts/carriers/fedex/track.json, POST /track/v1/trackingnumbers and /oauth/token).
 * Only the fields the app reads or sends are declared; every one is optional on the way in,
 * because the client's type is a claim about the wire, checked by validateTrackResponse.
 */

/** AddressVO1. */
export interface FedexAddress {
  streetLines?: string[]
  city?: string
  stateOrProvinceCode?: string
  postalCode?: string
  countryCode?: string
  countryName?: string
  residential?: boolean
}

/** StatusDetail.ancillaryDetails[]: why a delivery exception happened and what to do. */
export interface FedexAncillaryDetail {
  reason?: string
  reasonDescription?: string
  action?: string
  actionDescription?: string
}

export interface FedexDelayDetail {
  type?: string
  subType?: string
  status?: string
}

/** StatusDetail (latestStatusDetail). */
export interface FedexStatusDetail {
  code?: string
  derivedCode?: string
  statusByLocale?: string
  description?: string
  scanLocation?: FedexAddress
  ancillaryDetails?: FedexAncillaryDetail[]
  delayDetail?: FedexDelayDetail
}

/** ScanEvent. `date` is ISO with the scan's offset ("2018-02-02T12:01:00-07:00"). */
export interface FedexScanEvent {
  date?: string
  eventType?: string
  eventDescription?: string
  exceptionCode?: string
  exceptionDescription?: string
  derivedStatusCode?: string
  derivedStatus?: string
  scanLocation?: FedexAddress
  locationId?: string
  locationType?: string
  delayDetail?: FedexDelayDetail
}

/** TrackingDateAndTime.type values from the spec. */
export type FedexDateType =
  | 'ACTUAL_DELIVERY'
  | 'ACTUAL_PICKUP'
  | 'ACTUAL_TENDER'
  | 'ANTICIPATED_TENDER'
  | 'APPOINTMENT_DELIVERY'
  | 'ATTEMPTED_DELIVERY'
  | 'COMMITMENT'
  | 'ESTIMATED_ARRIVAL_AT_GATEWAY'
  | 'ESTIMATED_DELIVERY'
  | 'ESTIMATED_PICKUP'
  | 'ESTIMATED_RETURN_TO_STATION'
  | 'SHIP'
  | 'SHIPMENT_DATA_RECEIVED'

/** TrackingDateAndTime. `dateTime` may come without an offset ("2007-09-27T00:00:00"). */
export interface FedexDateAndTime {
  type?: FedexDateType | string
  dateTime?: string
}

/** TimeWindow (estimatedDeliveryTimeWindow, standardTransitTimeWindow). */
export interface FedexTimeWindow {
  type?: string
  description?: string
  window?: { begins?: string; ends?: string }
}

/** CXSError: per-number errors inside a 200, and the items of every error response. */
export interface FedexCxsError {
  code?: string
  message?: string
  parameterList?: Array<{ key?: string; value?: string }>
}

export interface FedexLocationDetail {
  locationId?: string
  locationContactAndAddress?: { address?: FedexAddress }
  locationType?: string
}

/** TrackResult. */
export interface FedexTrackResult {
  trackingNumberInfo?: { trackingNumber?: string; carrierCode?: string; trackingNumberUniqueId?: string }
  latestStatusDetail?: FedexStatusDetail
  scanEvents?: FedexScanEvent[]
  dateAndTimes?: FedexDateAndTime[]
  estimatedDeliveryTimeWindow?: FedexTimeWindow
  standardTransitTimeWindow?: FedexTimeWindow
  deliveryDetails?: {
    receivedByName?: string
    signedByName?: string
    deliveryAttempts?: string
    actualDeliveryAddress?: FedexAddress
  }
  recipientInformation?: { address?: FedexAddress }
  destinationLocation?: FedexLocationDetail
  originLocation?: FedexLocationDetail
  lastUpdatedDestinationAddress?: FedexAddress
  serviceDetail?: { type?: string; description?: string; shortDescription?: string }
  error?: FedexCxsError
}

/** CompleteTrackResult. */
export interface FedexCompleteTrackResult {
  trackingNumber?: string
  trackResults?: FedexTrackResult[]
}

/** TrkcResponseVO_TrackingNumber (HTTP 200). */
export interface FedexTrackApiResponse {
  transactionId?: string
  customerTransactionId?: string
  output?: { completeTrackResults?: FedexCompleteTrackResult[]; alerts?: unknown }
}

/** ErrorResponseVO / ErrorResponseVO401 / ... (HTTP 4xx and 5xx). */
export interface FedexErrorResponse {
  transactionId?: string
  customerTransactionId?: string
  errors?: FedexCxsError[]
}

/** What the client hands the parser: a 200 body, or a 4xx body that only says "not found". */
export type FedexTrackResponse = FedexTrackApiResponse | FedexErrorResponse

/** Full_Schema_Tracking_Numbers (the request body). */
export interface FedexTrackRequestBody {
  includeDetailedScans: boolean
  trackingInfo: Array<{ trackingNumberInfo: { trackingNumber: string } }>
}

/** POST /oauth/token answer (client credentials). */
export interface FedexTokenResponse {
  access_token?: string
  token_type?: string
  /** Seconds (FedEx issues one-hour tokens). */
  expires_in?: number
  scope?: string
}
