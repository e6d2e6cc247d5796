/**
 * The customer emails the app knows about, one per status change that matters to a shopper.
 * Which of them VTEX already sends (for orders that get VTEX's transactional emails at all) is
 * decided here, in one table, so the app never repeats VTEX's news.
 */
export const NOTICE_KINDS = [
  'shipped',
  'first_update',
  'in_transit',
  'out_for_delivery',
  'attempt_fail',
  'available_for_pickup',
  'exception',
  'delivered',
] as const

export type NoticeKind = (typeof NOTICE_KINDS)[number]

export const isNoticeKind = (value: unknown): value is NoticeKind =>
  typeof value === 'string' && (NOTICE_KINDS as readonly string[]).includes(value)

/**
 * What VTEX's own Message Center templates cover on a regular order (help "Order transactional
 * email templates"): "Order shipped" on the first invoice write with number and URL, "Shipping
 * update" on every later change of events (the first one is lost: known issue "The first shipping
 * update email is not sent…"), "Order delivered" on `isDelivered: true`. Nothing covers the
 * first update, out for delivery, a failed attempt, pickup or an exception as such.
 */
const VTEX_SENDS: ReadonlySet<NoticeKind> = new Set<NoticeKind>(['shipped', 'in_transit', 'delivered'])

/** "Notice: fulfillment orders do not receive transactional emails from VTEX." */
export const isFulfillmentOrigin = (origin: string | null | undefined): boolean => origin === 'Fulfillment'

export const vtexSends = (kind: NoticeKind, fulfillment: boolean): boolean => !fulfillment && VTEX_SENDS.has(kind)

/** Why the app did not send an email it considered. Shown (translated) in the admin audit. */
export const SUPPRESS_REASONS = [
  'vtex_sends',
  'scan_noise',
  'already_sent',
  'no_customer_email',
  'disabled',
  'too_old',
  'superseded',
  'already_delivered',
  'shipment_stale',
  'before_backfill',
] as const

export type SuppressReason = (typeof SUPPRESS_REASONS)[number]
