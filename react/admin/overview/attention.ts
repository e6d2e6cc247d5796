import type { MessageDescriptor } from 'react-intl'

import type { AttentionCounts, ShipmentView } from '../api/types'
import { attentionMessages as m } from '../i18n/messages'

export interface AttentionCard {
  key: keyof AttentionCounts
  label: MessageDescriptor
  help: MessageDescriptor
  /** Where the card leads: the shipments table with this queue. */
  view: ShipmentView
  /** Red when any, or yellow (needs a look, not an emergency). */
  severity: 'danger' | 'warning'
  /** Counted inside another card too (shown indented under it, never added to it). */
  partOf?: keyof AttentionCounts
}

/**
 * The queues of open incidents, worst first. "Never picked up" is the part of "stuck" without a
 * carrier scan at all: it sits under Stuck and says so, so nobody adds the two up.
 */
export const ATTENTION_CARDS: AttentionCard[] = [
  { key: 'overdue', label: m.overdueLabel, help: m.overdueHelp, view: 'overdue', severity: 'danger' },
  { key: 'stuck', label: m.stuckLabel, help: m.stuckHelp, view: 'stuck', severity: 'danger' },
  {
    key: 'neverPickedUp',
    label: m.neverPickedUpLabel,
    help: m.neverPickedUpHelp,
    view: 'neverPickedUp',
    severity: 'warning',
    partOf: 'stuck',
  },
  {
    key: 'failedAttempts',
    label: m.failedAttemptsLabel,
    help: m.failedAttemptsHelp,
    view: 'attempts',
    severity: 'warning',
  },
  { key: 'exceptions', label: m.exceptionsLabel, help: m.exceptionsHelp, view: 'exceptions', severity: 'danger' },
  { key: 'returned', label: m.returnedLabel, help: m.returnedHelp, view: 'returned', severity: 'warning' },
  { key: 'failing', label: m.failingLabel, help: m.failingHelp, view: 'failing', severity: 'danger' },
  { key: 'expired', label: m.expiredLabel, help: m.expiredHelp, view: 'expired', severity: 'warning' },
  {
    key: 'awaitingTracking',
    label: m.awaitingTrackingLabel,
    help: m.awaitingTrackingHelp,
    view: 'awaiting',
    severity: 'warning',
  },
  {
    key: 'unresolvedCarrier',
    label: m.unresolvedCarrierLabel,
    help: m.unresolvedCarrierHelp,
    view: 'unresolved',
    severity: 'warning',
  },
]
