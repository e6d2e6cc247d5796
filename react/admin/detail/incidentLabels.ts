import type { MessageDescriptor } from 'react-intl'

import type { IncidentKind } from '../api/types'
import { viewMessages } from '../i18n/messages'

/** Each incident is named as its queue is (the "Show" filter and the counters use the same words). */
export const INCIDENT_LABEL: Record<IncidentKind, MessageDescriptor> = {
  overdue: viewMessages.overdue,
  stuck: viewMessages.stuck,
  attempt: viewMessages.attempts,
  exception: viewMessages.exceptions,
  returned: viewMessages.returned,
  failing: viewMessages.failing,
  expired: viewMessages.expired,
  awaiting: viewMessages.awaiting,
  unresolved: viewMessages.unresolved,
}
