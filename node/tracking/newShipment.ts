import { destinationTimeZone } from './timeZones'
import type { Order, OrderPackage } from '../typings/orders'
import { resolveCarrier } from './resolveCarrier'
import type { ResolutionRules } from './resolveCarrier'
import { recheckLater } from './schedulePolicy'
import type { ShipmentPatch, ShipmentRecord } from './shipment'
import { normalizeTrackingNumber, rawTrackingNumber } from './trackingNumber'
import { checkTrackingUrl } from './trackingUrl'
import { boundText } from './bounds'
import type { StoreCalendar } from './businessDays'
import { parseShippingEstimate, promiseFromEstimate } from './businessDays'

const FIRST_CHECK_GRACE_MS = 5 * 60_000
/** Courier names and tracking numbers from the invoice: real ones are far shorter. */
const MAX_INVOICE_TEXT = 100

export interface RegistrationContext extends ResolutionRules {
  now: number
  pollingIntervalHours: number
  /** Backfill: carrier news before this instant is never emailed to the customer. */
  emailsFrom?: string
  /** The store's time zone and holidays: business-day promises are counted in them. */
  calendar: StoreCalendar
}

/** Output (selling) invoices are shipments; Input invoices are returns the store receives. */
export const shippedPackages = (order: Order): OrderPackage[] =>
  (order.packageAttachment?.packages ?? []).filter((p) => p.type !== 'Input' && Boolean(p.invoiceNumber))

/**
 * The latest date the store promised the customer: each delivery's `shippingEstimateDate` when
 * the order has it (VTEX dates it from the carrier's calendar), else its `shippingEstimate`
 * counted from invoicing (`5bd` in business days of the store's calendar, `3d` in calendar days).
 */
export function promisedDelivery(order: Order, invoicedAt: number, calendar: StoreCalendar): string | null {
  const dates = (order.shippingData?.logisticsInfo ?? [])
    .map((info) => {
      const dated = info.shippingEstimateDate ? Date.parse(info.shippingEstimateDate) : NaN
      if (Number.isFinite(dated)) return dated
      return promiseFromEstimate(invoicedAt, parseShippingEstimate(info.shippingEstimate), calendar) ?? NaN
    })
    .filter((time) => Number.isFinite(time))
  return dates.length > 0 ? new Date(Math.max(...dates)).toISOString() : null
}

/**
 * Where a package stands given what the order says now: its number, carrier and so whether it
 * can be polled. Used for new packages and to re-evaluate waiting ones.
 */
export function trackingIdentity(pkg: OrderPackage, ctx: RegistrationContext): ShipmentPatch {
  const invoiced = pkg.trackingNumber?.slice(0, MAX_INVOICE_TEXT)
  const trackingNumber = normalizeTrackingNumber(invoiced)
  const resolution = resolveCarrier(pkg.courier, trackingNumber, ctx)
  const later = new Date(recheckLater(ctx.now, ctx.pollingIntervalHours)).toISOString()
  const url = checkTrackingUrl(pkg.trackingUrl)
  const base: ShipmentPatch = {
    trackingNumber,
    trackingNumberRaw: trackingNumber === null ? null : rawTrackingNumber(invoiced),
    courierName: boundText(pkg.courier ?? '', MAX_INVOICE_TEXT) || null,
    carrier: resolution.carrier,
    carrierCandidates: resolution.via === 'ambiguous' ? resolution.candidates : [],
    trackingUrl: url.url,
    rejectedTrackingUrl: url.rejected,
  }
  if (trackingNumber === null) {
    return { ...base, state: 'awaiting_tracking', nextCheckAt: later, nextCheckReason: 'awaiting_tracking_number' }
  }
  if (resolution.via === 'tracking_link') {
    // Nothing to poll: only the merchant's tracking page goes to the invoice, at once (due now
    // until it is written, so a failed write is retried by the sweep).
    const nowIso = new Date(ctx.now).toISOString()
    return url.url === null
      ? { ...base, state: 'link_only', nextCheckAt: nowIso, nextCheckReason: 'tracking_link_pending' }
      : { ...base, state: 'link_only', nextCheckAt: null, nextCheckReason: 'tracking_link_on_invoice' }
  }
  if (resolution.carrier === null) {
    const reason = resolution.via === 'ambiguous' ? 'ambiguous_carrier' : 'unresolved_carrier'
    return { ...base, state: 'unresolved_carrier', nextCheckAt: later, nextCheckReason: reason }
  }
  // The entry point that registers it checks it at once; the short grace is a claim that keeps an
  // overlapping sweep from polling it twice, and lets the sweep take over if that check dies.
  const claimed = new Date(ctx.now + FIRST_CHECK_GRACE_MS).toISOString()
  return { ...base, state: 'active', nextCheckAt: claimed, nextCheckReason: 'registered' }
}

