import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { Alert, Button, Dropdown, Input, Modal, Textarea } from 'vtex.styleguide'

import { adminApi, ApiError } from '../api/client'
import type { SettableStatus, ShipmentDetail, TrackingStatus } from '../api/types'
import { SETTABLE_STATUSES } from '../api/types'
import { describeError } from '../i18n/describeError'
import { statusLabel } from '../i18n/labels'
import { commonMessages, statusModalMessages as m } from '../i18n/messages'
import { DialogSemantics } from '../shared/DialogSemantics'
import { StatusTag } from '../shared/StatusTag'
import { useStoreClock } from '../shared/StoreContext'
import { wallTimeInZone, zonedWallTimeToIso } from '../shared/time'
import { standardEventText } from './manualEvent'

/** node/tracking/adminLog.ts MAX_ADMIN_NOTE and node/tracking/bounds.ts MAX_DESCRIPTION. */
const MAX_INTERNAL_NOTE = 200
const MAX_CUSTOMER_MESSAGE = 250

/** The tracking event the customer will see on the order, as it will be written. */
function OrderEventPreview({ status, message }: { status: TrackingStatus; message: string }) {
  const intl = useIntl()
  return (
    <section className="ba b--muted-4 br2 pa4 bg-muted-5" data-testid="order-preview" aria-live="polite">
      <h4 className="t-small fw6 c-muted-1 mt0 mb3">{intl.formatMessage(m.previewTitle)}</h4>
      <div className="flex items-center flex-wrap">
        <span className="mr3">
          <StatusTag status={status} />
        </span>
        <span className="t-body c-on-base" data-testid="order-preview-text">
          {message || standardEventText(status)}
        </span>
        {!message && <span className="t-mini c-muted-1 ml2">{intl.formatMessage(m.previewDefault)}</span>}
      </div>
    </section>
  )
}

/** The status itself when a merchant may set it by hand, else the fallback. */
const settableOr = (status: string, fallback: SettableStatus): SettableStatus =>
  SETTABLE_STATUSES.find((settable) => settable === status) ?? fallback

/**
 * Confirmation before a manual status (VTEX's own workaround, made safe): says that it is written
 * to the order, asks when a delivery happened (in the store's zone), keeps an optional internal
 * note on the shipment only, and shows the event the customer will see (with the optional message).
 */
export function SetStatusModal({
  shipment,
  preset,
  isOpen,
  onClose,
  onDone,
}: {
  shipment: ShipmentDetail
  /** 'DELIVERED' for the "mark delivered" shortcut. */
  preset?: SettableStatus
  isOpen: boolean
  onClose: () => void
  onDone: (shipment: ShipmentDetail, status: TrackingStatus) => void
}) {
  const intl = useIntl()
  const { timeZone, now } = useStoreClock()
  const [status, setStatus] = useState<SettableStatus>(preset ?? 'DELIVERED')
  const [deliveredAt, setDeliveredAt] = useState('')
  const [internalNote, setInternalNote] = useState('')
  const [customerMessage, setCustomerMessage] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const [dateInvalid, setDateInvalid] = useState(false)

  useEffect(() => {
    if (!isOpen) return
    setStatus(preset ?? settableOr(shipment.status, 'IN_TRANSIT'))
    setDeliveredAt(wallTimeInZone(now(), timeZone))
    setInternalNote('')
    setCustomerMessage('')
    setError(undefined)
    setDateInvalid(false)
  }, [isOpen, preset, shipment.status, now, timeZone])

  const delivering = status === 'DELIVERED'
  const save = async (): Promise<void> => {
    const deliveredIso = delivering ? zonedWallTimeToIso(deliveredAt, timeZone) : undefined
    if (delivering && !deliveredIso) {
      setDateInvalid(true)
      return
    }
    setSaving(true)
    setError(undefined)
    try {
      const updated = await adminApi.setStatus(shipment.id, {
        status,
        ...(deliveredIso ? { deliveredAt: deliveredIso } : {}),
        ...(internalNote.trim() ? { internalNote: internalNote.trim() } : {}),
        ...(customerMessage.trim() ? { customerMessage: customerMessage.trim() } : {}),
      })
      onDone(updated, status)
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
      title={intl.formatMessage(preset === 'DELIVERED' ? m.titleDelivered : m.title)}
      bottomBar={
        <div className="flex justify-end" data-testid="status-modal-actions">
          <span className="mr3">
            <Button variation="tertiary" onClick={onClose} disabled={saving}>
              {intl.formatMessage(commonMessages.cancel)}
            </Button>
          </span>
          <Button variation="primary" testId="status-confirm" isLoading={saving} onClick={() => void save()}>
            {intl.formatMessage(delivering ? m.confirmDelivered : m.confirm)}
          </Button>
        </div>
      }
    >
      <DialogSemantics label={intl.formatMessage(preset === 'DELIVERED' ? m.titleDelivered : m.title)} />
      <div data-testid="status-modal">
        <p className="t-body c-on-base lh-copy mt0">{intl.formatMessage(m.body, { orderId: shipment.orderId })}</p>
        {error && (
          <div className="mb4">
            <Alert type="error">{describeError(intl, error)}</Alert>
          </div>
        )}
        {preset !== 'DELIVERED' && (
          <div className="mb4">
            <Dropdown
              label={intl.formatMessage(m.statusLabel)}
              options={SETTABLE_STATUSES.map((value) => ({ value, label: statusLabel(intl, value) }))}
              value={status}
              onChange={(_event, value) => setStatus(settableOr(String(value), status))}
            />
          </div>
        )}
        {delivering && (
          <div className="mb4" data-testid="delivered-at">
            <Input
              type="datetime-local"
              label={intl.formatMessage(m.deliveredAtLabel, { timeZone })}
              value={deliveredAt}
              error={dateInvalid}
              errorMessage={dateInvalid ? intl.formatMessage(m.invalidDate) : undefined}
              onChange={(event) => {
                setDeliveredAt(event.target.value)
                setDateInvalid(false)
              }}
            />
          </div>
        )}
        <div className="mb4" data-testid="internal-note">
          <Textarea
            label={intl.formatMessage(m.internalNoteLabel)}
            helpText={intl.formatMessage(m.internalNoteHelp)}
            placeholder={intl.formatMessage(m.internalNotePlaceholder)}
            value={internalNote}
            rows={2}
            maxLength={MAX_INTERNAL_NOTE}
            resize="vertical"
            onChange={(event) => setInternalNote(event.target.value)}
          />
        </div>
        <div className="mb4" data-testid="customer-message">
          <Textarea
            label={intl.formatMessage(m.customerMessageLabel)}
            helpText={intl.formatMessage(m.customerMessageHelp)}
            value={customerMessage}
            rows={2}
            maxLength={MAX_CUSTOMER_MESSAGE}
            resize="vertical"
            onChange={(event) => setCustomerMessage(event.target.value)}
          />
        </div>
        <OrderEventPreview status={status} message={customerMessage.trim()} />
      </div>
    </Modal>
  )
}
