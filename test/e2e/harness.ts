import assert from 'node:assert/strict'

import { SimClock } from '../../emulator/clock'
import { erpRequest } from '../../emulator/erpClient'
import type { Stack, StackOptions } from '../../emulator/stack'
import { startStack } from '../../emulator/stack'
import { s10CheckDigit } from '../../node/carriers/correios/trackingNumber'
import { SHIPMENT_ENTITY, SHIPMENT_FIELDS } from '../../node/registry/schema'
import { ADMIN_API_BASE, adminContractErrors } from '../adminContract'
import type { ShipmentRecord } from '../../node/tracking/shipment'

/** A fixed simulated start so timelines and assertions are reproducible. */
export const T0 = Date.parse('2026-11-02T12:00:00.000Z')

/**
 * The stack for one test file. Stopping it fails when the app sent the emulated platform any
 * request outside the official OpenAPI contracts (answered 400 at the time, and recorded), even if
 * the app carried on: a test that passes only because the emulator was kind proves nothing.
 */
export async function startTestStack(options: Partial<StackOptions> = {}): Promise<Stack & { clock: SimClock }> {
  const clock = new SimClock(T0, 1)
  const stack = await startStack({ clock, tickMs: 0, ...options })
  return {
    ...stack,
    clock,
    stop: async () => {
      const violations = stack.platform.contract.violations()
      await stack.stop()
      assert.deepEqual(violations, [], 'requests the VTEX contracts refuse')
    },
  }
}

/**
 * Calls an emulator control endpoint (or an app route through the emulator's gateway). Every
 * admin API answer is checked against docs/admin-api.openapi.json: a test fails on a response the
 * contract does not describe, however the test itself reads it.
 */
export async function call<T = unknown>(
  stack: Stack,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${stack.platform.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // keep text
  }
  if (path.startsWith(ADMIN_API_BASE)) {
    const errors = adminContractErrors(
      method,
      path,
      response.status,
      body,
      parsed,
      response.headers.get('content-type')
    )
    assert.deepEqual(errors, [], `admin API answer outside docs/admin-api.openapi.json`)
  }
  return { status: response.status, body: parsed as T }
}

/** Moves the simulated clock and lets the emulated scheduler fire what became due. */
export async function advanceHours(stack: Stack & { clock: SimClock }, hours: number): Promise<void> {
  stack.clock.advance(hours * 3600_000)
  await stack.platform.scheduler.tick()
  await stack.platform.settle()
}

// ---- Shared scenario helpers -------------------------------------------------------------

/** A valid Correios S10 number (check digit computed), distinct per serial. */
export const correiosNumber = (serial: number, prefix = 'DG'): string => {
  const digits = String(serial).padStart(8, '0')
  return `${prefix}${digits}${s10CheckDigit(digits)}BR`
}

/** Valid UPS 1Z numbers (from the tracking_number_data test set). */
export const UPS_NUMBERS = ['1Z5R89390357567127', '1Z879E930346834440', '1Z410E7W0392751591', '1Z8V92A70367203024']

export function registryDocs(stack: Stack, where?: string): ShipmentRecord[] {
  return stack.platform.masterdata.search({
    account: stack.account,
    entity: SHIPMENT_ENTITY,
    where,
    fields: [...SHIPMENT_FIELDS],
    sort: 'invoicedAt ASC',
    from: 0,
    to: 100,
  }).docs as unknown as ShipmentRecord[]
}

/** Requests the emulated platform (or a carrier) received, optionally since a journal mark. */
export const received = (
  stack: Stack,
  filter: { module?: string; method?: string; pathIncludes?: string; sinceSeq?: number }
) => stack.platform.journal.list(filter)

/** Order writes (invoice PATCH and tracking PUT) the app made, optionally for one order. */
export const orderWrites = (stack: Stack, orderId?: string, sinceSeq?: number) =>
  stack.platform.journal
    .list({ module: 'oms', sinceSeq })
    .filter((e) => (e.method === 'PATCH' || e.method === 'PUT') && (!orderId || e.path.includes(orderId)))

export interface InvoicedOrder {
  orderId: string
  trackingNumber: string
  invoiceNumber: string
}

