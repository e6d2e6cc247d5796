import { orderShows } from '../../tracking/orderShows'
import type { CheckOutcome } from '../../tracking/applyResult'
import type { ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'

/** Reads the order and tells which of the outcome's writes it already shows (see tracking/orderShows). */
export async function orderAlreadyShows(
  ctx: AppContext,
  record: ShipmentRecord,
  outcome: CheckOutcome
): Promise<{ invoice: boolean; tracking: boolean }> {
  if (!outcome.invoicePatch && !outcome.trackingUpdate) return { invoice: false, tracking: false }
  const order = await ctx.clients.oms.order(record.orderId)
  return orderShows(order, record.invoiceNumber, outcome)
}
