import React from 'react'
import { useIntl } from 'react-intl'
import { EmptyState, PageBlock, Table, Tag } from 'vtex.styleguide'

import type { CarrierHealth as Health } from '../api/types'
import { a11yMessages, carrierMessages as m } from '../i18n/messages'
import { useFormat } from '../shared/useFormat'
import { DANGER_TEXT, WARNING_TEXT } from '../shared/textColors'

/** Error rate at or above which a carrier integration is shown as failing / degraded. */
const FAILING_RATE = 0.5
const DEGRADED_RATE = 0.1

function HealthTag({ carrier, pollingIntervalHours }: { carrier: Health; pollingIntervalHours: number }) {
  const intl = useIntl()
  if (!carrier.active) return <Tag size="small">{intl.formatMessage(m.inactive)}</Tag>
  // Silence outranks the error rate: no check at all has no error rate.
  if (carrier.staleness === 'error')
    return (
      <Tag size="small" type="error">
        {intl.formatMessage(m.staleError, { hours: 2 * pollingIntervalHours })}
      </Tag>
    )
  if (carrier.staleness === 'warning')
    return (
      <Tag size="small" type="warning">
        {intl.formatMessage(m.staleWarning, { hours: pollingIntervalHours })}
      </Tag>
    )
  if (carrier.checked > 0 && carrier.errorRate >= FAILING_RATE)
    return (
      <Tag size="small" type="error">
        {intl.formatMessage(m.failing)}
      </Tag>
    )
  if (carrier.checked > 0 && carrier.errorRate >= DEGRADED_RATE)
    return (
      <Tag size="small" type="warning">
        {intl.formatMessage(m.degraded)}
      </Tag>
    )
  return (
    <Tag size="small" type="success">
      {intl.formatMessage(m.healthy)}
    </Tag>
  )
}

/** Aggregators: the last verified push, pushes refused for their signature, the quota the API reports. */
function PushCell({ carrier }: { carrier: Health }) {
  const intl = useIntl()
  const format = useFormat()
  if (carrier.push === undefined && carrier.quota === undefined) return <span>{format.empty}</span>
  const refused = carrier.push ? carrier.push.rejected.bad_signature + carrier.push.rejected.missing_signature : 0
  return (
    <span className="t-small ws-normal" data-testid={`push-${carrier.carrier}`}>
      <span className="db">
        {carrier.push?.lastPushAt
          ? intl.formatMessage(m.pushLast, { when: format.relative(carrier.push.lastPushAt) })
          : intl.formatMessage(m.pushNone)}
      </span>
      {refused > 0 && (
        <span className="db" style={DANGER_TEXT}>
          {intl.formatMessage(m.pushRejected, { count: format.number(refused) })}
        </span>
      )}
      {carrier.quota && (
        <span className="db c-muted-1">
          {intl.formatMessage(m.quota, { remaining: format.number(carrier.quota.remaining) })}
        </span>
      )}
      {carrier.webhookUrl && (
        <span className="db" data-testid={`webhook-url-${carrier.carrier}`}>
          {intl.formatMessage(m.webhookUrl)} <code className="break-all">{carrier.webhookUrl}</code>
        </span>
      )}
    </span>
  )
}

/** Is each carrier's API answering? A silent integration is the failure VTEX's own tracking had. */
export function CarrierHealth({
  carriers,
  pollingIntervalHours,
}: {
  carriers: Health[]
  pollingIntervalHours: number
}) {
  const intl = useIntl()
  const format = useFormat()
  const items = carriers.map((carrier) => ({ ...carrier, id: carrier.carrier }))
  type Row = (typeof items)[number]
  return (
    <PageBlock title={intl.formatMessage(m.title)} subtitle={intl.formatMessage(m.subtitle)}>
      {items.length === 0 ? (
        <EmptyState title={intl.formatMessage(m.empty)} />
      ) : (
        <div data-testid="carrier-health" data-a11y-label={intl.formatMessage(a11yMessages.carrierTable)}>
          <Table<Row>
            fullWidth
            dynamicRowHeight
            items={items}
            schema={{
              properties: {
                displayName: {
                  title: intl.formatMessage(m.columnCarrier),
                  width: 160,
                  cellRenderer: ({ rowData }) => <span className="fw5">{rowData.displayName}</span>,
                },
                active: {
                  title: intl.formatMessage(m.columnConnection),
                  width: 260,
                  cellRenderer: ({ rowData }) => (
                    <span className="ws-normal" data-staleness={rowData.staleness}>
                      <HealthTag carrier={rowData} pollingIntervalHours={pollingIntervalHours} />
                    </span>
                  ),
                },
                lastSuccessAt: {
                  title: intl.formatMessage(m.columnLastSuccess),
                  width: 210,
                  cellRenderer: ({ rowData }) =>
                    rowData.lastSuccessAt ? (
                      <span
                        title={format.dateTime(rowData.lastSuccessAt)}
                        className={rowData.staleness === 'ok' ? '' : 'fw5'}
                        style={
                          rowData.staleness === 'ok'
                            ? undefined
                            : rowData.staleness === 'error'
                              ? DANGER_TEXT
                              : WARNING_TEXT
                        }
                      >
                        {format.relative(rowData.lastSuccessAt)}
                      </span>
                    ) : (
                      <span className="c-muted-1">{intl.formatMessage(m.never)}</span>
                    ),
                },
                checked: {
                  title: intl.formatMessage(m.columnChecked),
                  width: 110,
                  cellRenderer: ({ rowData }) => format.number(rowData.checked),
                },
                errors: {
                  title: intl.formatMessage(m.columnErrors),
                  width: 100,
                  cellRenderer: ({ rowData }) => (
                    <span style={rowData.errors > 0 ? DANGER_TEXT : undefined}>{format.number(rowData.errors)}</span>
                  ),
                },
                errorRate: {
                  title: intl.formatMessage(m.columnErrorRate),
                  width: 120,
                  cellRenderer: ({ rowData }) =>
                    rowData.checked > 0 ? format.percent(rowData.errorRate) : format.empty,
                },
                push: {
                  title: intl.formatMessage(m.columnPushes),
                  width: 240,
                  cellRenderer: ({ rowData }) => <PushCell carrier={rowData} />,
                },
                lastError: {
                  title: intl.formatMessage(m.columnLastError),
                  minWidth: 200,
                  cellRenderer: ({ rowData }) => (
                    <span className="t-small c-muted-1 ws-normal" title={rowData.lastError ?? undefined}>
                      {rowData.lastError ?? format.empty}
                    </span>
                  ),
                },
              },
            }}
          />
        </div>
      )}
    </PageBlock>
  )
}
