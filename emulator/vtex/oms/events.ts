import type { OrderDocument, OrderStateChange, StatusTransition } from './types'

/**
 * What `vtex.orders-broadcast` sends for one status change: the Fulfillment copy always, and a
 * Marketplace copy too when the order was sold on the account's own marketplace (apps such as
 * shipment-tracker skip that copy, so the emulator must send it to prove they do).
 */
export function broadcastEvents(
  account: string,
  order: OrderDocument,
  transition: StatusTransition
): OrderStateChange[] {
  const domains: OrderStateChange['domain'][] =
    order.origin === 'Marketplace' ? ['Fulfillment', 'Marketplace'] : ['Fulfillment']
  return domains.map((domain) => ({ account, domain, orderId: order.orderId, ...transition }))
}
