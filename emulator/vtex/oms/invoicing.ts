/**
 * What the three OMS write endpoints do to an order document, as pure functions over it. The store
 * wraps each in a transaction; keeping them here keeps the rules readable in one place.
 */
import { eventDate, hexId, vtexDate } from './dates'
import { STATUS_DESCRIPTIONS } from './orderFactory'
import { OmsError } from './types'
import type {
  InvoiceRequest,
  OrderDocument,
  OrderPackage,
  PatchInvoiceRequest,
  Receipt,
  StatusTransition,
  TrackingRequest,
} from './types'

const INVOICEABLE = new Set(['ready-for-handling', 'handling', 'invoiced'])
/** From the older UpdateTrackingStatus reference page: "This field is limited to 5000 characters". */
const MAX_DESCRIPTION = 5000

/** Invoice notification. Re-sending an invoice number replaces that package (the spec's "overrides"). */
export function applyInvoice(
  order: OrderDocument,
  body: InvoiceRequest,
  now: Date,
  lastStatusChange: string
): StatusTransition | undefined {
  if (!INVOICEABLE.has(order.status)) {
    throw new OmsError(409, `Order status should be ready-for-handling or handling to perform this action`)
  }
  const invoiceNumber = body.invoiceNumber
  // The spec marks it nullable, but a package without a number cannot be addressed by PATCH/PUT later.
  if (invoiceNumber === null || invoiceNumber.trim() === '') throw new OmsError(400, 'invoiceNumber is required')
  if (!/^\d+$/.test(body.invoiceValue) || Number(body.invoiceValue) <= 0) {
    const got = JSON.stringify(body.invoiceValue)
    throw new OmsError(400, `invoiceValue must be a string of cents greater than 0, like "2499" (got ${got})`)
  }
  const issuance = parseDate('issuanceDate', body.issuanceDate)
  const items = body.items.map((item) => {
    const itemIndex = order.items.findIndex((orderItem) => orderItem.id === item.id)
    if (itemIndex < 0) throw new OmsError(400, `Item ${item.id} is not part of order ${order.orderId}`)
    const unitMultiplier = order.items[itemIndex].unitMultiplier
    return {
      itemIndex,
      quantity: item.quantity,
      price: item.price,
      description: item.description ?? null,
      unitMultiplier: typeof unitMultiplier === 'number' ? unitMultiplier : null,
    }
  })
  const packages = order.packageAttachment.packages
  const previous = packages.findIndex((pkg) => pkg.invoiceNumber === invoiceNumber)
  const pkg: OrderPackage = {
    items,
    courier: body.courier ?? null,
    invoiceNumber,
    invoiceValue: Number(body.invoiceValue),
    invoiceUrl: body.invoiceUrl ?? null,
    issuanceDate: vtexDate(issuance),
    // Kept as sent: the spec tells integrators to send "" here, so the app must read "" as "none".
    trackingNumber: body.trackingNumber ?? null,
    invoiceKey: body.invoiceKey ?? null,
    trackingUrl: body.trackingUrl ?? null,
    // Real orders show null here, but the GetOrder schema types it as a non-nullable string.
    embeddedInvoice: body.embeddedInvoice ?? '',
    type: body.type,
    // Tracking events belong to the shipment, so an invoice override keeps them.
    courierStatus: previous >= 0 ? packages[previous].courierStatus : null,
    cfop: null,
    volumes: 1,
    EnableInferItems: false,
  }
  if (previous >= 0) packages[previous] = pkg
  else packages.push(pkg)
  order.lastChange = vtexDate(now)
  // "Only after reaching the total order value will the status change to Invoiced": a partial
  // invoice (one package of several) leaves the order where it is, and nothing is broadcast.
  if (body.type !== 'Output' || order.status === 'invoiced' || outputInvoicedValue(order) < order.value) {
    return undefined
  }
  const transition = {
    lastState: order.status,
    currentState: 'invoiced',
    lastChangeDate: lastStatusChange,
    currentChangeDate: eventDate(now),
  }
  order.status = 'invoiced'
  order.statusDescription = STATUS_DESCRIPTIONS.invoiced
  order.invoicedDate = order.invoicedDate ?? vtexDate(now)
  return transition
}

/** What the order's Output (selling) invoices add up to, in cents. */
export const outputInvoicedValue = (order: OrderDocument): number =>
  order.packageAttachment.packages
    .filter((pkg) => pkg.type === 'Output')
    .reduce((sum, pkg) => sum + pkg.invoiceValue, 0)

/** Partial-invoice PATCH: sets the tracking number, URL and courier. No status change, so no event. */
export function applyTrackingNumber(
  order: OrderDocument,
  invoiceNumber: string,
  body: PatchInvoiceRequest,
  now: Date
): void {
  const pkg = requirePackage(order, invoiceNumber)
  pkg.trackingNumber = body.trackingNumber
  pkg.trackingUrl = body.trackingUrl
  if (body.courier !== null) pkg.courier = body.courier
  order.lastChange = vtexDate(now)
}

/** Tracking PUT: replaces the package's courierStatus with the events sent (the full list each time). */
export function applyTracking(order: OrderDocument, invoiceNumber: string, body: TrackingRequest, now: Date): void {
  const pkg = requirePackage(order, invoiceNumber)
  if (!pkg.trackingNumber) {
    throw new OmsError(
      409,
      `Invoice ${invoiceNumber} has no tracking number yet: send it first with ` +
        `PATCH /api/oms/pvt/orders/${order.orderId}/invoice/${invoiceNumber}`
    )
  }
  const data = body.events.map((event, index) => {
    if (event.description.length > MAX_DESCRIPTION) {
      throw new OmsError(400, `events[${index}].description is limited to ${MAX_DESCRIPTION} characters`)
    }
    return {
      lastChange: vtexDate(now),
      city: event.city,
      state: event.state,
      description: event.description,
      createDate: vtexDate(parseDate(`events[${index}].date`, event.date)),
    }
  })
  const delivered = body.deliveredDate === null ? undefined : parseDate('deliveredDate', body.deliveredDate)
  pkg.courierStatus = {
    // Older reference docs: "The courierStatus field of status remains as unknown".
    status: 'unknown',
    finished: body.isDelivered,
    // Left out until known: real orders omit it and the spec types it as a non-nullable string.
    ...(delivered ? { deliveredDate: vtexDate(delivered) } : {}),
    data,
  }
  order.lastChange = vtexDate(now)
}

export const receiptFor = (order: OrderDocument, now: Date): Receipt => ({
  date: vtexDate(now),
  orderId: order.orderId,
  receipt: hexId(),
})

function requirePackage(order: OrderDocument, invoiceNumber: string): OrderPackage {
  const pkg = order.packageAttachment.packages.find((candidate) => candidate.invoiceNumber === invoiceNumber)
  if (!pkg) throw new OmsError(404, `Invoice Not Found: ${invoiceNumber} is not an invoice of order ${order.orderId}`)
  return pkg
}

/** Accepts ISO 8601 and the spec's `yyyy-mm-dd hh:mm` (read as UTC, as OMS stores dates). */
export function parseDate(field: string, value: string): Date {
  const trimmed = value.trim()
  const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(trimmed) ? `${trimmed.replace(' ', 'T')}Z` : trimmed
  const date = new Date(text)
  if (trimmed === '' || Number.isNaN(date.getTime())) {
    throw new OmsError(400, `${field} is not a valid date: ${JSON.stringify(value)}`)
  }
  return date
}
