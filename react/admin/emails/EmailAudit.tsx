import React from 'react'
import { useIntl } from 'react-intl'

import { useApi } from '../api/useApi'
import { SectionTitle } from '../detail/Facts'
import { Loader } from '../shared/Loader'
import { useFormat } from '../shared/useFormat'
import { emailApi } from './api'
import { emailMessages as m, emailStateLabel, kindLabel, localeLabel, reasonLabel } from './messages'
import type { NoticeEntry } from './types'

const STATE_COLOR: Record<NoticeEntry['state'], string> = {
  sent: 'c-success',
  sending: 'c-muted-1',
  failed: 'c-danger',
  unknown: 'c-warning',
  suppressed: 'c-muted-1',
}

/** Every customer email of one shipment: sent, failed, or not sent and why. */
export function EmailAudit({ shipmentId }: { shipmentId: string }) {
  const intl = useIntl()
  const format = useFormat()
  const audit = useApi(() => emailApi.audit(shipmentId), shipmentId)
  return (
    <div data-testid="email-audit">
      <SectionTitle>{intl.formatMessage(m.auditTitle)}</SectionTitle>
      <Loader state={audit}>
        {(entries) =>
          entries.length === 0 ? (
            <div className="t-small c-muted-1">{intl.formatMessage(m.auditEmpty)}</div>
          ) : (
            <ul className="list pl0 mt0">
              {entries.map((entry) => (
                <li key={entry.key} className="mb3 t-small lh-copy" data-testid={`email-${entry.state}`}>
                  <span className={`b ${STATE_COLOR[entry.state]}`}>{emailStateLabel(intl, entry.state)}</span>
                  {' · '}
                  <span className="c-on-base">{kindLabel(intl, entry.kind)}</span>
                  {entry.locale ? ` (${localeLabel(intl, entry.locale)})` : ''}
                  {entry.reason ? ` · ${reasonLabel(intl, entry.reason)}` : ''}
                  <div className="t-mini c-muted-1">
                    {format.dateTime(entry.decidedAt)}
                    {entry.eventDescription ? ` · ${entry.eventDescription}` : ''}
                    {entry.attempts > 1 ? ` · ${intl.formatMessage(m.auditAttempts, { count: entry.attempts })}` : ''}
                    {entry.error ? ` · ${entry.error}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loader>
    </div>
  )
}
