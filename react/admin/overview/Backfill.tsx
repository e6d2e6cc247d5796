import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { Alert, Button, EmptyState, PageBlock, Spinner, Totalizer } from 'vtex.styleguide'

import { adminApi, ApiError } from '../api/client'
import type { BackfillProgress } from '../api/types'
import { describeError } from '../i18n/describeError'
import { backfillMessages as m } from '../i18n/messages'
import { useFormat } from '../shared/useFormat'
import { useToast } from '../shared/useToast'

function ProgressLine({ backfill }: { backfill: BackfillProgress }) {
  const intl = useIntl()
  const format = useFormat()
  const processed = format.number(backfill.processedOrders)
  return (
    <div className="flex items-center flex-wrap mb5 t-body c-on-base" data-testid="backfill-progress">
      {backfill.running ? <Spinner size={20} /> : null}
      <span className={backfill.running ? 'ml3' : ''}>
        {backfill.totalOrders === null
          ? intl.formatMessage(m.progressUncounted, { processed })
          : intl.formatMessage(m.progress, { processed, total: format.number(backfill.totalOrders) })}
        {', '}
        {intl.formatMessage(m.started, {
          time: format.dateTime(backfill.startedAt),
          relative: format.relative(backfill.startedAt),
        })}
        {backfill.finishedAt ? (
          <>
            {', '}
            {intl.formatMessage(m.finished, { time: format.dateTime(backfill.finishedAt) })}
          </>
        ) : null}
      </span>
    </div>
  )
}

/** "Backfill: X of Y orders, started …, finished …", and a button to run it again. */
export function Backfill({
  backfill,
  trackingWindowDays,
  onChanged,
}: {
  backfill: BackfillProgress | null
  trackingWindowDays: number
  onChanged: () => void
}) {
  const intl = useIntl()
  const format = useFormat()
  const toast = useToast()
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const start = async (): Promise<void> => {
    setStarting(true)
    setError(null)
    try {
      const answer = await adminApi.backfill()
      toast(intl.formatMessage(answer.outcome === 'running' ? m.runningToast : m.startedToast))
      onChanged()
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught))
      setError(describeError(intl, apiError))
    } finally {
      setStarting(false)
    }
  }
  const stopped = backfill !== null && !backfill.running && backfill.finishedAt === null
  return (
    <PageBlock
      title={intl.formatMessage(m.title)}
      subtitle={intl.formatMessage(m.subtitle, { days: format.number(trackingWindowDays) })}
    >
      <div data-testid="backfill">
        {error ? (
          <div className="mb5">
            <Alert type="error">{error}</Alert>
          </div>
        ) : null}
        {backfill === null ? (
          <EmptyState title={intl.formatMessage(m.never)} />
        ) : (
          <>
            <ProgressLine backfill={backfill} />
            {stopped ? (
              <div className="mb5">
                <Alert type="warning">{intl.formatMessage(m.stopped)}</Alert>
              </div>
            ) : null}
            <Totalizer
              items={[
                { label: intl.formatMessage(m.registered), value: format.number(backfill.registeredOrders) },
                { label: intl.formatMessage(m.failed), value: format.number(backfill.failedOrders) },
              ]}
            />
          </>
        )}
        <div className="mt5">
          <Button
            variation="secondary"
            size="small"
            isLoading={starting}
            disabled={backfill?.running === true}
            onClick={() => void start()}
          >
            {intl.formatMessage(m.start)}
          </Button>
        </div>
      </div>
    </PageBlock>
  )
}
