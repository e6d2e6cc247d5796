import React from 'react'

import { safeAdminPath } from './safeUrl'

/** The order in the VTEX admin (new tab, so the filtered list stays where it was). */
export function OrderLink({ orderId, href }: { orderId: string; href?: string | null }) {
  return (
    <a
      href={safeAdminPath(href) ?? `/admin/orders/${encodeURIComponent(orderId)}`}
      target="_blank"
      rel="noopener noreferrer"
      className="c-link hover-c-link fw5 no-underline"
      data-testid="order-link"
      onClick={(event) => event.stopPropagation()}
    >
      {orderId}
    </a>
  )
}
