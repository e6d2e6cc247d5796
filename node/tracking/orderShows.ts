import type { Order, OrderPackage, TrackingUpdate } from '../typings/orders'
import type { CheckOutcome } from './applyResult'

/**
 * Does the order already show what a check is about to write? Used only after taking over the
 * claim of a worker that died between its order write and its registry write: re-sending the same
 * tracking would be a duplicate write (and a duplicate email on VTEX's side).
 */
export function orderShows(
  order: Order,
  invoiceNumber: string,
  outcome: Pick<CheckOutcome, 'invoicePatch' | 'trackingUpdate'>
): { invoice: boolean; tracking: boolean } {
  const pkg = order.packageAttachment?.packages?.find((p) => p.invoiceNumber === invoiceNumber)
  if (!pkg) return { invoice: false, tracking: false }
  const invoice =
    outcome.invoicePatch !== undefined &&
    pkg.trackingNumber === outcome.invoicePatch.trackingNumber &&
    pkg.trackingUrl === outcome.invoicePatch.trackingUrl
  return {
    invoice,
    tracking: outcome.trackingUpdate !== undefined && sameTracking(pkg.courierStatus, outcome.trackingUpdate),
  }
}

type CourierStatus = NonNullable<OrderPackage['courierStatus']>

function sameTracking(current: CourierStatus | null | undefined, update: TrackingUpdate): boolean {
  if (!current || current.finished !== update.isDelivered || current.data.length !== update.events.length) return false
  return update.events.every((event, i) => {
    const shown = current.data[i]
    return (
      shown.description === event.description &&
      shown.city === event.city &&
      shown.state === event.state &&
      sameInstant(shown.createDate, event.date)
    )
  })
}

/** OMS answers dates in UTC without an offset sometimes: compare instants, read offset-less as UTC. */
const sameInstant = (a: string, b: string): boolean => toMs(a) === toMs(b)
const toMs = (value: string): number =>
  Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value.replace(' ', 'T')}Z`)
