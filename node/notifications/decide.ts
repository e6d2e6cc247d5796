import type { ShipmentRecord } from '../tracking/shipment'
import type { NoticeKind, SuppressReason } from './kinds'
import { vtexSends } from './kinds'
import type { NoticeEntry, NoticeLedger } from './ledger'
import { entryOf, MAX_SEND_ATTEMPTS } from './ledger'
import type { Milestone } from './milestones'
import { milestonesOf } from './milestones'

export interface EmailPolicy {
  /** Master switch for the app's own emails. */
  enabled: boolean
  /** Per kind: may the app send it (VTEX's own emails are switched in Message Center). */
  kinds: Record<NoticeKind, boolean>
  /** A change older than this is not announced (a backfill or a long outage must not spam). */
  maxAgeHours: number
}

/** What the order says about who must hear from the app. */
export interface OrderFacts {
  fulfillment: boolean
  hasEmail: boolean
}

export interface NoticeInput {
  record: ShipmentRecord
  ledger: NoticeLedger
  /** This check wrote new carrier events to the order. */
  changed: boolean
  now: number
  policy: EmailPolicy
}

export interface NoticeDecision {
  /** Entries to record as they are (suppressions, scan noise). */
  record: NoticeEntry[]
  /** At most one email per shipment per check: the newest news. */
  send: Milestone | null
}

/** Milestones with nothing recorded yet, and failed sends still worth a retry: is the order needed? */
export function pendingMilestones(record: ShipmentRecord, ledger: NoticeLedger): Milestone[] {
  return milestonesOf(record).filter((milestone) => {
    const entry = entryOf(ledger, milestone.key)
    return entry === undefined || (entry.state === 'failed' && entry.attempts < MAX_SEND_ATTEMPTS)
  })
}

/**
 * Pure: which email (if any) this check sends and why each other one is not sent. Only the newest
 * pending milestone can be sent; older ones it overtook are recorded as superseded, so a backfill
 * or a check that found several scans at once tells the customer the current news only.
 */
export function decideNotices(input: NoticeInput, order: OrderFacts | null): NoticeDecision {
  const { record, ledger, now } = input
  const nowIso = new Date(now).toISOString()
  const pending = pendingMilestones(record, ledger)
  const decided: NoticeEntry[] = []
  const suppress = (milestone: Milestone, reason: SuppressReason): void => {
    decided.push(entryFor(milestone, ledger, nowIso, { state: 'suppressed', reason }))
  }
  const newest = pending[pending.length - 1]
  const deliveredBefore = ledger.entries.some((entry) => entry.kind === 'delivered')
  const deliveredNow = pending.some((milestone) => milestone.kind === 'delivered')

  let send: Milestone | null = null
  for (const milestone of pending) {
    const reason = reasonNotToSend(milestone, milestone === newest, { input, order, deliveredBefore, deliveredNow })
    if (reason) suppress(milestone, reason)
    else if (order !== null) send = milestone
  }
  const last = record.events[record.events.length - 1]
  const lastAt = last ? new Date(last.occurredAt).toISOString() : undefined
  const lastIsMilestone = milestonesOf(record).some((milestone) => milestone.event !== null && milestone.at === lastAt)
  if (input.changed && last && !lastIsMilestone && pending.every((milestone) => milestone.event === null)) {
    const key = `update@${lastAt}`
    if (!entryOf(ledger, key)) {
      decided.push({
        ...blankEntry(key, 'update', last.occurredAt, last.description, nowIso),
        state: 'suppressed',
        reason: 'scan_noise',
      })
    }
  }
  return { record: decided, send }
}

interface ReasonContext {
  input: NoticeInput
  order: OrderFacts | null
  deliveredBefore: boolean
  deliveredNow: boolean
}

function reasonNotToSend(milestone: Milestone, isNewest: boolean, rc: ReasonContext): SuppressReason | null {
  const { record, now, policy } = rc.input
  if (record.state === 'expired') return 'shipment_stale'
  if (rc.order !== null && vtexSends(milestone.kind, rc.order.fulfillment)) return 'vtex_sends'
  if (beforeBackfill(record, milestone)) return 'before_backfill'
  if (milestone.kind !== 'delivered' && (rc.deliveredBefore || rc.deliveredNow)) return 'already_delivered'
  if (!isNewest) return 'superseded'
  if (now - Date.parse(milestone.at) > policy.maxAgeHours * 3600_000) return 'too_old'
  if (sentRecently(rc.input.ledger, milestone)) return 'already_sent'
  if (rc.order === null) return null
  if (!policy.enabled || !policy.kinds[milestone.kind]) return 'disabled'
  if (!rc.order.hasEmail) return 'no_customer_email'
  return null
}

/**
 * A shipment the backfill registered (invoiced before the app was installed) never emails news
 * from before the backfill started, however recent: the customer heard nothing then, and hearing
 * it now is noise. "Shipped" dates from the invoice, not from the app's later write of the link.
 */
export function beforeBackfill(
  record: Pick<ShipmentRecord, 'emailsFrom' | 'invoicedAt'>,
  milestone: Milestone
): boolean {
  if (!record.emailsFrom) return false
  const newsAt = milestone.kind === 'shipped' ? record.invoicedAt : milestone.at
  return Date.parse(newsAt) < Date.parse(record.emailsFrom)
}

/** The same news twice in a few hours (a carrier re-scanning "out for delivery") is one email. */
const REPEAT_WINDOW_MS = 12 * 3600_000

const sentRecently = (ledger: NoticeLedger, milestone: Milestone): boolean =>
  ledger.entries.some(
    (entry) =>
      entry.kind === milestone.kind &&
      entry.key !== milestone.key &&
      (entry.state === 'sent' || entry.state === 'sending' || entry.state === 'unknown') &&
      Math.abs(Date.parse(milestone.at) - Date.parse(entry.eventAt)) < REPEAT_WINDOW_MS
  )

function entryFor(
  milestone: Milestone,
  ledger: NoticeLedger,
  nowIso: string,
  change: Pick<NoticeEntry, 'state' | 'reason'>
): NoticeEntry {
  const previous = entryOf(ledger, milestone.key)
  return {
    ...(previous ??
      blankEntry(milestone.key, milestone.kind, milestone.at, milestone.event?.description ?? null, nowIso)),
    ...change,
    decidedAt: nowIso,
  }
}

export function blankEntry(
  key: string,
  kind: NoticeEntry['kind'],
  eventAt: string,
  eventDescription: string | null,
  nowIso: string
): NoticeEntry {
  return {
    key,
    kind,
    state: 'suppressed',
    reason: null,
    eventAt: new Date(eventAt).toISOString(),
    eventDescription,
    decidedAt: nowIso,
    locale: null,
    templateName: null,
    attempts: 0,
    error: null,
  }
}
