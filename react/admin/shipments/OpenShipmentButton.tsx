import React from 'react'
import { useIntl } from 'react-intl'

import type { ShipmentSummary } from '../api/types'
import { shipmentMessages as m } from '../i18n/messages'
import { WARNING_TEXT } from '../shared/textColors'

/** The tracking number as a real button: rows open with the keyboard (Tab, Enter) as with the mouse. */
export function OpenShipmentButton({ shipment, onOpen }: { shipment: ShipmentSummary; onOpen: (id: string) => void }) {
  const intl = useIntl()
  // The visible text starts the name (what speech users say is what they see).
  const label = shipment.trackingNumber
    ? intl.formatMessage(m.open, { trackingNumber: shipment.trackingNumber })
    : `${intl.formatMessage(m.noTracking)} · ${intl.formatMessage(m.open, { trackingNumber: shipment.orderId })}`
  return (
    <button
      type="button"
      className="bn bg-transparent pa0 pointer t-code f6 c-action-primary underline-hover tl"
      aria-label={label}
      data-testid="open-shipment"
      onClick={(event) => {
        event.stopPropagation()
        onOpen(shipment.id)
      }}
    >
      {shipment.trackingNumber ?? (
        <span className="t-small ws-normal" style={WARNING_TEXT}>
          {intl.formatMessage(m.noTracking)}
        </span>
      )}
    </button>
  )
}
