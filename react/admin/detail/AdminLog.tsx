import React from 'react'
import { useIntl } from 'react-intl'

import type { AdminLogEntry } from '../api/types'
import { statusLabel } from '../i18n/labels'
import { incidentMessages as m } from '../i18n/messages'
import { useFormat } from '../shared/useFormat'
import { SectionTitle } from './Facts'
import { INCIDENT_LABEL } from './incidentLabels'

/** What admins did to this shipment, newest first: internal, never on the order. */
export function AdminLog({ entries }: { entries: AdminLogEntry[] }) {
  const intl = useIntl()
  const format = useFormat()
  const newestFirst = [...entries].reverse()
  return (
    <section data-testid="admin-log">
      <SectionTitle>{intl.formatMessage(m.logSection)}</SectionTitle>
      {newestFirst.length === 0 && <p className="t-small c-muted-1 mt0">{intl.formatMessage(m.logEmpty)}</p>}
      <ol className="list pl0 mt0">
        {newestFirst.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className="pv2 bb b--muted-4 t-small" data-testid="admin-log-entry">
            <div className="c-muted-1 t-mini">{format.dateTime(entry.at)}</div>
            {entry.action === 'set_status' ? (
              <>
                <div className="c-on-base">
                  {intl.formatMessage(m.logStatus, { by: entry.by, status: statusLabel(intl, entry.status) })}
                </div>
                {entry.note && <div className="c-on-base">{intl.formatMessage(m.logNote, { note: entry.note })}</div>}
                {entry.customerMessage && (
                  <div className="c-muted-1">
                    {intl.formatMessage(m.logCustomerMessage, { message: entry.customerMessage })}
                  </div>
                )}
              </>
            ) : (
              <>
                <div className="c-on-base">
                  {entry.action === 'resolve'
                    ? intl.formatMessage(m.logResolve, {
                        by: entry.by,
                        kind: intl.formatMessage(INCIDENT_LABEL[entry.kind]),
                      })
                    : intl.formatMessage(m.logSnooze, {
                        by: entry.by,
                        kind: intl.formatMessage(INCIDENT_LABEL[entry.kind]),
                        time: format.dateTime(entry.until),
                      })}
                </div>
                <div className="c-on-base">{intl.formatMessage(m.logReason, { reason: entry.reason })}</div>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
