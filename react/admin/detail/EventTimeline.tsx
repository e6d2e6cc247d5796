import React from 'react'
import { useIntl } from 'react-intl'
import { EmptyState } from 'vtex.styleguide'

import type { ShipmentEvent } from '../api/types'
import { detailMessages as m } from '../i18n/messages'
import { substatusLabel } from '../i18n/labels'
import { StatusTag } from '../shared/StatusTag'
import { useFormat } from '../shared/useFormat'

const placeOf = (location: ShipmentEvent['location']): string =>
  location ? [location.city, location.state, location.country].filter(Boolean).join(', ') : ''

/** The carrier's events, newest first, in the store's time zone, each with its raw carrier code. */
export function EventTimeline({ events, dropped = 0 }: { events: ShipmentEvent[]; dropped?: number }) {
  const intl = useIntl()
  const format = useFormat()
  if (events.length === 0) return <EmptyState title={intl.formatMessage(m.timelineEmpty)} />
  const newestFirst = [...events].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))
  return (
    <>
      <ol className="list pl0 mv0" data-testid="timeline">
        {newestFirst.map((event, index) => {
          const place = placeOf(event.location)
          return (
            <li
              key={`${event.occurredAt}-${event.carrierCode}-${index}`}
              className={`flex pv4 ${index < newestFirst.length - 1 ? 'bb b--muted-4' : ''}`}
              data-testid="timeline-event"
            >
              <div className="w-30 pr4 t-small c-muted-1 lh-copy">
                <div className="c-on-base">{format.dateTime(event.occurredAt)}</div>
                {event.occurredAtLocal && (
                  <div className="t-mini">
                    {intl.formatMessage(m.carrierLocalTime, { time: event.occurredAtLocal })}
                  </div>
                )}
              </div>
              <div className="w-50 pr4 lh-copy">
                <div className="mb1">
                  <StatusTag status={event.status} />
                  {event.substatus && (
                    <span className="t-mini c-muted-1 ml2">{substatusLabel(intl, event.substatus)}</span>
                  )}
                </div>
                <div className="t-body c-on-base">{event.description}</div>
                {place && <div className="t-small c-muted-1">{place}</div>}
              </div>
              <div className="w-20 tr">
                <code
                  className="t-mini c-muted-1 bg-muted-5 br2 ph2 pv1 dib"
                  title={intl.formatMessage(m.carrierCode)}
                  data-testid="carrier-code"
                >
                  {event.carrierCode}
                </code>
              </div>
            </li>
          )
        })}
      </ol>
      {dropped > 0 && (
        <div className="t-small c-muted-1 pv3" data-testid="timeline-dropped">
          {intl.formatMessage(m.timelineDropped, { count: dropped })}
        </div>
      )}
    </>
  )
}
