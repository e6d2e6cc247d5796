import type { Milestone } from '../../notifications/milestones'
import type { NoticeState } from '../../notifications/ledger'
import type { ShipmentRecord } from '../../tracking/shipment'
import type { NoticeData } from '../../templates/messageCenter'
import { messageCenterTemplate, templateName } from '../../templates/messageCenter'
import type { AppContext } from '../../typings/context'
import { httpStatusOf } from '../platformErrors'
import type { CustomerFacts } from './orderFacts'

/** Templates known to exist, per account: one GET per template and process, not one per email. */
const published = new Set<string>()

export interface SendOutcome {
  state: Extract<NoticeState, 'sent' | 'failed' | 'unknown'>
  error: string | null
}

/**
 * One email through Message Center: creates the app's template on first use, then one sendmail,
 * never retried here. A refusal with an answer is `failed` (nothing went out: retry later); no
 * answer (timeout, gateway timeout, lost connection) is `unknown` (it may have gone out: never resent).
 */
export async function sendNotice(
  ctx: AppContext,
  milestone: Milestone,
  customer: CustomerFacts,
  data: NoticeData
): Promise<SendOutcome> {
  const name = templateName(milestone.kind, customer.locale)
  try {
    await ensureTemplate(ctx, name, () => messageCenterTemplate(milestone.kind, customer.locale))
  } catch (error) {
    return { state: 'failed', error: `template ${name}: ${describe(error)}` }
  }
  try {
    await ctx.clients.mail.sendMail({ templateName: name, jsonData: { data: { ...data } } })
    return { state: 'sent', error: null }
  } catch (error) {
    const status = httpStatusOf(error)
    const answered = status !== undefined && status !== 408 && status !== 504
    return { state: answered ? 'failed' : 'unknown', error: describe(error) }
  }
}

async function ensureTemplate(
  ctx: AppContext,
  name: string,
  build: () => ReturnType<typeof messageCenterTemplate>
): Promise<void> {
  const key = `${ctx.vtex.account}/${name}`
  if (published.has(key)) return
  const existing = await ctx.clients.mail.getTemplate(name)
  // A template the merchant edited in Message Center is theirs: never overwritten.
  if (existing === null) await ctx.clients.mail.publishTemplate(build())
  published.add(key)
}

/** The variables every template reads as `{{data.…}}`. */
export function noticeData(
  record: ShipmentRecord,
  milestone: Milestone,
  customer: CustomerFacts,
  storeName: string
): NoticeData {
  const event = milestone.event ?? record.events[record.events.length - 1] ?? null
  return {
    email: customer.email,
    customerName: customer.customerName,
    storeName,
    orderId: record.orderId,
    trackingNumber: record.trackingNumberRaw ?? record.trackingNumber ?? '',
    trackingUrl: record.trackingUrl ?? '',
    courier: record.courierName ?? record.carrier ?? '',
    eventDescription: event?.description ?? '',
    eventDate: event ? formatDate(event.occurredAt, customer.locale) : '',
    eventLocation: event?.location ? [event.location.city, event.location.state].filter(Boolean).join(', ') : '',
  }
}

const LANGUAGE_TAG = { en: 'en-US', pt: 'pt-BR', es: 'es' } as const

/** The carrier's wall-clock time, as the customer reads dates. */
function formatDate(occurredAt: string, locale: keyof typeof LANGUAGE_TAG): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(occurredAt)
  if (!match) return occurredAt
  const [, y, m, d, hh, mm] = match
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm)))
  return DATE_FORMATS[locale].format(date)
}

/** Built once: an Intl formatter costs far more to make than to use. */
const DATE_FORMATS = {
  en: new Intl.DateTimeFormat(LANGUAGE_TAG.en, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  pt: new Intl.DateTimeFormat(LANGUAGE_TAG.pt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  es: new Intl.DateTimeFormat(LANGUAGE_TAG.es, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
}

const describe = (error: unknown): string => {
  const status = httpStatusOf(error)
  const message = error instanceof Error ? error.message : String(error)
  return (status ? `HTTP ${status}: ` : '') + message.slice(0, 300)
}

export const resetPublishedTemplates = (): void => published.clear()
