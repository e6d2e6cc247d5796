import React from 'react'
import { useIntl } from 'react-intl'
import { Alert } from 'vtex.styleguide'

import type { ShipmentDetail } from '../api/types'
import { errorReasonLabel, nextCheckReasonLabel, stateLabel, substatusLabel } from '../i18n/labels'
import { detailMessages as m, shipmentMessages } from '../i18n/messages'
import { ExternalLink } from '../shared/ExternalLink'
import { OrderLink } from '../shared/OrderLink'
import { StatusTag } from '../shared/StatusTag'
import { useFormat } from '../shared/useFormat'
import { Flags } from '../shipments/columns'
import { Fact, Facts, SectionTitle } from './Facts'
import { DANGER_TEXT, WARNING_TEXT } from '../shared/textColors'

/** Identity, status, the checking schedule and what the app wrote to the order, with times in the store's zone. */
export function ShipmentFacts({ shipment }: { shipment: ShipmentDetail }) {
  const intl = useIntl()
  const format = useFormat()
  const orDash = (value: string | null | undefined): string => value || format.empty
  const whenOrNotYet = (iso: string | null): string => (iso ? format.dateTime(iso) : intl.formatMessage(m.notYet))

  return (
    <div data-testid="shipment-detail">
      <div className="flex flex-wrap items-center mb5">
        <span className="mr3" data-testid="detail-status">
          <StatusTag status={shipment.status} size="regular" />
        </span>
        {shipment.substatus && (
          <span className="t-small c-muted-1 mr3">{substatusLabel(intl, shipment.substatus)}</span>
        )}
        <Flags shipment={shipment} intl={intl} />
      </div>

      <Facts>
        <Fact label={intl.formatMessage(m.fieldOrder)}>
          <OrderLink orderId={shipment.orderId} href={shipment.orderAdminUrl} />
        </Fact>
        <Fact label={intl.formatMessage(m.fieldInvoice)}>{shipment.invoiceNumber}</Fact>
        <Fact label={intl.formatMessage(m.fieldTracking)} testId="detail-tracking">
          {shipment.trackingNumber ? (
            <>
              <span className="t-code f6">{shipment.trackingNumber}</span>
              {shipment.trackingNumberRaw && shipment.trackingNumberRaw !== shipment.trackingNumber && (
                <div className="t-small c-muted-1 mt1" data-testid="detail-tracking-raw">
                  {intl.formatMessage(m.trackingAsInvoiced, { raw: shipment.trackingNumberRaw })}
                </div>
              )}
            </>
          ) : (
            <span style={WARNING_TEXT}>{intl.formatMessage(shipmentMessages.noTracking)}</span>
          )}
        </Fact>
        <Fact label={intl.formatMessage(m.fieldCarrier)} testId="detail-carrier">
          {shipment.carrierName ?? intl.formatMessage(shipmentMessages.carrierUnknown)}
        </Fact>
        {shipment.carrierCandidateNames.length > 0 && (
          <Fact label={intl.formatMessage(m.fieldCarrierCandidates)} testId="detail-carrier-candidates">
            {shipment.carrierCandidateNames.join(', ')}
          </Fact>
        )}
        <Fact label={intl.formatMessage(m.fieldCourier)}>{orDash(shipment.courierName)}</Fact>
        <Fact label={intl.formatMessage(m.fieldState)}>{stateLabel(intl, shipment.state)}</Fact>
        <Fact label={intl.formatMessage(m.fieldInvoiced)}>{format.dateTime(shipment.invoicedAt)}</Fact>
        <Fact label={intl.formatMessage(m.fieldPromised)}>
          <span className={shipment.overdue ? 'fw5' : ''} style={shipment.overdue ? DANGER_TEXT : undefined}>
            {format.date(shipment.promisedDelivery)}
          </span>
        </Fact>
        <Fact label={intl.formatMessage(m.fieldEstimated)}>{format.date(shipment.estimatedDelivery)}</Fact>
        <Fact label={intl.formatMessage(m.fieldDelivered)} testId="detail-delivered">
          {format.dateTime(shipment.deliveredAt)}
        </Fact>
      </Facts>

      <SectionTitle>{intl.formatMessage(m.sectionChecks)}</SectionTitle>
      <Facts>
        <Fact label={intl.formatMessage(m.fieldLastChecked)}>{format.dateTime(shipment.lastCheckedAt)}</Fact>
        <Fact label={intl.formatMessage(m.fieldCheckCount)}>{format.number(shipment.checkCount)}</Fact>
        <Fact label={intl.formatMessage(m.fieldConsecutiveErrors)}>{format.number(shipment.consecutiveErrors)}</Fact>
        <Fact label={intl.formatMessage(m.fieldNextCheck)} testId="detail-next-check">
          {shipment.nextCheckAt
            ? intl.formatMessage(m.nextCheckValue, {
                time: format.dateTime(shipment.nextCheckAt),
                relative: format.relative(shipment.nextCheckAt),
              })
            : intl.formatMessage(shipmentMessages.notScheduled)}
        </Fact>
        <Fact label={intl.formatMessage(m.fieldNextCheckReason)} testId="detail-next-check-reason">
          {shipment.nextCheckReason ? nextCheckReasonLabel(intl, shipment.nextCheckReason) : format.empty}
        </Fact>
      </Facts>
      {(shipment.lastErrorReason || shipment.lastErrorMessage) && (
        <div className="mb4" data-testid="detail-last-error">
          <Alert type="warning">
            <div className="fw5">
              {intl.formatMessage(m.lastError, {
                reason: shipment.lastErrorReason ? errorReasonLabel(intl, shipment.lastErrorReason) : format.empty,
                time: format.dateTime(shipment.lastErrorAt),
              })}
            </div>
            {shipment.lastErrorMessage && <div className="t-small mt1">{shipment.lastErrorMessage}</div>}
          </Alert>
        </div>
      )}

      <SectionTitle>{intl.formatMessage(m.sectionWritten)}</SectionTitle>
      <Facts>
        <Fact label={intl.formatMessage(m.fieldInvoicePatched)} testId="detail-invoice-patched">
          {whenOrNotYet(shipment.invoicePatchedAt)}
        </Fact>
        <Fact label={intl.formatMessage(m.fieldOmsWrite)} testId="detail-oms-write">
          {whenOrNotYet(shipment.lastOmsWriteAt)}
        </Fact>
        <Fact label={intl.formatMessage(m.fieldManualBy)}>{orDash(shipment.lastManualActionBy)}</Fact>
        <Fact label={intl.formatMessage(m.fieldTrackingUrl)} testId="detail-tracking-url">
          {shipment.trackingUrl ? (
            <ExternalLink href={shipment.trackingUrl}>{hostOf(shipment.trackingUrl)}</ExternalLink>
          ) : (
            format.empty
          )}
          {shipment.rejectedTrackingUrl && (
            <div className="t-small mt1 break-all" style={DANGER_TEXT} data-testid="detail-rejected-url">
              {intl.formatMessage(m.trackingUrlRejected, { url: shipment.rejectedTrackingUrl })}
            </div>
          )}
        </Fact>
        <Fact label={intl.formatMessage(m.fieldTrackingPage)}>
          {shipment.trackingPageUrl ? (
            <ExternalLink href={shipment.trackingPageUrl}>{hostOf(shipment.trackingPageUrl)}</ExternalLink>
          ) : (
            format.empty
          )}
        </Fact>
      </Facts>
    </div>
  )
}

function hostOf(url: string): string {
  try {
    return new URL(url, window.location.href).host
  } catch {
    return url
  }
}
