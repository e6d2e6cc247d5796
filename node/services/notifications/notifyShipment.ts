import type { NoticeDecision } from '../../notifications/decide'
import { decideNotices, pendingMilestones } from '../../notifications/decide'
import type { NoticeEntry, NoticeLedger } from '../../notifications/ledger'
import { countsOf, entryOf, expireClaims, upsertEntries } from '../../notifications/ledger'
import type { Milestone } from '../../notifications/milestones'
import type { AppSettings } from '../../settings/appSettings'
import { templateName } from '../../templates/messageCenter'
import type { ShipmentPatch, ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import { NoticeStore } from './noticeStore'
import type { CustomerFacts } from './orderFacts'
import { customerFactsOf } from './orderFacts'
import { noticeData, sendNotice } from './sendNotice'

export interface NotifyInput {
  /** The shipment as this check leaves it (the registry document once its patch is saved). */
  record: ShipmentRecord
  /** This check wrote new carrier events to the order. */
  changed: boolean
  /** This check wrote the tracking number and URL to the invoice. */
  invoicePatched: boolean
  settings: AppSettings
}

/** The shipment's email counts, for the admin list and overview; saved with the check's own registry write. */
export type EmailSummary = Pick<ShipmentPatch, 'emailsSent' | 'emailsSuppressed' | 'emailOutcome'>

/**
 * After a check wrote the order: decide the customer emails it calls for, record every decision
 * (VBase, compare-and-swap: exactly once however often a check is redone), send at most one.
 * Never throws, so an email problem can neither fail nor roll back the tracking write; what failed
 * is retried by the next check, exactly once. Returns the email counts to save with the check's
 * registry write (one Master Data write per check), or null when they did not move.
 */
export async function notifyShipment(ctx: AppContext, input: NotifyInput): Promise<EmailSummary | null> {
  const log = { orderId: input.record.orderId, trackingNumber: input.record.trackingNumber }
  try {
    return await notify(ctx, input)
  } catch (error) {
    ctx.vtex.logger.warn({ message: 'customer email step failed', ...log, error: String(error) })
    return null
  }
}

async function notify(ctx: AppContext, input: NotifyInput): Promise<EmailSummary | null> {
  const { record, settings } = input
  // Nothing new written and no send to retry: no email can be due, not even a VBase read.
  if (!input.changed && !input.invoicePatched && record.emailOutcome !== 'failed') return null
  const store = new NoticeStore(ctx.clients.vbase)
  const { ledger, etag } = await store.read(record.id)
  const now = Date.now()
  const expired = expireClaims(ledger, now)
  const pending = pendingMilestones(record, ledger)
  if (pending.length === 0 && !input.changed && expired.length === 0) return null

  const customer =
    pending.length > 0 ? customerFactsOf(await ctx.clients.oms.order(record.orderId), settings.emails) : null
  const decision = decideNotices({ record, ledger, changed: input.changed, now, policy: settings.emails }, customer)
  const claim = decision.send && customer ? claimFor(ledger, decision.send, customer, now) : null
  const changes = [...expired, ...decision.record, ...(claim ? [claim] : [])]
  if (changes.length === 0) return null
  const claimed = upsertEntries(ledger, changes)
  if (!(await store.write(record.id, claimed, etag))) {
    ctx.vtex.logger.info({ message: 'another worker is deciding these emails', orderId: record.orderId })
    return null
  }
  logDecisions(ctx, record, decision)
  const final =
    claim && decision.send && customer ? await deliver(ctx, store, input, decision.send, claim, customer) : claimed
  return summaryOf(final)
}

function claimFor(ledger: NoticeLedger, milestone: Milestone, customer: CustomerFacts, now: number): NoticeEntry {
  const previous = entryOf(ledger, milestone.key)
  const nowIso = new Date(now).toISOString()
  return {
    key: milestone.key,
    kind: milestone.kind,
    state: 'sending',
    reason: null,
    eventAt: new Date(milestone.at).toISOString(),
    eventDescription: milestone.event?.description ?? null,
    decidedAt: nowIso,
    locale: customer.locale,
    templateName: templateName(milestone.kind, customer.locale),
    attempts: (previous?.attempts ?? 0) + 1,
    error: null,
  }
}

async function deliver(
  ctx: AppContext,
  store: NoticeStore,
  input: NotifyInput,
  milestone: Milestone,
  claim: NoticeEntry,
  customer: CustomerFacts
): Promise<NoticeLedger> {
  const storeName = input.settings.emails.storeName ?? ctx.vtex.account
  const outcome = await sendNotice(ctx, milestone, customer, noticeData(input.record, milestone, customer, storeName))
  const log = { orderId: input.record.orderId, trackingNumber: input.record.trackingNumber, kind: milestone.kind }
  if (outcome.state === 'sent')
    ctx.vtex.logger.info({ message: 'customer email sent', ...log, template: claim.templateName })
  else ctx.vtex.logger.warn({ message: 'customer email not sent', ...log, state: outcome.state, error: outcome.error })
  const done: NoticeEntry = {
    ...claim,
    state: outcome.state,
    error: outcome.error,
    decidedAt: new Date().toISOString(),
  }
  const saved = await store.update(input.record.id, (ledger) => {
    const current = entryOf(ledger, claim.key)
    // Only our own claim is settled; anything else means the ledger moved on without us.
    if (current?.state !== 'sending' || current.attempts !== claim.attempts) return null
    return upsertEntries(ledger, [done])
  })
  return saved ?? (await store.read(input.record.id)).ledger
}

/** The shipment's email counts on its registry document: the admin list and overview read them there. */
function summaryOf(ledger: NoticeLedger): EmailSummary {
  const counts = countsOf(ledger)
  const latest = [...ledger.entries].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt)).at(-1)
  const outcome = counts.failed > 0 ? 'failed' : counts.sent > 0 ? 'sent' : latest ? 'suppressed' : null
  return { emailsSent: counts.sent, emailsSuppressed: counts.suppressed, emailOutcome: outcome }
}

function logDecisions(ctx: AppContext, record: ShipmentRecord, decision: NoticeDecision): void {
  for (const entry of decision.record) {
    ctx.vtex.logger.info({
      message: 'customer email suppressed',
      orderId: record.orderId,
      trackingNumber: record.trackingNumber,
      kind: entry.kind,
      reason: entry.reason,
    })
  }
}
