import type { NoticeKind, SuppressReason } from './kinds'

/**
 * - sending: claimed by a worker that is calling sendmail now
 * - sent: Message Center accepted it
 * - failed: Message Center refused it with an answer (retried on a later check, a few times)
 * - unknown: no answer (timeout, connection lost): it may have gone out, so it is never re-sent
 * - suppressed: decided not to send, with a reason
 */
export type NoticeState = 'sending' | 'sent' | 'failed' | 'unknown' | 'suppressed'

/** One line of a shipment's email audit, and the send record that makes each email go out once. */
export interface NoticeEntry {
  key: string
  kind: NoticeKind | 'update'
  state: NoticeState
  reason: SuppressReason | null
  /** When the milestone happened (carrier time). */
  eventAt: string
  eventDescription: string | null
  /** When this entry last changed. */
  decidedAt: string
  locale: string | null
  templateName: string | null
  attempts: number
  error: string | null
}

/** Per shipment, in VBase: the audit and the send record are the same list. */
export interface NoticeLedger {
  entries: NoticeEntry[]
}

/** A failed send is retried on the next checks, this many times in all. */
export const MAX_SEND_ATTEMPTS = 3
/** A claim older than this belongs to a worker that died mid-send: outcome unknown, never re-sent. */
export const SENDING_TTL_MS = 10 * 60_000
/** Scan-noise lines kept per shipment (milestone lines are bounded by the statuses a parcel goes through). */
export const MAX_NOISE_ENTRIES = 10

export const emptyLedger = (): NoticeLedger => ({ entries: [] })

export const entryOf = (ledger: NoticeLedger, key: string): NoticeEntry | undefined =>
  ledger.entries.find((entry) => entry.key === key)

/** Adds or replaces entries by key; keeps only the newest scan-noise lines. */
export function upsertEntries(ledger: NoticeLedger, changes: readonly NoticeEntry[]): NoticeLedger {
  const byKey = new Map(ledger.entries.map((entry) => [entry.key, entry]))
  for (const change of changes) byKey.set(change.key, change)
  const entries = [...byKey.values()]
  const noise = entries.filter((entry) => entry.kind === 'update')
  const dropped = new Set(noise.slice(0, Math.max(0, noise.length - MAX_NOISE_ENTRIES)).map((entry) => entry.key))
  return { entries: entries.filter((entry) => !dropped.has(entry.key)) }
}

/** Claims that outlived their worker become `unknown`: whether the customer got it cannot be known. */
export function expireClaims(ledger: NoticeLedger, now: number): NoticeEntry[] {
  return ledger.entries
    .filter((entry) => entry.state === 'sending' && now - Date.parse(entry.decidedAt) > SENDING_TTL_MS)
    .map((entry) => ({
      ...entry,
      state: 'unknown' as const,
      decidedAt: new Date(now).toISOString(),
      error: 'the worker sending it stopped before knowing the outcome',
    }))
}

export interface LedgerCounts {
  sent: number
  suppressed: number
  failed: number
}

export function countsOf(ledger: NoticeLedger): LedgerCounts {
  const count = (state: NoticeState): number => ledger.entries.filter((entry) => entry.state === state).length
  return { sent: count('sent'), suppressed: count('suppressed'), failed: count('failed') + count('unknown') }
}