/** Creates an order, scripts the carrier timeline and invoices it as an ERP would. */
export async function invoicedOrder(
  stack: Stack,
  options: {
    carrier: 'correios' | 'ups'
    trackingNumber: string
    story?: string
    courier?: string
    invoiceNumber?: string
    /** The invoice's own tracking URL (none by default). */
    trackingUrl?: string
    scriptTimeline?: boolean
  }
): Promise<InvoicedOrder> {
  const courier = options.courier ?? (options.carrier === 'correios' ? 'Correios SEDEX' : 'UPS Ground')
  const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
    courier,
    country: options.carrier === 'correios' ? 'BRA' : 'USA',
    shippingEstimateDays: 5,
  })
  if (order.status !== 201) throw new Error(`create order failed: ${JSON.stringify(order.body)}`)
  if (options.scriptTimeline !== false) {
    const scripted = await call(stack, 'POST', '/_emulator/shipments', {
      carrier: options.carrier,
      trackingNumber: options.trackingNumber,
      story: options.story ?? 'delivered',
    })
    if (scripted.status !== 201) throw new Error(`script failed: ${JSON.stringify(scripted.body)}`)
  }
  const invoiceNumber = options.invoiceNumber ?? `NF${order.body.orderId.slice(7, 13)}`
  const invoiced = await call(stack, 'POST', `/_emulator/orders/${order.body.orderId}/invoice`, {
    courier,
    trackingNumber: options.trackingNumber,
    invoiceNumber,
    ...(options.trackingUrl === undefined ? {} : { trackingUrl: options.trackingUrl }),
  })
  if (invoiced.status !== 200) throw new Error(`invoice failed: ${JSON.stringify(invoiced.body)}`)
  return { orderId: order.body.orderId, trackingNumber: options.trackingNumber, invoiceNumber }
}

/** Runs the scheduled sweep now, exactly as the VTEX scheduler calls it (with its secret). */
export async function runSweep(stack: Stack): Promise<number> {
  const status = await stack.platform.scheduler.runNow('order-tracking-sweep')
  await stack.platform.settle()
  return status
}

export interface OrderPackageView {
  invoiceNumber: string
  trackingNumber: string | null
  trackingUrl: string | null
  courier: string | null
  courierStatus: null | {
    finished: boolean
    deliveredDate?: string | null
    data: Array<{ city: string; state: string; description: string; createDate: string }>
  }
}

export async function orderPackage(stack: Stack, orderId: string): Promise<OrderPackageView> {
  const order = await call<{ packageAttachment: { packages: OrderPackageView[] } }>(
    stack,
    'GET',
    `/_emulator/orders/${orderId}`
  )
  return order.body.packageAttachment.packages[0]
}

/** Calls an emulated upstream (e.g. the OMS API) through the platform proxy, as an ERP integration would. */
export const platformRequest = (stack: Stack, method: string, host: string, path: string, body?: unknown) =>
  erpRequest(stack.platform.url, stack.account, method, host, path, body)

export const carrierCalls = (stack: Stack, carrier: 'correios' | 'ups', trackingNumber?: string, sinceSeq?: number) =>
  stack.platform.journal
    .list({ module: carrier, sinceSeq })
    .filter((e) => (carrier === 'correios' ? e.path.includes('/srorastro/') : e.path.includes('/track/v1/')))
    .filter((e) => !trackingNumber || e.path.includes(trackingNumber) || e.query.includes(trackingNumber))

/**
 * Order writes that repeat the previous write to the same invoice (same method, same body): what
 * "written twice" means. Every write must differ from the one before it for that invoice.
 */
export function duplicateOrderWrites(stack: Stack, sinceSeq = 0): string[] {
  const last = new Map<string, string>()
  const duplicates: string[] = []
  for (const write of orderWrites(stack, undefined, sinceSeq)) {
    if (write.status >= 300) continue
    const key = `${write.method} ${write.path}`
    const body = JSON.stringify(write.body)
    if (last.get(key) === body) duplicates.push(key)
    last.set(key, body)
  }
  return duplicates
}

/** Makes a carrier answer late (`delayMs`) or never (`hang`) for its next `times` tracking calls. */
export async function slowCarrier(
  stack: Stack,
  carrier: 'correios' | 'ups',
  fault: { delayMs?: number; hang?: boolean; times?: number }
): Promise<void> {
  const host = carrier === 'correios' ? 'api.correios.com.br' : 'onlinetools.ups.com'
  const pathIncludes = carrier === 'correios' ? '/srorastro/' : '/track/v1/'
  const added = await call(stack, 'POST', '/_emulator/faults', { host, pathIncludes, times: 1000, ...fault })
  if (added.status !== 201) throw new Error(`fault not added: ${JSON.stringify(added.body)}`)
}
