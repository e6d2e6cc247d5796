/** Mirrors node/notifications (kinds.ts, ledger.ts): one line of a shipment's email audit. */
export type NoticeKind =
  | 'shipped'
  | 'first_update'
  | 'in_transit'
  | 'out_for_delivery'
  | 'attempt_fail'
  | 'available_for_pickup'
  | 'exception'
  | 'delivered'

export type EmailLocale = 'en' | 'pt' | 'es'

/** node/notifications/kinds.ts SUPPRESS_REASONS: why an email was not sent. */
export type SuppressReason =
  | 'vtex_sends'
  | 'scan_noise'
  | 'already_sent'
  | 'no_customer_email'
  | 'disabled'
  | 'too_old'
  | 'superseded'
  | 'already_delivered'
  | 'shipment_stale'
  | 'before_backfill'

export interface NoticeEntry {
  key: string
  kind: NoticeKind | 'update'
  state: 'sending' | 'sent' | 'failed' | 'unknown' | 'suppressed'
  reason: SuppressReason | null
  eventAt: string
  eventDescription: string | null
  decidedAt: string
  locale: EmailLocale | null
  templateName: string | null
  attempts: number
  error: string | null
}

export interface EmailPreview {
  kind: NoticeKind
  locale: EmailLocale
  templateName: string
  enabled: boolean
  subject: string
  html: string
}
