import type { Stack } from '../../emulator/stack'
import { s10CheckDigit } from '../../node/carriers/correios/trackingNumber'
import { isUpsTrackingNumber } from '../../node/carriers/ups/trackingNumber'

/** One demo shipment: which carrier and story the simulator plays, and when it is invoiced. */
export interface DemoShipment {
  carrier: 'correios' | 'ups'
  story: string
  courier: string
  city: string
  state: string
  country: 'BRA' | 'USA'
}

const BR = [
  ['SAO PAULO', 'SP'],
  ['RIO DE JANEIRO', 'RJ'],
  ['BELO HORIZONTE', 'MG'],
  ['CURITIBA', 'PR'],
  ['SALVADOR', 'BA'],
  ['PORTO ALEGRE', 'RS'],
]
const US = [
  ['Austin', 'TX'],
  ['Chicago', 'IL'],
  ['Phoenix', 'AZ'],
  ['Seattle', 'WA'],
]

const CORREIOS_STORIES = ['delivered', 'delivered', 'attempt_then_delivered', 'stuck', 'exception', 'returned', 'lost']
const UPS_STORIES = ['delivered', 'delivered', 'attempt_then_delivered', 'exception', 'stuck', 'label_only']

/** A deterministic mix of shipments: mostly delivered, some stuck, failing or returned. */
export function demoShipments(count: number, offset = 0): DemoShipment[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset
    const correios = n % 3 !== 2
    const [city, state] = correios ? BR[n % BR.length] : US[n % US.length]
    return {
      carrier: correios ? 'correios' : 'ups',
      story: correios ? CORREIOS_STORIES[n % CORREIOS_STORIES.length] : UPS_STORIES[n % UPS_STORIES.length],
      courier: correios ? 'Correios SEDEX' : 'UPS Ground',
      city,
      state,
      country: correios ? 'BRA' : 'USA',
    }
  })
}

let serial = 41000000

/** A fresh valid tracking number for the carrier (check digits computed, so detection accepts it). */
export function nextTrackingNumber(carrier: 'correios' | 'ups'): string {
  if (carrier === 'ups') return upsNumber(serial++)
  const digits = String(serial++).padStart(8, '0')
  return `${['DG', 'QB', 'OJ', 'PW'][serial % 4]}${digits}${s10CheckDigit(digits)}BR`
}

/** Creates, scripts and invoices one order through the emulator's control endpoints. */
export async function invoiceDemoOrder(
  stack: Stack,
  shipment: DemoShipment
): Promise<{ orderId: string; trackingNumber: string }> {
  const post = async (path: string, body: unknown): Promise<{ orderId?: string }> => {
    const response = await fetch(`${stack.platform.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as { orderId?: string }
  }
  const trackingNumber = nextTrackingNumber(shipment.carrier)
  const order = await post('/_emulator/orders', {
    courier: shipment.courier,
    city: shipment.city,
    state: shipment.state,
    country: shipment.country,
    shippingEstimateDays: 4,
    // Every other order is the store's own (VTEX emails it); the rest are fulfillment orders (the app does).
    origin: trackingNumber.charCodeAt(trackingNumber.length - 3) % 2 === 0 ? 'Marketplace' : 'Fulfillment',
  })
  const orderId = String(order.orderId)
  await post('/_emulator/shipments', { carrier: shipment.carrier, trackingNumber, story: shipment.story })
  await post(`/_emulator/orders/${orderId}/invoice`, { courier: shipment.courier, trackingNumber })
  return { orderId, trackingNumber }
}

/** 1Z + shipper 5R8939 + service 03 + a 7-digit package number + the mod-10 check digit. */
function upsNumber(n: number): string {
  const body = `1Z5R893903${String(n % 10_000_000).padStart(7, '0')}`
  for (let check = 0; check <= 9; check++) {
    if (isUpsTrackingNumber(`${body}${check}`)) return `${body}${check}`
  }
  throw new Error(`no UPS check digit for ${body}`)
}
