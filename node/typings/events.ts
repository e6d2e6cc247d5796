/** Body that vtex.orders-broadcast sends for a state change (orders-feed-example README). */
export interface OrderStatusChangeBody {
  domain: string
  orderId: string
  currentState: string
  lastState?: string
  currentChangeDate?: string
  lastChangeDate?: string
}

/** Body of the `apps` `setup` event sent when the app is installed, updated or uninstalled. */
export interface AppSetupBody {
  /** Present on install/update: the app that was installed, e.g. "acme.order-tracking@0.1.0". */
  to?: { id?: string }
  /** Present on update/uninstall: the version that was replaced or removed. */
  from?: { id?: string }
}
