/**
 * The subset of the Orders API (OMS) the app reads and writes. Field names and types follow
 * shared/contracts/vtex/VTEX - Orders API.json (GetOrder, Update partial invoice, Update tracking).
 */
export interface OrderPackage {
  courier: string | null
  invoiceNumber: string
  invoiceValue: number
  invoiceUrl?: string | null
  issuanceDate: string
  trackingNumber: string | null
  trackingUrl: string | null
  type: 'Output' | 'Input'
  courierStatus?: {
    status: string | null
    finished: boolean
    deliveredDate: string | null
    data: Array<{ lastChange?: string; city: string; state: string; description: string; createDate: string }>
  } | null
}

export interface LogisticsInfo {
  itemIndex: number
  selectedSla: string | null
  deliveryCompany?: string | null
  shippingEstimate?: string | null
  shippingEstimateDate?: string | null
}

export interface Order {
  orderId: string
  status: string
  origin?: string
  creationDate: string
  invoicedDate?: string | null
  hostname?: string
  clientProfileData?: { email?: string; firstName?: string; lastName?: string } | null
  /** The shopper's language, e.g. "pt-BR": the app's emails are written in it. */
  clientPreferencesData?: { locale?: string | null } | null
  salesChannel?: string | null
  shippingData?: {
    address?: { city?: string | null; state?: string | null; country?: string | null } | null
    logisticsInfo?: LogisticsInfo[]
  } | null
  packageAttachment?: { packages?: OrderPackage[] | null } | null
}

export interface OrderListItem {
  orderId: string
  status: string
  creationDate: string
}

export interface OrderList {
  list: OrderListItem[]
  paging: { total: number; pages: number; currentPage: number; perPage: number }
}

/** What the app lists orders by: statuses (`f_status`) and a date range on one date field. */
export interface OrderListQuery {
  statuses: readonly string[]
  dateField: 'invoicedDate' | 'creationDate'
  fromIso: string
  toIso: string
  page: number
}

/** Body of PATCH /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}: all four fields required. */
export interface InvoiceTrackingPatch {
  trackingNumber: string
  trackingUrl: string | null
  dispatchedDate: string | null
  courier: string | null
}

/** Body of PUT /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}/tracking. */
export interface TrackingUpdate {
  isDelivered: boolean
  /** "yyyy-mm-dd hh:mm" per the spec; null while not delivered (the spec requires the key). */
  deliveredDate: string | null
  events: Array<{ city: string; state: string; description: string; date: string }>
}

export interface OmsReceipt {
  date: string
  orderId: string
  receipt: string
}
