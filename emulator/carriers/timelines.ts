/**
 * Scripted delivery timelines that the carrier simulators replay. A carrier simulator shows,
 * for each tracking number, only the events whose time has come on the simulated clock, in
 * its own wire format. Codes are carrier-native so the app's status tables are exercised for real:
 * Correios "codigo/tipo" (e.g. "BDE/01"), UPS "type/code/statusCode" (e.g. "D/FS/011"), FedEx
 * "eventType[/exceptionCode]" (e.g. "DE/15"), USPS "eventCode" (e.g. "OF"), DHL "statusCode"
 * (e.g. "transit"; the description carries DHL's text), Intelipost "MACRO_STATE[/micro code]" (e.g.
 * "IN_TRANSIT/27"; the description is the carrier's own text), Melhor Envio order statuses (e.g. "posted"),
 * AfterShip subtag (e.g. "InTransit_002"), 17TRACK sub_status (e.g. "InTransit_Arrival").
 */
/** Carriers with a simulator (platform.ts registers one per code; node/carriers/modules.test.ts checks the list). */
export const SIMULATED_CARRIERS = [
  'correios',
  'ups',
  'fedex',
  'usps',
  'dhl',
  'intelipost',
  'melhorenvio',
  'aftership',
  'track17',
] as const
export type SimulatedCarrier = (typeof SIMULATED_CARRIERS)[number]

export interface ScriptedEvent {
  /** Simulated instant (ms since epoch) at which the carrier records the event. */
  at: number
  code: string
  description?: string
  city?: string
  state?: string
  country?: string
  postalCode?: string
}

export interface ScriptedShipment {
  carrier: SimulatedCarrier
  trackingNumber: string
  /** Any order; simulators sort them as their carrier does (both send newest first). */
  events: ScriptedEvent[]
  /** Simulated instant of the carrier's estimated delivery, when it gives one. */
  estimatedDelivery?: number
}

/** A relative event as control endpoints and demo seeds write it. */
export interface RelativeEvent extends Omit<ScriptedEvent, 'at'> {
  afterHours: number
}

/** A scan in Brazil `afterHours` into a story (the aggregators' Correios stories use it). */
export const brazilianScan = (
  afterHours: number,
  code: string,
  description: string,
  city: string,
  state: string
): RelativeEvent => ({ afterHours, code, description, city, state, country: 'BR' })

export class Timelines {
  private readonly shipments = new Map<string, ScriptedShipment>()

  script(shipment: ScriptedShipment): void {
    this.shipments.set(key(shipment.carrier, shipment.trackingNumber), {
      ...shipment,
      trackingNumber: shipment.trackingNumber.toUpperCase(),
      events: [...shipment.events],
    })
  }

  get(carrier: SimulatedCarrier, trackingNumber: string): ScriptedShipment | undefined {
    return this.shipments.get(key(carrier, trackingNumber))
  }

  /** Events visible at `now`, newest first (the order both simulated carriers use). */
  visibleEvents(carrier: SimulatedCarrier, trackingNumber: string, now: number): ScriptedEvent[] {
    const shipment = this.get(carrier, trackingNumber)
    if (!shipment) return []
    return shipment.events.filter((e) => e.at <= now).sort((a, b) => b.at - a.at)
  }

  list(): ScriptedShipment[] {
    return [...this.shipments.values()]
  }

  clear(): void {
    this.shipments.clear()
  }
}

export const fromRelative = (start: number, events: readonly RelativeEvent[]): ScriptedEvent[] =>
  events.map(({ afterHours, ...rest }) => ({ ...rest, at: start + afterHours * 3600_000 }))

const key = (carrier: SimulatedCarrier, trackingNumber: string): string => `${carrier}:${trackingNumber.toUpperCase()}`
