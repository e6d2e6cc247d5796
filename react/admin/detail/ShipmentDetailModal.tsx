import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, Modal } from 'vtex.styleguide'
import type { DropdownOption } from 'vtex.styleguide'

import { adminApi, ApiError } from '../api/client'
import type { ShipmentDetail, TrackingStatus } from '../api/types'
import { useApi } from '../api/useApi'
import { describeError } from '../i18n/describeError'
import { statusLabel } from '../i18n/labels'
import { commonMessages, detailMessages as m, pageMessages } from '../i18n/messages'
import { EmailAudit } from '../emails/EmailAudit'
import { DialogSemantics } from '../shared/DialogSemantics'
import { Loader } from '../shared/Loader'
import { useStoreClock } from '../shared/StoreContext'
import { useToast } from '../shared/useToast'
import { AdminLog } from './AdminLog'
import { CorrectCarrierModal } from './CorrectCarrierModal'
import { EventTimeline } from './EventTimeline'
import { SectionTitle } from './Facts'
import { IncidentsPanel } from './IncidentsPanel'
import { SetStatusModal } from './SetStatusModal'
import { ShipmentFacts } from './ShipmentFacts'

type Dialog = 'none' | 'carrier' | 'status' | 'delivered'

/** One shipment: facts, timeline and the merchant's actions (refresh, correct carrier, set status). */
export function ShipmentDetailModal({
  shipmentId,
  carriers,
  onClose,
  onChanged,
}: {
  shipmentId: string
  carriers: DropdownOption[]
  onClose: () => void
  /** A write happened: the list and the overview should reload. */
  onChanged: () => void
}) {
  const intl = useIntl()
  const toast = useToast()
  const { timeZone } = useStoreClock()
  const detail = useApi(() => adminApi.shipment(shipmentId), shipmentId)
  const [dialog, setDialog] = useState<Dialog>('none')
  const [refreshing, setRefreshing] = useState(false)
  const shipment = detail.data

  const fail = (error: unknown): void =>
    toast(
      intl.formatMessage(m.toastFailed, {
        error: describeError(intl, error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error))),
      })
    )

  const refresh = async (): Promise<void> => {
    setRefreshing(true)
    try {
      const result = await adminApi.refresh([shipmentId])
      const row = result.results.find((item) => item.id === shipmentId)
      if (row?.error) toast(intl.formatMessage(m.toastRefreshFailed, { error: row.error }))
      else
        toast(
          intl.formatMessage(m.toastRefreshed, {
            status: statusLabel(intl, row?.status ?? shipment?.status ?? 'UNKNOWN'),
          })
        )
      detail.reload()
      onChanged()
    } catch (error) {
      fail(error)
    } finally {
      setRefreshing(false)
    }
  }

  const done = (updated: ShipmentDetail, message: string): void => {
    setDialog('none')
    detail.replace(updated)
    toast(message)
    onChanged()
  }

  const title = shipment
    ? shipment.trackingNumber
      ? intl.formatMessage(m.title, { trackingNumber: shipment.trackingNumber })
      : intl.formatMessage(m.titleNoTracking, { orderId: shipment.orderId })
    : intl.formatMessage(commonMessages.loading)

  const isDone = shipment?.status === 'DELIVERED'
  return (
    <>
      <Modal
        isOpen
        onClose={onClose}
        responsiveFullScreen
        title={title}
        bottomBar={
          <div className="flex flex-wrap justify-between w-100" data-testid="detail-actions">
            <div className="flex flex-wrap">
              <span className="mr3 mb2">
                <Button
                  variation="primary"
                  size="small"
                  testId="action-refresh"
                  isLoading={refreshing}
                  disabled={!shipment || !shipment.trackingNumber}
                  onClick={() => void refresh()}
                >
                  {intl.formatMessage(m.actionRefresh)}
                </Button>
              </span>
              <span className="mr3 mb2">
                <Button
                  variation="secondary"
                  size="small"
                  testId="action-carrier"
                  disabled={!shipment}
                  onClick={() => setDialog('carrier')}
                >
                  {intl.formatMessage(m.actionCarrier)}
                </Button>
              </span>
              <span className="mr3 mb2">
                <Button
                  variation="secondary"
                  size="small"
                  testId="action-status"
                  disabled={!shipment}
                  onClick={() => setDialog('status')}
                >
                  {intl.formatMessage(m.actionStatus)}
                </Button>
              </span>
              <span className="mr3 mb2">
                <Button
                  variation="secondary"
                  size="small"
                  testId="action-delivered"
                  disabled={!shipment || isDone}
                  onClick={() => setDialog('delivered')}
                >
                  {intl.formatMessage(m.actionDelivered)}
                </Button>
              </span>
            </div>
            <span className="mb2">
              <Button variation="tertiary" size="small" testId="action-close" onClick={onClose}>
                {intl.formatMessage(commonMessages.close)}
              </Button>
            </span>
          </div>
        }
      >
        <DialogSemantics label={title} />
        <Loader state={detail}>
          {(data) => (
            <>
              <ShipmentFacts shipment={data} />
              <IncidentsPanel shipment={data} onChanged={done} />
              <SectionTitle>{intl.formatMessage(m.sectionTimeline)}</SectionTitle>
              <div className="t-mini c-muted-1 mb2">{intl.formatMessage(pageMessages.timeZoneNote, { timeZone })}</div>
              <EventTimeline events={data.events ?? []} dropped={data.droppedEvents ?? 0} />
              <EmailAudit shipmentId={shipmentId} />
              <AdminLog entries={data.adminLog ?? []} />
            </>
          )}
        </Loader>
      </Modal>
      {shipment && (
        <>
          <CorrectCarrierModal
            shipment={shipment}
            carriers={carriers}
            isOpen={dialog === 'carrier'}
            onClose={() => setDialog('none')}
            onDone={(updated) =>
              done(
                updated,
                intl.formatMessage(m.toastCarrier, { carrier: updated.carrierName ?? updated.carrier ?? '' })
              )
            }
          />
          <SetStatusModal
            shipment={shipment}
            preset={dialog === 'delivered' ? 'DELIVERED' : undefined}
            isOpen={dialog === 'status' || dialog === 'delivered'}
            onClose={() => setDialog('none')}
            onDone={(updated, status: TrackingStatus) =>
              done(
                updated,
                status === 'DELIVERED'
                  ? intl.formatMessage(m.toastDelivered)
                  : intl.formatMessage(m.toastStatus, { status: statusLabel(intl, status) })
              )
            }
          />
        </>
      )}
    </>
  )
}
