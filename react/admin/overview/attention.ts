import type { MessageDescriptor } from 'react-intl'

import type { AttentionCounts, ShipmentFilters } from '../api/types'
import { attentionMessages as m } from '../i18n/messages'

export interface AttentionCard {
  key: keyof AttentionCounts
  label: MessageDescriptor
  help: MessageDescriptor
  /** Where the card leads: the shipments table with this filter. */
  filters: ShipmentFilters
  /** Red when any, or yellow (needs a look, not an emergency). */
  severity: 'danger' | 'warning'
}

/**
 * The attention queue, worst first. "Never picked up" has no view of its own in the API: it is the
 * part of "stuck" still without a carrier scan, so it opens the stuck view narrowed to label-only.
 */
export const ATTENTION_CARDS: AttentionCard[] = [
  { key: 'overdue', label: m.overdueLabel, help: m.overdueHelp, filters: { view: 'overdue' }, severity: 'danger' },
  { key: 'stuck', label: m.stuckLabel, help: m.stuckHelp, filters: { view: 'stuck' }, severity: 'danger' },
  {
    key: 'neverPickedUp',
    label: m.neverPickedUpLabel,
    help: m.neverPickedUpHelp,
    filters: { view: 'stuck', status: 'INFO_RECEIVED' },
    severity: 'warning',
  },
  {
    key: 'exceptions',
    label: m.exceptionsLabel,
    help: m.exceptionsHelp,
    filters: { view: 'exceptions' },
    severity: 'danger',
  },
  { key: 'failing', label: m.failingLabel, help: m.failingHelp, filters: { view: 'failing' }, severity: 'danger' },
  { key: 'expired', label: m.expiredLabel, help: m.expiredHelp, filters: { view: 'expired' }, severity: 'warning' },
  {
    key: 'awaitingTracking',
    label: m.awaitingTrackingLabel,
    help: m.awaitingTrackingHelp,
    filters: { view: 'awaiting' },
    severity: 'warning',
  },
  {
    key: 'unresolvedCarrier',
    label: m.unresolvedCarrierLabel,
    help: m.unresolvedCarrierHelp,
    filters: { view: 'unresolved' },
    severity: 'warning',
  },
]
