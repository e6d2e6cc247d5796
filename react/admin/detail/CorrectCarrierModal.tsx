import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { Alert, Button, Dropdown, Modal } from 'vtex.styleguide'
import type { DropdownOption } from 'vtex.styleguide'

import { adminApi, ApiError } from '../api/client'
import type { CarrierCode, ShipmentDetail } from '../api/types'
import { describeError } from '../i18n/describeError'
import { carrierModalMessages as m, commonMessages } from '../i18n/messages'
import { DialogSemantics } from '../shared/DialogSemantics'

/** Confirms and sends a carrier correction; the shipment is checked at the new carrier right away. */
export function CorrectCarrierModal({
  shipment,
  carriers,
  isOpen,
  onClose,
  onDone,
}: {
  shipment: ShipmentDetail
  carriers: DropdownOption[]
  isOpen: boolean
  onClose: () => void
  onDone: (shipment: ShipmentDetail) => void
}) {
  const intl = useIntl()
  const codes = carriers.map((option) => String(option.value))
  const initial: CarrierCode =
    shipment.carrier !== null && codes.includes(shipment.carrier) ? shipment.carrier : (codes[0] ?? '')
  const [carrier, setCarrier] = useState<CarrierCode>(initial)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  useEffect(() => {
    if (isOpen) {
      setCarrier(initial)
      setError(undefined)
    }
  }, [isOpen, initial])

  const save = async (): Promise<void> => {
    setSaving(true)
    setError(undefined)
    try {
      onDone(await adminApi.setCarrier(shipment.id, carrier))
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      isOpen={isOpen}
      onClose={onClose}
      centered
      title={intl.formatMessage(m.title)}
      bottomBar={
        <div className="flex justify-end" data-testid="carrier-modal-actions">
          <span className="mr3">
            <Button variation="tertiary" onClick={onClose} disabled={saving}>
              {intl.formatMessage(commonMessages.cancel)}
            </Button>
          </span>
          <Button
            variation="primary"
            testId="carrier-confirm"
            isLoading={saving}
            disabled={carrier === ''}
            onClick={() => void save()}
          >
            {intl.formatMessage(m.confirm)}
          </Button>
        </div>
      }
    >
      <DialogSemantics label={intl.formatMessage(m.title)} />
      <div data-testid="carrier-modal">
        <p className="t-body c-on-base lh-copy mt0">
          {intl.formatMessage(m.body, { trackingNumber: shipment.trackingNumber ?? shipment.orderId })}
        </p>
        {error && (
          <div className="mb4">
            <Alert type="error">{describeError(intl, error)}</Alert>
          </div>
        )}
        <Dropdown
          label={intl.formatMessage(m.label)}
          options={carriers}
          value={carrier}
          onChange={(_event, value) => setCarrier(value as CarrierCode)}
        />
      </div>
    </Modal>
  )
}