export function newShipmentRecord(
  id: string,
  order: Order,
  pkg: OrderPackage,
  ctx: RegistrationContext
): ShipmentRecord {
  const nowIso = new Date(ctx.now).toISOString()
  const identity = trackingIdentity(pkg, ctx)
  const invoicedAt = validIso(order.invoicedDate) ?? validIso(pkg.issuanceDate) ?? nowIso
  return {
    id,
    orderId: order.orderId,
    invoiceNumber: pkg.invoiceNumber,
    trackingNumber: identity.trackingNumber ?? null,
    trackingNumberRaw: identity.trackingNumberRaw ?? null,
    courierName: identity.courierName ?? null,
    carrier: identity.carrier ?? null,
    carrierCandidates: identity.carrierCandidates ?? [],
    state: identity.state ?? 'active',
    status: 'PENDING',
    substatus: null,
    events: [],
    droppedEvents: 0,
    eventsHash: null,
    lastEventAt: null,
    lastEventDescription: null,
    lastEventLocation: null,
    firstEventAt: null,
    estimatedDelivery: null,
    promisedDelivery: promisedDelivery(order, Date.parse(invoicedAt), ctx.calendar),
    destinationTimeZone: destinationTimeZone(order.shippingData?.address?.country, order.shippingData?.address?.state),
    invoicedAt,
    registeredAt: nowIso,
    deliveredAt: null,
    deliveredOnTime: null,
    // null is a decision (nothing to check), not a missing value.
    nextCheckAt: identity.nextCheckAt === undefined ? nowIso : identity.nextCheckAt,
    nextCheckReason: identity.nextCheckReason ?? 'registered',
    lastCheckedAt: null,
    checkCount: 0,
    consecutiveErrors: 0,
    lastErrorReason: null,
    lastErrorMessage: null,
    lastErrorAt: null,
    trackingUrl: identity.trackingUrl ?? null,
    rejectedTrackingUrl: identity.rejectedTrackingUrl ?? null,
    invoicePatchedAt: null,
    lastWrittenHash: null,
    lastOmsWriteAt: null,
    lastManualActionBy: null,
    carrierSetBy: null,
    emailsSent: 0,
    emailsSuppressed: 0,
    emailOutcome: null,
    ...(ctx.emailsFrom === undefined ? {} : { emailsFrom: ctx.emailsFrom }),
  }
}

/**
 * For an existing record: the patch when the invoice's tracking number appeared or changed since
 * registration (PATCHing a number fires no order event, so the sweep finds these). Else undefined.
 */
export function identityChange(
  record: ShipmentRecord,
  pkg: OrderPackage,
  ctx: RegistrationContext
): ShipmentPatch | undefined {
  if (record.state === 'done' || record.state === 'expired') return undefined
  const identity = trackingIdentity(pkg, ctx)
  // Compared normalized: the same number typed another way ("dg 0491…", "DG-0491…") is no change.
  const sameNumber = identity.trackingNumber === normalizeTrackingNumber(record.trackingNumber)
  // Same carrier and same way of following it (a link template or candidates may have appeared).
  const sameCarrier =
    identity.carrier === record.carrier &&
    identity.state === record.state &&
    (identity.carrierCandidates ?? []).join() === (record.carrierCandidates ?? []).join()
  // A carrier an admin corrected by hand wins over what the order says, for the same number.
  if (sameNumber && (sameCarrier || record.carrierSetBy !== null)) return undefined
  return sameNumber
    ? identity
    : {
        ...identity,
        status: 'PENDING',
        events: [],
        droppedEvents: 0,
        eventsHash: null,
        lastWrittenHash: null,
        invoicePatchedAt: null,
        carrierSetBy: null,
      }
}

const validIso = (value: string | null | undefined): string | null => {
  if (!value) return null
  const time = Date.parse(value)
  return Number.isFinite(time) ? new Date(time).toISOString() : null
}
