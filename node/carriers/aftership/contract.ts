/**
 * AfterShip Tracking API payloads (shared/contracts/carriers/aftership/CONTRACT.md). The dated API
 * (`/tracking/2025-01/...`) and the legacy v4 recordings differ in a few field names
 * (`country_region` vs `country_iso3`, `data` vs `data.tracking`); the parser reads both. Only what
 * the app reads is typed.
 */

/** The nine documented tags. Anything else is unmapped (never DELIVERED). */
export const AFTERSHIP_TAGS = [
  'Pending',
  'InfoReceived',
  'InTransit',
  'OutForDelivery',
  'AttemptFail',
  'Delivered',
  'AvailableForPickup',
  'Exception',
  'Expired',
] as const
export type AftershipTag = (typeof AFTERSHIP_TAGS)[number]

export interface AftershipCheckpoint {
  created_at?: string | null
  slug?: string | null
  checkpoint_time?: string | null
  location?: string | null
  city?: string | null
  state?: string | null
  postal_code?: string | null
  zip?: string | null
  country_region?: string | null
  country_iso3?: string | null
  message?: string | null
  tag?: string | null
  subtag?: string | null
  subtag_message?: string | null
  raw_tag?: string | null
  source?: string | null
  hash?: string | null
}

export interface AftershipEstimate {
  estimated_delivery_date?: string | null
}

export interface AftershipTracking {
  id?: string
  tracking_number: string
  slug?: string | null
  active?: boolean
  tag?: string | null
  subtag?: string | null
  subtag_message?: string | null
  shipment_delivery_date?: string | null
  destination_country_region?: string | null
  destination_country_iso3?: string | null
  origin_country_region?: string | null
  origin_country_iso3?: string | null
  destination_state?: string | null
  courier_estimated_delivery_date?: AftershipEstimate | null
  aftership_estimated_delivery_date?: AftershipEstimate | null
  expected_delivery?: string | null
  checkpoints?: AftershipCheckpoint[] | null
}

export interface AftershipMeta {
  code: number
  message?: string
  type?: string
}

/** GET /trackings?tracking_numbers=… (dated) → data.trackings; GET one → data (dated) or data.tracking (v4). */
export interface AftershipEnvelope {
  meta: AftershipMeta
  data?: {
    trackings?: AftershipTracking[]
    tracking?: AftershipTracking
    pagination?: { total?: number; next_cursor?: string | null; has_next_page?: boolean }
  } & Partial<AftershipTracking>
}

/** A webhook delivery (POST to our route). */
export interface AftershipWebhookBody {
  ts?: number
  event?: string
  event_id?: string
  is_tracking_first_tag?: boolean
  msg?: AftershipTracking
}
