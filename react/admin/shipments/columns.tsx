import React from 'react'
import type { IntlShape } from 'react-intl'
import { Tag } from 'vtex.styleguide'
import type { TableColumn } from 'vtex.styleguide'

import type { ShipmentSummary } from '../api/types'
import { substatusLabel } from '../i18n/labels'
import { shipmentMessages as m } from '../i18n/messages'
import { OrderLink } from '../shared/OrderLink'
import { StatusTag } from '../shared/StatusTag'
import type { Formatters } from '../shared/useFormat'
import { OpenShipmentButton } from './OpenShipmentButton'
import { DANGER_TEXT } from '../shared/textColors'

/** Overdue, stuck and failing checks, as tags beside the status. */
export function Flags({ shipment, intl }: { shipment: ShipmentSummary; intl: IntlShape }) {
  return (
    <>
      {shipment.overdue && (
        <span className="mr2 mt1 dib" data-flag="overdue">
          <Tag size="small" type="error" variation="low">
            {intl.formatMessage(m.flagOverdue)}
          </Tag>
        </span>
      )}
      {shipment.stuck && (
        <span className="mr2 mt1 dib" data-flag="stuck">
          <Tag size="small" type="warning" variation="low">
            {intl.formatMessage(m.flagStuck)}
          </Tag>
        </span>
      )}
      {shipment.consecutiveErrors > 0 && (
        <span className="mr2 mt1 dib" data-flag="errors">
          <Tag size="small" type="error" variation="low">
            {intl.formatMessage(m.flagErrors, { count: shipment.consecutiveErrors })}
          </Tag>
        </span>
      )}
    </>
  )
}

/** The shipments table's columns; keys of sortable columns are the API's sort fields. */
export function shipmentColumns(
  intl: IntlShape,
  format: Formatters,
  onOpen: (id: string) => void
): Record<string, TableColumn<ShipmentSummary & { shipmentId: string }>> {
  return {
    orderId: {
      title: intl.formatMessage(m.columnOrder),
      width: 170,
      cellRenderer: ({ rowData }) => (
        <div className="pv3 lh-copy">
          <OrderLink orderId={rowData.orderId} href={rowData.orderAdminUrl} />
          <div className="t-mini c-muted-1">{intl.formatMessage(m.invoice, { number: rowData.invoiceNumber })}</div>
        </div>
      ),
    },
    trackingNumber: {
      title: intl.formatMessage(m.columnTracking),
      width: 190,
      cellRenderer: ({ rowData }) => (
        <div className="pv3 lh-copy">
          <OpenShipmentButton shipment={{ ...rowData, id: rowData.shipmentId }} onOpen={onOpen} />
          <div className="t-mini c-muted-1">
            {rowData.carrierName ?? rowData.courierName ?? intl.formatMessage(m.carrierUnknown)}
          </div>
        </div>
      ),
    },
    status: {
      title: intl.formatMessage(m.columnStatus),
      width: 230,
      sortable: true,
      cellRenderer: ({ rowData }) => (
        <div className="pv3 lh-copy ws-normal">
          <div className="flex flex-wrap items-center">
            <span className="mr2 mt1 dib">
              <StatusTag status={rowData.status} />
            </span>
            <Flags shipment={rowData} intl={intl} />
          </div>
          {rowData.substatus && <div className="t-mini c-muted-1 mt1">{substatusLabel(intl, rowData.substatus)}</div>}
        </div>
      ),
    },
    lastEventAt: {
      title: intl.formatMessage(m.columnLastEvent),
      minWidth: 220,
      sortable: true,
      cellRenderer: ({ rowData }) =>
        rowData.lastEventAt ? (
          <div className="pv3 lh-copy ws-normal">
            <div className="t-small c-on-base">{rowData.lastEventDescription ?? format.empty}</div>
            <div className="t-mini c-muted-1">
              {[rowData.lastEventLocation, format.dateTimeShort(rowData.lastEventAt)].filter(Boolean).join(' · ')}
            </div>
          </div>
        ) : (
          <span className="t-small c-muted-1">{intl.formatMessage(m.noEvents)}</span>
        ),
    },
    promisedDelivery: {
      title: intl.formatMessage(m.columnPromised),
      width: 120,
      sortable: true,
      cellRenderer: ({ rowData }) => (
        <span
          className={`t-small ${rowData.overdue ? 'fw5' : ''}`}
          style={rowData.overdue ? DANGER_TEXT : undefined}
          title={format.date(rowData.promisedDelivery)}
        >
          {format.dateShort(rowData.promisedDelivery)}
        </span>
      ),
    },
    invoicedAt: {
      title: intl.formatMessage(m.columnInvoiced),
      width: 130,
      sortable: true,
      cellRenderer: ({ rowData }) => (
        <span className="t-small" title={format.dateTime(rowData.invoicedAt)}>
          {format.dateTimeShort(rowData.invoicedAt)}
        </span>
      ),
    },
    nextCheckAt: {
      title: intl.formatMessage(m.columnNextCheck),
      width: 120,
      cellRenderer: ({ rowData }) =>
        rowData.nextCheckAt ? (
          <span className="t-small" title={format.dateTime(rowData.nextCheckAt)}>
            {format.relative(rowData.nextCheckAt)}
          </span>
        ) : (
          <span className="t-small c-muted-1">{intl.formatMessage(m.notScheduled)}</span>
        ),
    },
  }
}
