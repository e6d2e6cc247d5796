export { OrderStore } from './store'
export type { InvoiceResult, ListOrdersResult } from './store'
export { createOmsModule, vtexError } from './module'
export type { OmsModuleDeps } from './module'
export { broadcastEvents } from './events'
export { outputInvoicedValue } from './invoicing'
export { MAX_PAGE, MAX_PER_PAGE, DEFAULT_PER_PAGE } from './listing'
export { ORDERS_SPEC, PATHS as OMS_PATHS } from './validation'
export { OmsError } from './types'
export type {
  InvoiceRequest,
  ListOrdersQuery,
  NewOrderInput,
  NewOrderItemInput,
  OrderDocument,
  OrderOrigin,
  OrderPackage,
  OrderStateChange,
  PatchInvoiceRequest,
  Receipt,
  StatusTransition,
  TrackingRequest,
} from './types'
