/**
 * Seeds shipments straight into the emulator's stores (orders, carrier timelines, registry) in the
 * state a running install keeps them: each was registered earlier and checked, its registry record
 * holds what the carrier showed then (computed with the app's own parsers and rules), and it is
 * due now. A share of them (`newsShare`) got a new scan since that check; the rest did not. So a
 * measured check costs what a real one costs: mostly one carrier answer with nothing new and one
 * registry write, sometimes an order write and an email.
 */
import { fromRelative } from '../../emulator/carriers/timelines'
import type { ScriptedEvent } from '../../emulator/carriers/timelines'
import { renderObject } from '../../emulator/carriers/correios'
import { renderTrackResponse } from '../../emulator/carriers/ups'
import type { Stack } from '../../emulator/stack'
import { parseRastroResponse } from '../../node/carriers/correios/parse'
import { parseUpsTracking } from '../../node/carriers/ups/parse'
import type { UpsTrackResponse } from '../../node/carriers/ups/parse'
import { shipmentId } from '../../node/registry/shipmentId'
import { SHIPMENT_ENTITY } from '../../node/registry/schema'
import { applyTrackingResult } from '../../node/tracking/applyResult'
import type { TrackingResult } from '../../node/tracking/carrierResult'
import { newShipmentRecord } from '../../node/tracking/newShipment'
import type { ShipmentRecord } from '../../node/tracking/shipment'
import type { Order } from '../../node/typings/orders'
import { nextTrackingNumber } from '../../scripts/demo/seed'

export type Carrier = 'correios' | 'ups'

const HOUR = 3600_000
const COURIER: Record<Carrier, string> = { correios: 'Correios SEDEX', ups: 'UPS Ground' }
const TRACKING_PAGE: Record<Carrier, string> = {
  correios: 'https://rastreamento.correios.com.br/app/index.php?objeto=',
  ups: 'https://www.ups.com/track?tracknum=',
}

/**
 * `count` shipments, due now, spread over `carriers`; every `1 / newsShare`-th one has a scan the
 * registry has not seen. Returns how many registry documents were written.
 */
export function seedDueShipments(stack: Stack, count: number, carriers: readonly Carrier[], newsShare = 0.25): number {
  const { platform, account } = stack
  const now = Date.now()
  const docs: Array<Record<string, unknown>> = []
  let news = 0
  for (let i = 0; i < count; i++) {
    const carrier = carriers[i % carriers.length]
    const trackingNumber = nextTrackingNumber(carrier)
    // Bresenham: exactly round(count x newsShare) shipments with news, evenly spread.
    const hasNews = Math.floor((i + 1) * newsShare) > news
    if (hasNews) news++
    platform.timelines.script({
      carrier,
      trackingNumber,
      events: midJourney(platform.simulators[carrier].stories.delivered, now, hasNews),
    })
    const order = invoicedOrder(stack, carrier, trackingNumber, now)
    // Due a few ms apart, oldest first, as real schedules (with their jitter) leave them.
    docs.push(checkedRecord(stack, carrier, order, now, now - (count - i) * 5) as unknown as Record<string, unknown>)
  }
  return platform.masterdata.bulkInsert({ account, entity: SHIPMENT_ENTITY }, docs)
}

/**
 * The story placed so that its next-to-last scan happened an hour ago and the last (delivery) is a
 * day away; with news, that next-to-last scan happens two minutes from now instead, after the
 * record below was computed and before the measured checks.
 */
function midJourney(story: Parameters<typeof fromRelative>[1], now: number, hasNews: boolean): ScriptedEvent[] {
  const events = fromRelative(0, story).sort((a, b) => a.at - b.at)
  const last = events.length - 1
  const shift = now - HOUR - events[last - 1].at
  const placed = events.map((event) => ({ ...event, at: event.at + shift }))
  placed[last].at = Math.max(placed[last].at, now + 24 * HOUR)
  if (hasNews) placed[last - 1].at = now + 2 * 60_000
  return placed
}

function invoicedOrder(stack: Stack, carrier: Carrier, trackingNumber: string, now: number): Order {
  const { platform, account } = stack
  const courier = COURIER[carrier]
  const order = platform.orders.createOrder(account, { courier, country: carrier === 'correios' ? 'BRA' : 'USA' })
  return platform.orders.invoice(account, String(order.orderId), {
    type: 'Output',
    issuanceDate: new Date(now - 40 * HOUR).toISOString(),
    invoiceNumber: `NF${String(order.orderId).slice(7, 13)}`,
    invoiceValue: String(order.value ?? 1000),
    courier,
    trackingNumber,
    // As the app's first check left it (the invoice PATCH of the tracking URL).
    trackingUrl: `${TRACKING_PAGE[carrier]}${trackingNumber}`,
    items: (order.items as Array<{ id: string; price: number; quantity: number }>).map((item) => ({
      id: item.id,
      price: item.price,
      quantity: item.quantity,
    })),
  }).order as unknown as Order
}

/** The registry record after the app's last check: its own rules applied to the carrier's answer then. */
function checkedRecord(stack: Stack, carrier: Carrier, order: Order, now: number, dueAt: number): ShipmentRecord {
  const pkg = order.packageAttachment?.packages?.[0]
  if (!pkg) throw new Error('invoice created no package')
  const registered = newShipmentRecord(shipmentId(order.orderId, String(pkg.invoiceNumber)), order, pkg, {
    now: now - 40 * HOUR,
    pollingIntervalHours: 6,
    courierMappings: [
      { courierName: COURIER.correios, carrier: 'correios' },
      { courierName: COURIER.ups, carrier: 'ups' },
    ],
    trackingLinks: [],
    // Every courier here is mapped: no detection needed.
    carriers: [],
    calendar: { timeZone: 'America/Sao_Paulo', holidays: new Set<string>() },
  })
  const outcome = applyTrackingResult(
    registered,
    carrierAnswer(stack, carrier, String(registered.trackingNumber), now),
    {
      now: now - 10 * 60_000,
      pollingIntervalHours: 6,
      trackingWindowDays: 12.5,
      trackingUrl: String(registered.trackingUrl),
      carrierDisplayName: carrier,
    }
  )
  // Due: the measured window starts with every one of them waiting for its check.
  return { ...registered, ...outcome.patch, nextCheckAt: new Date(dueAt).toISOString(), nextCheckReason: 'in_transit' }
}

/** What the simulated carrier answers for this number now, through the app's own parser. */
function carrierAnswer(stack: Stack, carrier: Carrier, trackingNumber: string, now: number): TrackingResult {
  const { timelines } = stack.platform
  if (carrier === 'correios') {
    const objeto = renderObject({ timelines, now: () => now }, trackingNumber, now, 'T')
    return parseRastroResponse({ objetos: [objeto] }, [trackingNumber])[0]
  }
  const shipment = timelines.get('ups', trackingNumber)
  if (!shipment) throw new Error(`no timeline for ${trackingNumber}`)
  const raw = renderTrackResponse(trackingNumber, shipment, timelines.visibleEvents('ups', trackingNumber, now))
  return parseUpsTracking(raw as unknown as UpsTrackResponse, [trackingNumber])[0]
}
