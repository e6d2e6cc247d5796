import type { IntlShape, MessageDescriptor } from 'react-intl'
import { defineMessages } from 'react-intl'

import type { NoticeEntry } from './types'

export const emailMessages = defineMessages({
  auditTitle: { id: 'admin/order-tracking.emails.audit.title' },
  auditEmpty: { id: 'admin/order-tracking.emails.audit.empty' },
  auditAttempts: { id: 'admin/order-tracking.emails.audit.attempts' },
  previewsTitle: { id: 'admin/order-tracking.emails.previews.title' },
  previewsIntro: { id: 'admin/order-tracking.emails.previews.intro' },
  previewKind: { id: 'admin/order-tracking.emails.previews.kind' },
  previewLocale: { id: 'admin/order-tracking.emails.previews.locale' },
  previewSubject: { id: 'admin/order-tracking.emails.previews.subject' },
  previewDisabled: { id: 'admin/order-tracking.emails.previews.disabled' },
  countsSummary: { id: 'admin/order-tracking.emails.counts.summary' },
})

const kindMessages: Record<NoticeEntry['kind'], MessageDescriptor> = defineMessages({
  shipped: { id: 'admin/order-tracking.emails.kind.shipped' },
  first_update: { id: 'admin/order-tracking.emails.kind.first_update' },
  in_transit: { id: 'admin/order-tracking.emails.kind.in_transit' },
  out_for_delivery: { id: 'admin/order-tracking.emails.kind.out_for_delivery' },
  attempt_fail: { id: 'admin/order-tracking.emails.kind.attempt_fail' },
  available_for_pickup: { id: 'admin/order-tracking.emails.kind.available_for_pickup' },
  exception: { id: 'admin/order-tracking.emails.kind.exception' },
  delivered: { id: 'admin/order-tracking.emails.kind.delivered' },
  update: { id: 'admin/order-tracking.emails.kind.update' },
})

const stateMessages: Record<NoticeEntry['state'], MessageDescriptor> = defineMessages({
  sending: { id: 'admin/order-tracking.emails.state.sending' },
  sent: { id: 'admin/order-tracking.emails.state.sent' },
  failed: { id: 'admin/order-tracking.emails.state.failed' },
  unknown: { id: 'admin/order-tracking.emails.state.unknown' },
  suppressed: { id: 'admin/order-tracking.emails.state.suppressed' },
})

const reasonMessages: Record<string, MessageDescriptor> = defineMessages({
  vtex_sends: { id: 'admin/order-tracking.emails.reason.vtex_sends' },
  scan_noise: { id: 'admin/order-tracking.emails.reason.scan_noise' },
  already_sent: { id: 'admin/order-tracking.emails.reason.already_sent' },
  no_customer_email: { id: 'admin/order-tracking.emails.reason.no_customer_email' },
  disabled: { id: 'admin/order-tracking.emails.reason.disabled' },
  too_old: { id: 'admin/order-tracking.emails.reason.too_old' },
  superseded: { id: 'admin/order-tracking.emails.reason.superseded' },
  already_delivered: { id: 'admin/order-tracking.emails.reason.already_delivered' },
  shipment_stale: { id: 'admin/order-tracking.emails.reason.shipment_stale' },
  before_backfill: { id: 'admin/order-tracking.emails.reason.before_backfill' },
})

const localeMessages = defineMessages({
  en: { id: 'admin/order-tracking.emails.locale.en' },
  pt: { id: 'admin/order-tracking.emails.locale.pt' },
  es: { id: 'admin/order-tracking.emails.locale.es' },
})

const unknownCode = defineMessages({ code: { id: 'admin/order-tracking.common.unknownCode' } })

const label = (intl: IntlShape, table: Record<string, MessageDescriptor>, code: string): string =>
  table[code] ? intl.formatMessage(table[code]) : intl.formatMessage(unknownCode.code, { code })

export const kindLabel = (intl: IntlShape, kind: string): string => label(intl, kindMessages, kind)
export const emailStateLabel = (intl: IntlShape, state: string): string => label(intl, stateMessages, state)
export const reasonLabel = (intl: IntlShape, reason: string): string => label(intl, reasonMessages, reason)
export const localeLabel = (intl: IntlShape, locale: string): string => label(intl, localeMessages, locale)
