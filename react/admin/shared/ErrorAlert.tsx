import React from 'react'
import { useIntl } from 'react-intl'
import { Alert } from 'vtex.styleguide'

import type { ApiError } from '../api/client'
import { describeError } from '../i18n/describeError'
import { errorMessages } from '../i18n/messages'

/** A failed call, said plainly, with a retry button when the caller can retry. */
export function ErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const intl = useIntl()
  return (
    <div className="mb5" data-testid="api-error" data-status={error.status}>
      <Alert
        type={error.status === 401 || error.status === 403 ? 'warning' : 'error'}
        action={onRetry ? { label: intl.formatMessage(errorMessages.retry), onClick: onRetry } : undefined}
      >
        {describeError(intl, error)}
      </Alert>
    </div>
  )
}
