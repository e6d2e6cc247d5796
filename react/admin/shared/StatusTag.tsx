import React from 'react'
import { useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import type { TrackingStatus } from '../api/types'
import { statusLabel } from '../i18n/labels'

type TagLook = Pick<React.ComponentProps<typeof Tag>, 'type' | 'variation' | 'bgColor' | 'color'>

/**
 * Colours follow the styleguide's semantics: green done, red needs action, yellow watch, blue
 * moving; the blues are dark enough for small text (4.5:1), the rest comes from contrastTheme.
 */
const LOOK: Record<TrackingStatus, TagLook> = {
  PENDING: {},
  INFO_RECEIVED: {},
  IN_TRANSIT: { bgColor: '#cce8ff', color: '#1d4f8c' },
  OUT_FOR_DELIVERY: { bgColor: '#1565c0', color: '#ffffff' },
  AVAILABLE_FOR_PICKUP: { type: 'warning', variation: 'low' },
  ATTEMPT_FAIL: { type: 'warning' },
  DELIVERED: { type: 'success' },
  EXCEPTION: { type: 'error' },
  RETURN_TO_SENDER: { type: 'warning', variation: 'low' },
  RETURNED: { type: 'error', variation: 'low' },
  FAILURE: { type: 'error' },
  EXPIRED: { type: 'error', variation: 'low' },
  UNKNOWN: {},
}

export function StatusTag({ status, size = 'small' }: { status: TrackingStatus; size?: 'small' | 'regular' }) {
  const intl = useIntl()
  return (
    <span className="nowrap" data-status={status}>
      <Tag size={size} {...(LOOK[status] ?? {})}>
        {statusLabel(intl, status)}
      </Tag>
    </span>
  )
}
