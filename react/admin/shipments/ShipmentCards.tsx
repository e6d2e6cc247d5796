import React from 'react'
import { useIntl } from 'react-intl'
import { Button, EmptyState, Spinner } from 'vtex.styleguide'

import type { ShipmentPage, ShipmentQuery, ShipmentSummary } from '../api/types'
import { shipmentMessages as m } from '../i18n/messages'
import { OrderLink } from '../shared/OrderLink'
import { StatusTag } from '../shared/StatusTag'
import { useFormat } from '../shared/useFormat'
import { Flags } from './columns'
import { OpenShipmentButton } from './OpenShipmentButton'
import { DANGER_TEXT } from '../shared/textColors'

function ShipmentCard({ shipment, onOpen }: { shipment: ShipmentSummary; onOpen: (id: string) => void }) {
  const intl = useIntl()
  const format = useFormat()
  return (
    <li className="ba b--muted-4 br2 pa4 mb3 bg-base" data-testid="shipment-card">
      <div className="flex justify-between items-start mb2">
        <div className="lh-copy">
          <OpenShipmentButton shipment={shipment} onOpen={onOpen} />
          <div className="t-mini c-muted-1">
            {shipment.carrierName ?? shipment.courierName ?? intl.formatMessage(m.carrierUnknown)}
          </div>
        </div>
        <StatusTag status={shipment.status} />
      </div>
      <div className="flex flex-wrap items-center mb2">
        <Flags shipment={shipment} intl={intl} />
      </div>
      <div className="t-small c-on-base lh-copy" style={{ overflowWrap: 'anywhere' }}>
        {shipment.lastEventDescription ?? intl.formatMessage(m.noEvents)}
      </div>
      <div className="t-mini c-muted-1 mt1 flex flex-wrap justify-between">
        <span>
          <OrderLink orderId={shipment.orderId} href={shipment.orderAdminUrl} />
        </span>
        <span style={shipment.overdue ? DANGER_TEXT : undefined}>
          <span className="mr1">{intl.formatMessage(m.columnPromised)}</span>
          <span>{format.dateShort(shipment.promisedDelivery)}</span>
        </span>
      </div>
    </li>
  )
}

/** The shipments list below tablet width: one card per shipment, paged with two buttons. */
export function ShipmentCards({
  query,
  data,
  loading,
  onQueryChange,
  onOpen,
}: {
  query: ShipmentQuery
  data: ShipmentPage | undefined
  loading: boolean
  onQueryChange: (query: ShipmentQuery) => void
  onOpen: (id: string) => void
}) {
  const intl = useIntl()
  const format = useFormat()
  if (!data) return loading ? <Spinner /> : null
  if (data.items.length === 0) return <EmptyState title={intl.formatMessage(m.empty)} />
  const from = (query.page - 1) * query.pageSize + 1
  const to = Math.min(query.page * query.pageSize, data.total)
  return (
    <div data-testid="shipment-cards">
      <ul className="list pl0 mt0">
        {data.items.map((shipment) => (
          <ShipmentCard key={shipment.id} shipment={shipment} onOpen={onOpen} />
        ))}
      </ul>
      <nav className="flex items-center justify-between" aria-label={intl.formatMessage(m.paginationRows)}>
        <Button
          size="small"
          variation="secondary"
          disabled={query.page <= 1}
          onClick={() => onQueryChange({ ...query, page: query.page - 1 })}
        >
          {intl.formatMessage(m.previous)}
        </Button>
        <span className="t-small c-muted-1">
          {intl.formatMessage(m.range, {
            from: format.number(from),
            to: format.number(to),
            total: format.number(data.total),
          })}
        </span>
        <Button
          size="small"
          variation="secondary"
          disabled={query.page >= data.maxPage}
          onClick={() => onQueryChange({ ...query, page: query.page + 1 })}
        >
          {intl.formatMessage(m.next)}
        </Button>
      </nav>
    </div>
  )
}
