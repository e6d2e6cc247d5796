import React from 'react'
import { useIntl } from 'react-intl'

import type { ShipmentSummary } from '../api/types'
import { shipmentMessages as m } from '../i18n/messages'

/** The tracking number as a real button: rows open with the keyboard (Tab, Enter) as with the mouse. */
export function OpenShipmentButton({ shipment, onOpen }: { shipment: ShipmentSummary; onOpen: (id: string) => void }) {
  const intl = useIntl()
  const label = shipment.trackingNumber ?? shipment.orderId
  return (
    <button
      type="button"
      className="bn bg-transparent pa0 pointer t-code f6 c-action-primary underline-hover tl"
      aria-label={intl.formatMessage(m.open, { trackingNumber: label })}
      data-testid="open-shipment"
      onClick={(event) => {
        event.stopPropagation()
        onOpen(shipment.id)
      }}
    >
      {shipment.trackingNumber ?? (
        <span className="t-small c-warning ws-normal">{intl.formatMessage(m.noTracking)}</span>
      )}
    </button>
  )
}
