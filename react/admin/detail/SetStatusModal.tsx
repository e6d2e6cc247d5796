import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { Alert, Button, Dropdown, Input, Modal, Textarea } from 'vtex.styleguide'

import { adminApi, ApiError } from '../api/client'
import type { ShipmentDetail, TrackingStatus } from '../api/types'
import { describeError } from '../i18n/describeError'
import { statusLabel } from '../i18n/labels'
import { commonMessages, statusModalMessages as m } from '../i18n/messages'
import { useStoreClock } from '../shared/StoreContext'
import { wallTimeInZone, zonedWallTimeToIso } from '../shared/time'

/** Statuses a merchant may set by hand: what a carrier could have reported (not PENDING/EXPIRED/UNKNOWN). */
export const SETTABLE_STATUSES: TrackingStatus[] = [
  'INFO_RECEIVED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'AVAILABLE_FOR_PICKUP',
  'ATTEMPT_FAIL',
  'DELIVERED',
  'EXCEPTION',
  'RETURN_TO_SENDER',
  'RETURNED',
  'FAILURE',
]

/**
 * Confirmation before a manual status (VTEX's own workaround, made safe): says that it is written
 * to the order, asks when a delivery happened (in the store's zone), and keeps an optional note.
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
  preset?: TrackingStatus
  isOpen: boolean
  onClose: () => void
  onDone: (shipment: ShipmentDetail, status: TrackingStatus) => void
}) {
  const intl = useIntl()
  const { timeZone, now } = useStoreClock()
  const [status, setStatus] = useState<TrackingStatus>(preset ?? 'DELIVERED')
  const [deliveredAt, setDeliveredAt] = useState('')
  const [note, setNote] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const [dateInvalid, setDateInvalid] = useState(false)

  useEffect(() => {
    if (!isOpen) return
    setStatus(preset ?? (SETTABLE_STATUSES.includes(shipment.status) ? shipment.status : 'IN_TRANSIT'))
    setDeliveredAt(wallTimeInZone(now(), timeZone))
    setNote('')
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
        ...(note.trim() ? { note: note.trim() } : {}),
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
              onChange={(_event, value) => setStatus(value as TrackingStatus)}
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
        <Textarea
          label={intl.formatMessage(m.noteLabel)}
          placeholder={intl.formatMessage(m.notePlaceholder)}
          value={note}
          rows={3}
          resize="vertical"
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
    </Modal>
  )
}
