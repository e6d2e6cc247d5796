import type { NoticeEntry } from '../../notifications/ledger'
import type { AppContext } from '../../typings/context'
import { NoticeStore } from '../notifications/noticeStore'

/** The shipment's email audit, newest first: every email sent, failed or suppressed, with its reason. */
export async function shipmentEmails(ctx: AppContext, id: string): Promise<NoticeEntry[]> {
  const { ledger } = await new NoticeStore(ctx.clients.vbase).read(id)
  return [...ledger.entries].sort(
    (a, b) => b.decidedAt.localeCompare(a.decidedAt) || b.eventAt.localeCompare(a.eventAt)
  )
}
