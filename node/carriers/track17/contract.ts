/**
 * 17TRACK Tracking API v2.4 payloads (shared/contracts/carriers/17track/CONTRACT.md). Every
 * endpoint is a POST of a JSON array; answers are `{code, data{accepted[], rejected[]}}`. Only
 * what the app reads is typed.
 */

export interface Track17TimeRaw {
  date?: string | null
  time?: string | null
  timezone?: string | null
}

export interface Track17Address {
  country?: string | null
  state?: string | null
  city?: string | null
  postal_code?: string | null
}

export interface Track17Event {
  time_iso?: string | null
  time_utc?: string | null
  time_raw?: Track17TimeRaw | null
  description?: string | null
  location?: string | null
  stage?: string | null
  sub_status?: string | null
  address?: Track17Address | null
}

export interface Track17TrackInfo {
  shipping_info?: { shipper_address?: Track17Address | null; recipient_address?: Track17Address | null } | null
  latest_status?: { status?: string | null; sub_status?: string | null; sub_status_descr?: string | null } | null
  time_metrics?: { estimated_delivery_date?: { from?: string | null; to?: string | null } | null } | null
  tracking?: {
    providers?: Array<{ provider?: { key?: number; name?: string | null }; events?: Track17Event[] | null }> | null
  } | null
}

export interface Track17Accepted {
  number: string
  carrier?: number | string | null
  track_info?: Track17TrackInfo | null
}

export interface Track17Rejected {
  number?: string
  carrier?: number | string | null
  error?: { code?: number; message?: string }
}

export interface Track17Envelope {
  code: number
  data?: {
    accepted?: Track17Accepted[]
    rejected?: Track17Rejected[]
    errors?: Array<{ code?: number; message?: string }>
  }
}

export interface Track17Webhook {
  event?: string
  data?: Track17Accepted
}

/** 17TRACK's quota answer (getquota). */
export interface Track17Quota {
  quota_total?: number
  quota_used?: number
  quota_remain?: number
}
