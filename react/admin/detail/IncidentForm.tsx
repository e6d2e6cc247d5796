import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { Alert, Button, Dropdown, Input } from 'vtex.styleguide'

import { adminApi, ApiError } from '../api/client'
import type { Incident, ShipmentDetail } from '../api/types'
import { describeError } from '../i18n/describeError'
import { commonMessages, incidentMessages as m } from '../i18n/messages'
import { useStoreClock } from '../shared/StoreContext'

const SNOOZE_DAYS = [1, 3, 7, 14] as const
const DAY = 24 * 3600_000
/** node/services/admin/incidentAck.ts MIN_REASON and tracking/adminLog.ts MAX_ADMIN_NOTE. */
const MIN_REASON = 3
const MAX_REASON = 200

/** Resolve or snooze one incident: a reason is required (it is the audit trail). */
export function IncidentForm({
  shipment,
  incident,
  action,
  onCancel,
  onDone,
}: {
  shipment: ShipmentDetail
  incident: Incident
  action: 'resolve' | 'snooze'
  onCancel: () => void
  onDone: (updated: ShipmentDetail, until: string | null) => void
}) {
  const intl = useIntl()
  const { now } = useStoreClock()
  const [reason, setReason] = useState('')
  const [days, setDays] = useState<number>(3)
  const [invalid, setInvalid] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<ApiError | undefined>(undefined)

  const save = async (): Promise<void> => {
    if (reason.trim().length < MIN_REASON) {
      setInvalid(true)
      return
    }
    const until = action === 'snooze' ? new Date(now() + days * DAY).toISOString() : null
    setSaving(true)
    setError(undefined)
    try {
      const updated = await adminApi.actOnIncident(shipment.id, {
        kind: incident.kind,
        action,
        reason: reason.trim(),
        ...(until ? { until } : {}),
      })
      onDone(updated, until)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="mt3 pa4 ba b--muted-4 br2"
      data-testid={`incident-form-${incident.kind}`}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      {error && (
        <div className="mb4">
          <Alert type="error">{describeError(intl, error)}</Alert>
        </div>
      )}
      <div className="mb4" data-testid="incident-reason">
        <Input
          label={intl.formatMessage(m.reasonLabel)}
          value={reason}
          maxLength={MAX_REASON}
          error={invalid}
          errorMessage={invalid ? intl.formatMessage(m.reasonInvalid) : undefined}
          onChange={(event) => {
            setReason(event.target.value)
            setInvalid(false)
          }}
        />
      </div>
      {action === 'snooze' && (
        <div className="mb4" data-testid="incident-snooze-days">
          <Dropdown
            label={intl.formatMessage(m.snoozeFor)}
            options={SNOOZE_DAYS.map((value) => ({
              value: String(value),
              label: intl.formatMessage(m.days, { days: value }),
            }))}
            value={String(days)}
            onChange={(_event, value) => setDays(Number(value))}
          />
        </div>
      )}
      <div className="flex justify-end">
        <span className="mr3">
          <Button variation="tertiary" size="small" onClick={onCancel} disabled={saving}>
            {intl.formatMessage(commonMessages.cancel)}
          </Button>
        </span>
        <Button variation="primary" size="small" type="submit" isLoading={saving} testId="incident-confirm">
          {intl.formatMessage(action === 'resolve' ? m.confirmResolve : m.confirmSnooze)}
        </Button>
      </div>
    </form>
  )
}
