import { boundText, MAX_DESCRIPTION } from './bounds'
import type { TrackingStatus } from './status'

/**
 * What admins did to a shipment, kept on its registry document and never on the customer's order:
 * who, when, what, and the internal text they wrote. Bounded like everything else on the document
 * (tracking/bounds.ts): the newest MAX_ADMIN_LOG entries, each text cut to its cap. Every action is
 * also written to the runtime log.
 */
export const MAX_ADMIN_LOG = 10
/** Internal notes and incident reasons. */
export const MAX_ADMIN_NOTE = 200

export const INCIDENT_ACTIONS = ['resolve', 'snooze'] as const
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number]

export type AdminLogEntry =
  | {
      action: 'set_status'
      /** ISO instant. */
      at: string
      /** The admin's email. */
      by: string
      status: TrackingStatus
      /** Internal: for the support team only. */
      note: string | null
      /** What the order's event says (the customer sees it); null when the default text was used. */
      customerMessage: string | null
    }
  | {
      action: IncidentAction
      at: string
      by: string
      /** tracking/incidents.ts IncidentKind */
      kind: string
      reason: string
      /** Snoozed until (ISO instant); null when resolved. */
      until: string | null
    }

/** The log with `entry` appended, oldest dropped past MAX_ADMIN_LOG, texts bounded. */
export function appendAdminLog(log: readonly AdminLogEntry[] | undefined, entry: AdminLogEntry): AdminLogEntry[] {
  const bounded: AdminLogEntry =
    entry.action === 'set_status'
      ? {
          ...entry,
          note: entry.note === null ? null : boundText(entry.note, MAX_ADMIN_NOTE),
          customerMessage: entry.customerMessage === null ? null : boundText(entry.customerMessage, MAX_DESCRIPTION),
        }
      : { ...entry, reason: boundText(entry.reason, MAX_ADMIN_NOTE) }
  return [...(log ?? []), bounded].slice(-MAX_ADMIN_LOG)
}
