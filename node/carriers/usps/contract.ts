/**
 * USPS Tracking v3 payloads, typed from "Package Tracking and Notification" 3.2.6
 * (shared/contracts/carriers/usps/tracking.yaml, GET /tracking/v3/tracking/{trackingNumber}) and
 * the OAuth 2.0 v3 token call its security scheme points at. Only fields the app reads or sends.
 */

/** TrackingEvent. */
export interface UspsTrackingEvent {
  eventType?: string
  /**
   * Local wall time of the scan, but written with a "Z" that does not mean UTC in USPS's own
   * example ("2023-08-02T07:31:00Z" for a 7:31 am local scan). Kept raw, never trusted as UTC.
   */
  eventTimestamp?: string
  /** The instant in GMT, e.g. "2024-04-04T14:03:12.041Z". */
  GMTTimestamp?: string
  /** Local offset from GMT, e.g. "-7:00". */
  GMTOffset?: string
  eventCountry?: string
  eventCity?: string
  eventState?: string
  eventZIP?: string
  firm?: string
  name?: string
  authorizedAgent?: boolean
  /** Pub 199 Appendix G-4 code ("01" delivered, "OF" out for delivery, ...). */
  eventCode?: string
  actionCode?: string
  reasonCode?: string
}

/** TrackingDetails (expand=DETAIL). */
export interface UspsTrackingDetails {
  trackingNumber?: string
  status?: string
  statusCategory?: string
  statusSummary?: string
  mailClass?: string
  destinationCity?: string
  destinationState?: string
  destinationZIP?: string
  destinationCountryCode?: string
  originCity?: string
  originState?: string
  originZIP?: string
  originCountry?: string
  expectedDeliveryTimeStamp?: string
  predictedDeliveryDate?: string
  predictedDeliveryWindowStartTime?: string
  predictedDeliveryWindowEndTime?: string
  /** Newest first, at most 99. */
  trackingEvents?: UspsTrackingEvent[]
}

/** ErrorMessage (400, 401, 403, 404, 429, 503). */
export interface UspsErrorMessage {
  apiVersion?: string
  error?: {
    code?: string
    message?: string
    errors?: Array<{ status?: string; code?: string; title?: string; detail?: string }>
  }
}

/** What the client hands the parser: a 200 body, or the 404 body that says "not found". */
export type UspsTrackResponse = UspsTrackingDetails | UspsErrorMessage

/** POST /oauth2/v3/token body (JSON, client credentials). */
export interface UspsTokenRequestBody {
  grant_type: 'client_credentials'
  client_id: string
  client_secret: string
  scope: 'tracking'
}

/** POST /oauth2/v3/token answer. `expires_in` in seconds (USPS issues eight-hour tokens). */
export interface UspsTokenResponse {
  access_token?: string
  token_type?: string
  issued_at?: number
  expires_in?: number
  status?: string
  scope?: string
}
