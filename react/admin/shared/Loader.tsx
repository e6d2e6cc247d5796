import React from 'react'
import type { ReactNode } from 'react'
import { EmptyState, Spinner } from 'vtex.styleguide'

import type { ApiState } from '../api/useApi'
import { ErrorAlert } from './ErrorAlert'

/**
 * The one way this page waits for data: a Spinner until the first answer, the error (with retry)
 * when there is none, an EmptyState when the answer is empty, and the last good answer otherwise
 * (a refresh that fails keeps showing it, under the error).
 */
export function Loader<T>({
  state,
  isEmpty,
  emptyTitle,
  children,
}: {
  state: ApiState<T>
  isEmpty?: (data: T) => boolean
  emptyTitle?: ReactNode
  children: (data: T) => ReactNode
}) {
  const { data, error, reload } = state
  if (data === undefined) {
    if (error) return <ErrorAlert error={error} onRetry={reload} />
    return (
      <div className="flex justify-center pv8" data-testid="loading">
        <Spinner />
      </div>
    )
  }
  return (
    <>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {isEmpty?.(data) ? <EmptyState title={emptyTitle} /> : children(data)}
    </>
  )
}
