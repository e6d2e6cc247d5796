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

export interface NoticeEntry {
  key: string
  kind: NoticeKind | 'update'
  state: 'sending' | 'sent' | 'failed' | 'unknown' | 'suppressed'
  reason: string | null
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
