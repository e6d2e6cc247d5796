import { CARRIERS } from '../carriers'
import { InvalidInputError } from '../errors'
import { shipmentId } from '../registry/shipmentId'
import { ShipmentRegistry } from '../registry/shipmentRegistry'
import type { AppSettings } from '../settings/appSettings'
import type { RegistrationContext } from '../tracking/newShipment'
import { identityChange, newShipmentRecord, shippedPackages } from '../tracking/newShipment'
import type { ShipmentRecord } from '../tracking/shipment'
import type { AppContext } from '../typings/context'
import type { Order, OrderPackage } from '../typings/orders'
import type { ClaimSet } from './claims/shipmentClaims'
import { claimShipments } from './claims/shipmentClaims'
import { asPlatformError, httpStatusOf } from './platformErrors'
import { needsTrackingLink, writeTrackingLink } from './trackingLinks'
import type { StoreCalendar } from '../tracking/businessDays'
import { loadStoreCalendar } from './storeCalendar'

export interface RegistrationOutcome {
  /** Records that are new or whose tracking number/carrier changed: due for a check now. */
  due: ShipmentRecord[]
  /** Records that already existed unchanged (duplicate event). */
  unchanged: number
  /** Packages registered but not pollable yet (no number, or no carrier). */
  waiting: number
  /** Packages another worker was registering or checking at that moment (claimed): left to it. */
  busy: number
  /** Link-only packages whose tracking page was written to the invoice now: nothing more to do. */
  linked: string[]
  /** New records not written yet (`deferNewTrackable`): the caller must write them. */
  unsaved: Map<string, ShipmentRecord>
}

/** Registry ids of an order's shipped packages (what registration claims). */
export const packageIds = (order: Order): string[] =>
  shippedPackages(order).map((pkg) => shipmentId(order.orderId, pkg.invoiceNumber))

export async function loadOrder(ctx: AppContext, orderId: string): Promise<Order> {
  try {
    return await ctx.clients.oms.order(orderId)
  } catch (error) {
    if (httpStatusOf(error) === 404) throw new InvalidInputError(`order ${orderId} does not exist in OMS`)
    throw asPlatformError('oms', error)
  }
}

/** How a package comes to be registered: the backfill marks its shipments (see RegistrationContext). */
export interface RegisterOptions {
  emailsFrom?: string
  /**
   * New trackable packages are not written yet: the caller checks them at once and creates each
   * document with its first check (one Master Data write instead of two), then writes whatever
   * that check did not save (`unsaved`). The claim held meanwhile keeps everyone else off them.
   */
  deferNewTrackable?: boolean
}

export const registrationContext = (
  settings: AppSettings,
  calendar: StoreCalendar,
  now = Date.now(),
  options: RegisterOptions = {}
): RegistrationContext => ({
  now,
  calendar,
  ...(options.emailsFrom === undefined ? {} : { emailsFrom: options.emailsFrom }),
  pollingIntervalHours: settings.pollingIntervalHours,
  courierMappings: settings.courierMappings,
  trackingLinks: settings.trackingLinks,
  carriers: CARRIERS,
})

/**
 * Upserts one registry document per shipped package of an order. Idempotent: a duplicate event
 * finds the same deterministic ids and changes nothing; a tracking number that appeared since
 * updates the document and makes it due. Each package is claimed first (or under the caller's
 * `claim`), so concurrent deliveries of the same event never both create or check it.
 */
export async function registerShipments(
  ctx: AppContext,
  order: Order,
  settings: AppSettings,
  claim?: ClaimSet,
  options: RegisterOptions = {}
): Promise<RegistrationOutcome> {
  const own = claim ?? (await claimShipments(ctx.clients.vbase, packageIds(order)))
  try {
    return await registerClaimed(ctx, order, settings, own, options)
  } finally {
    if (!claim) await own.release()
  }
}

async function registerClaimed(
  ctx: AppContext,
  order: Order,
  settings: AppSettings,
  claim: ClaimSet,
  options: RegisterOptions
): Promise<RegistrationOutcome> {
  const packages = shippedPackages(order)
  if (packages.length === 0) {
    throw new InvalidInputError(`order ${order.orderId} is invoiced but has no output invoice (package) to track`)
  }
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  await registry.ensureSchema()
  const regCtx = registrationContext(settings, await loadStoreCalendar(ctx, settings), Date.now(), options)
  const outcome: RegistrationOutcome = { due: [], unchanged: 0, waiting: 0, busy: 0, linked: [], unsaved: new Map() }

  for (const pkg of packages) {
    const id = shipmentId(order.orderId, pkg.invoiceNumber)
    if (!claim.holds(id)) {
      outcome.busy += 1
      continue
    }
    const existing = await registry.get(id)
    const current = await registerPackage(ctx, registry, order, pkg, id, existing, regCtx, outcome, options)
    if (needsTrackingLink(current)) {
      if (await writeTrackingLink(ctx, registry, current, regCtx)) outcome.linked.push(id)
    }
  }
  return outcome
}

/** Creates or updates one package's document; returns the record as it now stands. */
async function registerPackage(
  ctx: AppContext,
  registry: ShipmentRegistry,
  order: Order,
  pkg: OrderPackage,
  id: string,
  existing: ShipmentRecord | null,
  regCtx: RegistrationContext,
  outcome: RegistrationOutcome,
  options: RegisterOptions
): Promise<ShipmentRecord> {
  if (existing === null) {
    const record = newShipmentRecord(id, order, pkg, regCtx)
    if (options.deferNewTrackable === true && record.state === 'active') outcome.unsaved.set(id, record)
    else await registry.put(record)
    countInto(outcome, record)
    ctx.vtex.logger.info({
      message: 'shipment registered',
      orderId: order.orderId,
      invoiceNumber: pkg.invoiceNumber,
      trackingNumber: record.trackingNumber,
      carrier: record.carrier,
      carrierCandidates: record.carrierCandidates,
      state: record.state,
    })
    if (record.rejectedTrackingUrl !== null) {
      ctx.vtex.logger.warn({
        message: 'invoice trackingUrl is not an http(s) URL: kept as text, never linked or written back',
        orderId: order.orderId,
        invoiceNumber: pkg.invoiceNumber,
      })
    }
    return record
  }
  const change = identityChange(existing, pkg, regCtx)
  if (change === undefined) {
    outcome.unchanged += 1
    return existing
  }
  await registry.patch(id, change)
  const updated = { ...existing, ...change }
  countInto(outcome, updated)
  ctx.vtex.logger.info({
    message: 'shipment tracking identity updated',
    orderId: order.orderId,
    invoiceNumber: pkg.invoiceNumber,
    trackingNumber: updated.trackingNumber,
    carrier: updated.carrier,
    state: updated.state,
  })
  return updated
}

function countInto(outcome: RegistrationOutcome, record: ShipmentRecord): void {
  if (record.state === 'active') outcome.due.push(record)
  else outcome.waiting += 1
}
