/**
 * Seeds shipments straight into the emulator's stores (orders, carrier timelines, registry), all
 * due now, as if registered earlier: the benchmark measures the checks, not the registration.
 */
import { fromRelative } from '../../emulator/carriers/timelines'
import type { Stack } from '../../emulator/stack'
import { shipmentId } from '../../node/registry/shipmentId'
import { SHIPMENT_ENTITY } from '../../node/registry/schema'
import { newShipmentRecord } from '../../node/tracking/newShipment'
import type { Order } from '../../node/typings/orders'
import { nextTrackingNumber } from '../../scripts/demo/seed'

export type Carrier = 'correios' | 'ups'

export function seedDueShipments(
  stack: Stack,
  count: number,
  carriers: readonly Carrier[],
  storyAgeHours = 30
): number {
  const { platform, account } = stack
  const docs: Array<Record<string, unknown>> = []
  for (let i = 0; i < count; i++) {
    const carrier = carriers[i % carriers.length]
    const courier = carrier === 'correios' ? 'Correios SEDEX' : 'UPS Ground'
    const trackingNumber = nextTrackingNumber(carrier)
    const order = platform.orders.createOrder(account, { courier, country: carrier === 'correios' ? 'BRA' : 'USA' })
    const invoiceNumber = `NF${String(order.orderId).slice(7, 13)}`
    const invoiced = platform.orders.invoice(account, String(order.orderId), {
      type: 'Output',
      issuanceDate: new Date().toISOString(),
      invoiceNumber,
      invoiceValue: String(order.value ?? 1000),
      courier,
      trackingNumber,
      trackingUrl: '',
      items: (order.items as Array<{ id: string; price: number; quantity: number }>).map((item) => ({
        id: item.id,
        price: item.price,
        quantity: item.quantity,
      })),
    }).order as unknown as Order
    const story = platform.simulators[carrier].stories.delivered
    platform.timelines.script({
      carrier,
      trackingNumber,
      events: fromRelative(Date.now() - storyAgeHours * 3600_000, story),
    })
    const pkg = invoiced.packageAttachment?.packages?.[0]
    if (!pkg) throw new Error('invoice created no package')
    const record = newShipmentRecord(shipmentId(invoiced.orderId, invoiceNumber), invoiced, pkg, {
      now: Date.now(),
      pollingIntervalHours: 6,
      courierMappings: [
        { courierName: 'Correios SEDEX', carrier: 'correios' },
        { courierName: 'UPS Ground', carrier: 'ups' },
      ],
      trackingLinks: [],
      // Every courier here is mapped: no detection needed (and loading the carrier modules would load
      // @vtex/api before the runtime has set the app's environment).
      carriers: [],
      calendar: { timeZone: 'America/Sao_Paulo', holidays: new Set<string>() },
    })
    docs.push(record as unknown as Record<string, unknown>)
  }
  return platform.masterdata.bulkInsert({ account, entity: SHIPMENT_ENTITY }, docs)
}
