import React from 'react'
import { useIntl } from 'react-intl'
import { Alert, EmptyState, PageBlock, Spinner, Totalizer } from 'vtex.styleguide'

import type { SweepHealth, SweepSummary } from '../api/types'
import { sweepMessages as m } from '../i18n/messages'
import { useFormat } from '../shared/useFormat'

function StopNote({ sweep }: { sweep: SweepSummary }) {
  const intl = useIntl()
  if (sweep.running) return null
  if (sweep.stoppedBecause === 'time_budget' || !sweep.complete) {
    return (
      <Alert type="warning">
        {sweep.stoppedBecause && sweep.stoppedBecause !== 'time_budget'
          ? intl.formatMessage(m.stoppedOther, { reason: sweep.stoppedBecause })
          : intl.formatMessage(m.stoppedTimeBudget)}
      </Alert>
    )
  }
  return (
    <div className="t-small c-muted-1">
      {intl.formatMessage((sweep.dispatched ?? 0) === 0 ? m.stoppedNothingDue : m.complete)}
    </div>
  )
}

/** Warns when the scheduler never registered the sweep, or no run came for two intervals. */
function HealthWarning({ health }: { health: SweepHealth }) {
  const intl = useIntl()
  if (health.state === 'ok') return null
  const since = health.lastRunAt ?? health.scheduledAt
  const minutes = since ? Math.floor((Date.now() - Date.parse(since)) / 60_000) : 0
  return (
    <div className="mb5" data-testid="sweep-health-warning">
      <Alert type="error">
        {health.state === 'not_scheduled'
          ? intl.formatMessage(m.healthNotScheduled)
          : intl.formatMessage(m.healthLate, { minutes, interval: health.intervalMinutes })}
      </Alert>
    </div>
  )
}

/** When the scheduled sweep last ran, what it did, and whether it is running now. */
export function LastSweep({ sweep, health }: { sweep: SweepSummary | null; health: SweepHealth }) {
  const intl = useIntl()
  const format = useFormat()
  return (
    <PageBlock title={intl.formatMessage(m.title)} subtitle={intl.formatMessage(m.subtitle)}>
      <HealthWarning health={health} />
      {!sweep ? (
        <EmptyState title={intl.formatMessage(m.never)} />
      ) : (
        <div data-testid="last-sweep">
          <div className="flex items-center mb5 t-body c-on-base">
            {sweep.running ? (
              <>
                <Spinner size={20} />
                <span className="ml3" data-testid="sweep-running">
                  {intl.formatMessage(m.running, {
                    time: format.dateTime(sweep.startedAt),
                    relative: format.relative(sweep.startedAt),
                  })}
                </span>
              </>
            ) : (
              <span>
                {intl.formatMessage(m.finished, {
                  relative: format.relative(sweep.finishedAt ?? sweep.startedAt),
                  time: format.dateTime(sweep.finishedAt ?? sweep.startedAt),
                })}
                <span className="c-muted-1 ml3">
                  {intl.formatMessage(m.duration, { duration: format.duration(sweep.durationMs) })}
                </span>
              </span>
            )}
          </div>
          <Totalizer
            items={[
              { label: intl.formatMessage(m.dispatched), value: format.number(sweep.dispatched ?? 0) },
              { label: intl.formatMessage(m.batches), value: format.number(sweep.batches ?? 0) },
            ]}
          />
          <div className="mt5">
            <StopNote sweep={sweep} />
          </div>
        </div>
      )}
    </PageBlock>
  )
}
