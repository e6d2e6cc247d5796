/**
 * Melhor Envio API v2 shapes the app reads (shared/contracts/carriers/melhor-envio/CONTRACT.md).
 * No official spec or licensed sample exists: these are the field lists of the contract notes.
 */

/** One value of `POST /shipment/tracking`'s answer, which is keyed by order id. */
export interface MelhorEnvioTrackingEntry {
  id?: string | null
  protocol?: string | null
  status?: string | null
  /** The carrier's own tracking code (Correios, Jadlog, ...). */
  tracking?: string | null
  melhorenvio_tracking?: string | null
  created_at?: string | null
  paid_at?: string | null
  generated_at?: string | null
  posted_at?: string | null
  delivered_at?: string | null
  canceled_at?: string | null
  expired_at?: string | null
}

export type MelhorEnvioTrackingResponse = Record<string, MelhorEnvioTrackingEntry>

/** An order as `GET /orders/search?q=` lists it (only what resolving a code needs). */
export interface MelhorEnvioOrderSummary {
  id?: string | null
  protocol?: string | null
  tracking?: string | null
  self_tracking?: string | null
  status?: string | null
}

/** The webhook body: `{ event, data }`. */
export interface MelhorEnvioWebhookBody {
  event?: string | null
  data?: (MelhorEnvioTrackingEntry & { updated_at?: string | null }) | null
}

/** What the client hands the parser: which order each number resolved to, and the tracking answer. */
export interface MelhorEnvioAnswer {
  /** Requested number -> Melhor Envio order id (null: no order has that code). */
  orders: Record<string, string | null>
  tracking: MelhorEnvioTrackingResponse
}
