import { packageKey, ShipmentRegistry } from '../registry/shipmentRegistry'
import type { AppSettings } from '../settings/appSettings'
import { shippedPackages } from '../tracking/newShipment'
import type { ShipmentRecord } from '../tracking/shipment'
import type { AppContext } from '../typings/context'
import { mapLimit } from './concurrency'
import type { RegisterOptions } from './registerShipments'
import { loadOrder, registerShipments } from './registerShipments'

/** Orders of one page read and registered at once (OMS allows 6,000 requests a minute). */
const ORDER_CONCURRENCY = 8

export interface ListedOutcome {
  /** Packages registered now (new, or whose number/carrier changed) that can be checked at once. */
  due: ShipmentRecord[]
  /** Orders that had at least one package the registry did not know. */
  registeredOrders: number
  /** Orders that could not be read or registered; the caller retries them later. */
  failed: string[]
}

/**
 * Registers the output invoices of listed orders that the registry does not know yet: a package
 * invoiced days after its sibling, an order whose `invoiced` event never arrived. One registry
 * search for the whole page; each order is read from OMS (the list carries no invoices), a few at
 * a time. One order that fails is reported, never allowed to stop the others.
 */
export async function registerListedOrders(
  ctx: AppContext,
  settings: AppSettings,
  orderIds: readonly string[],
  options: RegisterOptions & { source?: 'reconciliation' | 'backfill' } = {}
): Promise<ListedOutcome> {
  const source = options.source ?? 'reconciliation'
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  const known = await registry.knownPackagesOf(orderIds)
  const outcome: ListedOutcome = { due: [], registeredOrders: 0, failed: [] }
  await mapLimit([...new Set(orderIds)], ORDER_CONCURRENCY, async (orderId) => {
    try {
      const order = await loadOrder(ctx, orderId)
      const unknown = shippedPackages(order).filter((pkg) => !known.has(packageKey(orderId, pkg.invoiceNumber)))
      if (unknown.length === 0) return
      const registered = await registerShipments(ctx, order, settings, undefined, options)
      outcome.due.push(...registered.due)
      outcome.registeredOrders += 1
      ctx.vtex.logger.info({
        message: `registered invoices found by ${source}`,
        orderId,
        status: order.status,
        invoiceNumbers: unknown.map((pkg) => pkg.invoiceNumber),
      })
    } catch (error) {
      outcome.failed.push(orderId)
      ctx.vtex.logger.warn({ message: `${source} could not register an order`, orderId, error: String(error) })
    }
  })
  return outcome
}
