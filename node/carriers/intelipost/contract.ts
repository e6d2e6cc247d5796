/**
 * Intelipost API v1 shapes the app reads (shared/contracts/carriers/intelipost/CONTRACT.md). Only
 * tracking-relevant fields; everything is optional because Intelipost's lookups return slightly
 * different subsets of the shipment order.
 */

/** Every answer: `status` OK or ERROR, with `messages`; do not rely on the HTTP status alone. */
export interface IntelipostEnvelope<T = unknown> {
  status?: 'OK' | 'ERROR' | string
  messages?: IntelipostMessage[] | null
  content?: T
  time?: string
  timezone?: string
  locale?: string
}

export interface IntelipostMessage {
  type?: string | null
  text?: string | null
  key?: string | null
}

export interface IntelipostMicroState {
  id?: number | null
  code?: string | null
  default_name?: string | null
  i18n_name?: string | null
  description?: string | null
  shipment_order_volume_state_id?: number | null
  name?: string | null
}

/** One entry of `shipment_order_volume_state_history_array`, and the `history` of a webhook. */
export interface IntelipostHistoryEntry {
  shipment_order_volume_id?: number | null
  shipment_order_volume_state?: string | null
  shipment_order_volume_state_localized?: string | null
  tracking_state?: string | null
  created?: number | null
  created_iso?: string | null
  event_date?: number | null
  event_date_iso?: string | null
  provider_message?: string | null
  provider_state?: string | null
  shipper_provider_state?: string | null
  esprinter_message?: string | null
  shipment_volume_micro_state?: IntelipostMicroState | null
  /** The history entry's own id. */
  shipment_order_volume_state_history?: number | null
}

export interface IntelipostVolume {
  shipment_order_volume_number?: string | null
  shipment_order_volume_state?: string | null
  shipment_order_volume_state_localized?: string | null
  tracking_code?: string | null
  logistic_provider_tracking_code?: string | null
  delivered?: boolean | null
  delivered_date?: number | null
  delivered_date_iso?: string | null
  estimated_delivery_date?: number | null
  estimated_delivery_date_iso?: string | null
  shipment_order_volume_state_history_array?: IntelipostHistoryEntry[] | null
}

export interface IntelipostShipmentOrder {
  order_number?: string | null
  sales_order_number?: string | null
  shipment_order_volume_state?: string | null
  estimated_delivery_date?: number | null
  estimated_delivery_date_iso?: string | null
  delivered_date?: number | null
  delivered_date_iso?: string | null
  shipment_order_volume_array?: IntelipostVolume[] | null
}

/** The webhook body ("Recebimento de status"): one history entry of one volume. */
export interface IntelipostWebhookBody {
  history?: IntelipostHistoryEntry | null
  order_number?: string | null
  sales_order_number?: string | null
  tracking_code?: string | null
  volume_number?: string | null
  tracking_url?: string | null
}

/** What the client hands the parser: Intelipost's envelope for each number asked. */
export interface IntelipostAnswer {
  trackingNumber: string
  envelope: unknown
}
