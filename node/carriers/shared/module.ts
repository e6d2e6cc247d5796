import type { InstanceOptions, IOClient, IOContext } from '@vtex/api'

import type { CarrierCode, TrackingResult } from '../../tracking/carrierResult'
import type { CarrierSettings, CarrierSettingsSpec } from './settings'

/** What a carrier's push (webhook) delivery carries once verified. */
export interface PushedUpdate {
  trackingNumber: string
  result: TrackingResult
  eventId?: string
  sentAt?: string
}

/** A push delivery as it arrived: the raw body is what signatures are computed over. */
export interface PushRequest {
  rawBody: Buffer
  headers: Record<string, string | undefined>
  query: Record<string, string | undefined>
}

export type PushVerdict = { ok: true } | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'stale' }

/** How a carrier that can push updates (webhooks) checks and reads its deliveries. */
export interface CarrierPush {
  /** Pure: checks the request against the install's secret(s) from settings before anything is parsed. */
  verify(request: PushRequest, settings: CarrierSettings, webhookSecret: string): PushVerdict
  /** Pure: the updates the verified body carries (may be several); throws a typed error on malformed bodies. */
  parse(rawBody: Buffer): PushedUpdate[]
  /**
   * A delivery carries only the news (one state change), not the parcel's whole history: applying
   * it as the full result would cut the order's event list to it. Such a push makes the app check
   * the carrier at once instead (same claim, same request).
   */
  partial?: true
  /**
   * The carrier cannot sign: the merchant pastes a webhook URL that carries the install's secret
   * (`?secret=`), which the admin shows (Intelipost).
   */
  secretInUrl?: true
}

/** How hard the app may use a carrier's API, per worker. */
export interface CarrierLimits {
  /** Most tracking numbers one request carries. */
  batchSize: number
  /** Requests in flight at once. */
  concurrency: number
  /** Most requests started per second (request starts are spaced by 1000 / this ms). */
  requestsPerSecond: number
}

/** The IO client of a carrier: HTTP only, built by the runtime per request. */
export type CarrierClientClass<C extends IOClient> = new (context: IOContext, options?: InstanceOptions) => C

/**
 * Everything the app knows about one carrier, in its folder (node/carriers/<code>/). The module
 * list (node/carriers/index.ts) is the only place that enumerates carriers: the gateway, the
 * settings parser, redaction, client registration and the admin all read it.
 */
export interface CarrierModule {
  code: CarrierCode
  /** Shown to merchants, and written as the invoice courier when it has none. */
  displayName: string
  /** Words that name this carrier in an invoice's courier name, lower case without accents ("sedex"). */
  courierNameWords: readonly string[]
  limits: CarrierLimits
  settings: CarrierSettingsSpec
  client: { implementation: CarrierClientClass<IOClient>; options: InstanceOptions }
  /** This carrier's number format and check digit (tracking-number-data); a hint, the courier mapping wins. */
  matchesTrackingNumber(trackingNumber: string): boolean
  /** The carrier's public tracking page for customers (the invoice's trackingUrl). */
  trackingUrl(trackingNumber: string): string
  /**
   * Asks the carrier about at most `limits.batchSize` numbers and normalises the answer: one result
   * per number, in order. Transport and auth failures throw typed errors (node/errors.ts).
   */
  track(client: IOClient, settings: CarrierSettings, trackingNumbers: string[]): Promise<TrackingResult[]>
  /** Optional: carriers that can push updates. */
  push?: CarrierPush
  /**
   * Optional: register numbers with the aggregator before tracking them. `courierNames` (same
   * order, optional) are the invoices' courier names, for the aggregator's courier code.
   */
  register?(
    client: IOClient,
    settings: CarrierSettings,
    trackingNumbers: string[],
    courierNames?: ReadonlyArray<string | null>
  ): Promise<void>
  /** Optional: stop tracking numbers at the aggregator once their shipments end. */
  stop?(client: IOClient, settings: CarrierSettings, trackingNumbers: string[]): Promise<void>
}

/** A module as a carrier folder writes it: its own client class and raw answer type. */
export interface CarrierDefinition<C extends IOClient, Raw>
  extends Omit<CarrierModule, 'client' | 'track' | 'register' | 'stop'> {
  client: { implementation: CarrierClientClass<C>; options: InstanceOptions }
  /** Optional: register numbers with the aggregator before tracking them (HTTP through the client). */
  register?(
    client: C,
    settings: CarrierSettings,
    trackingNumbers: string[],
    courierNames?: ReadonlyArray<string | null>
  ): Promise<void>
  /** Optional: stop tracking numbers at the aggregator once their shipments end. */
  stop?(client: C, settings: CarrierSettings, trackingNumbers: string[]): Promise<void>
  /** HTTP through the client only; no parsing. */
  fetch(client: C, settings: CarrierSettings, trackingNumbers: string[]): Promise<Raw>
  /** Pure: one result per requested number, in request order. */
  parse(raw: Raw, requested: readonly string[]): TrackingResult[]
}

/** Seals a definition into a module the list can hold, checking the client it is given is its own. */
export function defineCarrier<C extends IOClient, Raw>(definition: CarrierDefinition<C, Raw>): CarrierModule {
  const { fetch, parse, client, register, stop, ...rest } = definition
  const own = (instance: IOClient): C => {
    if (!(instance instanceof client.implementation)) {
      throw new TypeError(`the ${definition.code} module was given another carrier's client`)
    }
    return instance
  }
  return {
    ...rest,
    client,
    ...(register
      ? {
          register: (instance, settings, numbers, courierNames) =>
            register(own(instance), settings, numbers, courierNames),
        }
      : {}),
    ...(stop ? { stop: (instance, settings, numbers) => stop(own(instance), settings, numbers) } : {}),
    track: async (instance, settings, trackingNumbers) => {
      const mine = own(instance)
      if (trackingNumbers.length > definition.limits.batchSize) {
        throw new RangeError(`${definition.code} takes at most ${definition.limits.batchSize} numbers per request`)
      }
      return parse(await fetch(mine, settings, trackingNumbers), trackingNumbers)
    },
  }
}
