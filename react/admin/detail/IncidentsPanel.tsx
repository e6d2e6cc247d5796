import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, Tag } from 'vtex.styleguide'

import type { Incident, ShipmentDetail } from '../api/types'
import { attentionMessages, incidentMessages as m } from '../i18n/messages'
import { useFormat } from '../shared/useFormat'
import { SectionTitle } from './Facts'
import { IncidentForm } from './IncidentForm'
import { INCIDENT_LABEL } from './incidentLabels'

function IncidentState({ incident }: { incident: Incident }) {
  const intl = useIntl()
  const format = useFormat()
  if (incident.resolved)
    return (
      <Tag size="small" type="success">
        {intl.formatMessage(m.resolved)}
      </Tag>
    )
  if (incident.silencedUntil)
    return <Tag size="small">{intl.formatMessage(m.snoozed, { time: format.dateTime(incident.silencedUntil) })}</Tag>
  return (
    <Tag size="small" type="error">
      {intl.formatMessage(m.open)}
    </Tag>
  )
}

/** The shipment's problems now, each open, snoozed or resolved, with the actions to work it off. */
export function IncidentsPanel({
  shipment,
  onChanged,
}: {
  shipment: ShipmentDetail
  onChanged: (updated: ShipmentDetail, message: string) => void
}) {
  const intl = useIntl()
  const format = useFormat()
  const [form, setForm] = useState<{ kind: Incident['kind']; action: 'resolve' | 'snooze' } | null>(null)
  const incidents = shipment.incidents ?? []
  return (
    <section data-testid="incidents" aria-labelledby="incidents-title">
      <SectionTitle id="incidents-title">{intl.formatMessage(m.section)}</SectionTitle>
      {incidents.length === 0 && <p className="t-small c-muted-1 mt0">{intl.formatMessage(m.none)}</p>}
      <ul className="list pl0 mt0">
        {incidents.map((incident) => {
          const label = intl.formatMessage(INCIDENT_LABEL[incident.kind])
          const open = incident.silencedUntil === null
          return (
            <li key={incident.kind} className="pv3 bb b--muted-4" data-testid={`incident-${incident.kind}`}>
              <div className="flex flex-wrap items-center justify-between">
                <div className="flex items-center flex-wrap">
                  <span className="t-body fw5 c-on-base mr3">{label}</span>
                  {incident.neverPickedUp && (
                    <span className="t-small c-muted-1 mr3">
                      {intl.formatMessage(attentionMessages.neverPickedUpLabel)}
                    </span>
                  )}
                  <IncidentState incident={incident} />
                </div>
                {open && form?.kind !== incident.kind && (
                  <div className="flex">
                    <span className="mr3">
                      <Button
                        size="small"
                        variation="secondary"
                        testId={`incident-resolve-${incident.kind}`}
                        onClick={() => setForm({ kind: incident.kind, action: 'resolve' })}
                      >
                        {intl.formatMessage(m.resolve)}
                      </Button>
                    </span>
                    <Button
                      size="small"
                      variation="tertiary"
                      testId={`incident-snooze-${incident.kind}`}
                      onClick={() => setForm({ kind: incident.kind, action: 'snooze' })}
                    >
                      {intl.formatMessage(m.snooze)}
                    </Button>
                  </div>
                )}
              </div>
              {form?.kind === incident.kind && (
                <IncidentForm
                  shipment={shipment}
                  incident={incident}
                  action={form.action}
                  onCancel={() => setForm(null)}
                  onDone={(updated, until) => {
                    setForm(null)
                    onChanged(
                      updated,
                      until === null
                        ? intl.formatMessage(m.toastResolved)
                        : intl.formatMessage(m.toastSnoozed, { time: format.dateTime(until) })
                    )
                  }}
                />
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
