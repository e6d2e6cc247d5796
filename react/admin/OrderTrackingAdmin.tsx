import React from 'react'
import { ToastProvider } from 'vtex.styleguide'

import { AdminPage } from './AdminPage'

export interface OrderTrackingAdminProps {
  /** The store's IANA time zone; every date on the page is shown in it. Defaults to America/Sao_Paulo. */
  timeZone?: string
}

/** The merchant's order-tracking page (admin route admin.app.order-tracking). */
export default function OrderTrackingAdmin({ timeZone }: OrderTrackingAdminProps) {
  return (
    <ToastProvider positioning="window">
      <AdminPage timeZone={timeZone} />
    </ToastProvider>
  )
}
