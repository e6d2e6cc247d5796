/**
 * Shapes of the emulated Orders API (OMS), named after VTEX's official OpenAPI
 * (`VTEX - Orders API.json`). Only the fields the emulator writes or reads are typed; the stored
 * order JSON carries many more, exactly as the GetOrder response does.
 */

export type OrderOrigin = 'Fulfillment' | 'Marketplace'

/** The `vtex.orders-broadcast` event body (plus the account it belongs to). */
export interface OrderStateChange {
  account: string
  domain: 'Fulfillment' | 'Marketplace'
  orderId: string
  currentState: string
  lastState: string
  currentChangeDate: string
  lastChangeDate: string
}

export interface NewOrderItemInput {
  /** SKU id; invoices refer to items by it. */
  id?: string
  name?: string
  quantity?: number
  /** Unit price in cents. */
  price?: number
}

/** What tests and demos choose when they create an order; everything else gets realistic defaults. */
export interface NewOrderInput {
  /** Defaults to `{7 digits}{sequence}-01`, the form VTEX uses (e.g. `1268540501456-01`). */
  orderId?: string
  status?: 'ready-for-handling' | 'handling'
  origin?: OrderOrigin
  items?: NewOrderItemInput[]
  /** Carrier name as VTEX shows it in `logisticsInfo[].deliveryCompany`, e.g. 'Correios SEDEX', 'UPS Ground'. */
  courier?: string
  /** Shipping policy name (`selectedSla`); defaults to the courier name. */
  selectedSla?: string
  /** Business days; becomes `shippingEstimate` ('5bd') and `shippingEstimateDate`. */
  shippingEstimateDays?: number
  /** false: no `shippingEstimateDate`, as on orders VTEX has not dated (the app counts the estimate itself). */
  shippingEstimateDated?: boolean
  /** Shipping total in cents. */
  shippingPrice?: number
  email?: string
  firstName?: string
  lastName?: string
  phone?: string
  street?: string
  number?: string
  neighborhood?: string
  city?: string
  /** Two-letter state code, as OMS stores it ('SP', 'TX'). */
  state?: string
  postalCode?: string
  /** ISO 3166-1 alpha-3, as OMS stores it ('BRA', 'USA'). Picks the currency and the default address. */
  country?: string
  /** Lets tests place orders in the past; defaults to `new Date()` (the simulated clock when installed). */
  creationDate?: string
}

export interface PackageItem {
  itemIndex: number
  quantity: number
  price: number
  description: string | null
  unitMultiplier: number | null
}

export interface CourierStatusEvent {
  lastChange: string
  city: string
  state: string
  description: string
  createDate: string
}

export interface CourierStatus {
  status: string | null
  finished: boolean
  /** Absent until delivered: the spec types it as a non-nullable string. */
  deliveredDate?: string
  data: CourierStatusEvent[]
}

export interface OrderPackage {
  items: PackageItem[]
  courier: string | null
  invoiceNumber: string
  invoiceValue: number
  invoiceUrl: string | null
  issuanceDate: string
  trackingNumber: string | null
  invoiceKey: string | null
  trackingUrl: string | null
  embeddedInvoice: string
  type: 'Output' | 'Input'
  courierStatus: CourierStatus | null
  cfop: string | null
  volumes: number
  EnableInferItems: boolean | null
}

export interface OrderItem {
  uniqueId: string
  id: string
  name: string
  quantity: number
  price: number
  sellingPrice: number
  [field: string]: unknown
}

export interface LogisticsInfo {
  itemIndex: number
  selectedSla: string
  deliveryCompany: string
  shippingEstimate: string
  /** Absent until VTEX dates the estimate (the contract's "defined after the confirmation of the order"). */
  shippingEstimateDate?: string
  price: number
  [field: string]: unknown
}

export interface ShippingAddress {
  addressType: string
  receiverName: string
  postalCode: string
  city: string
  state: string
  country: string
  street: string
  number: string
  neighborhood: string
  [field: string]: unknown
}

/** The GetOrder document, stored whole. */
export interface OrderDocument {
  orderId: string
  sequence: string
  origin: OrderOrigin
  status: string
  statusDescription: string
  value: number
  creationDate: string
  lastChange: string
  invoicedDate: string | null
  hostname: string
  marketplaceOrderId: string
  clientProfileData: { email: string; firstName: string; lastName: string; [field: string]: unknown }
  items: OrderItem[]
  totals: { id: 'Items' | 'Discounts' | 'Shipping' | 'Tax'; name: string; value: number }[]
  shippingData: { address: ShippingAddress; logisticsInfo: LogisticsInfo[]; [field: string]: unknown }
  storePreferencesData: { currencyCode: string; [field: string]: unknown }
  paymentData: {
    transactions: { payments: { paymentSystemName: string; [field: string]: unknown }[]; [field: string]: unknown }[]
    [field: string]: unknown
  }
  packageAttachment: { packages: OrderPackage[] }
  [field: string]: unknown
}

/** Body of `POST /api/oms/pvt/orders/{orderId}/invoice` (schema-checked before it gets here). */
export interface InvoiceRequest {
  type: 'Output' | 'Input'
  issuanceDate: string
  invoiceNumber: string | null
  invoiceValue: string
  invoiceKey?: string | null
  invoiceUrl?: string | null
  embeddedInvoice?: string | null
  courier?: string
  trackingNumber?: string | null
  trackingUrl?: string | null
  dispatchedDate?: string | null
  items: { id: string; price: number; quantity: number; description?: string }[]
}

/** Body of `PATCH /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}`. */
export interface PatchInvoiceRequest {
  trackingNumber: string
  trackingUrl: string | null
  dispatchedDate: string | null
  courier: string | null
}

/** Body of `PUT /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}/tracking`. */
export interface TrackingRequest {
  isDelivered: boolean
  deliveredDate: string | null
  events: { city: string; state: string; description: string; date: string }[]
}

/** The `{date, orderId, receipt}` answer of the three write endpoints. */
export interface Receipt {
  date: string
  orderId: string
  receipt: string
}

export interface ListOrdersQuery {
  f_status?: string
  f_creationDate?: string
  f_invoicedDate?: string
  page?: number | string
  per_page?: number | string
  orderBy?: string
}

/** One status transition, as the broadcaster reports it. */
export interface StatusTransition {
  lastState: string
  currentState: string
  lastChangeDate: string
  currentChangeDate: string
}

/** Errors the emulated OMS answers with (`{"error":{"code","message","exception":null}}`). */
export class OmsError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = '1'
  ) {
    super(message)
    this.name = 'OmsError'
  }
}
