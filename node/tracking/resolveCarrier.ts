import type { CourierMapping } from '../settings/appSettings'
import type { TrackingLink } from '../settings/trackingLinks'
import type { CarrierCode } from './carrierResult'
import { normalizeCourierName } from './courierName'

/** What resolution needs to know of a carrier (a carrier module has it all). */
export interface DetectableCarrier {
  code: CarrierCode
  /** Words that name the carrier in a courier name, lower case without accents. */
  courierNameWords: readonly string[]
  matchesTrackingNumber(trackingNumber: string): boolean
}

export type CarrierResolution =
  | { carrier: CarrierCode; via: 'courier_mapping' | 'courier_name' | 'tracking_number' }
  /** The merchant's tracking page for this courier: linked, never polled. */
  | { carrier: null; via: 'tracking_link'; urlTemplate: string }
  /** Several carriers claim it: stays unresolved with every candidate kept for the merchant. */
  | { carrier: null; via: 'ambiguous'; candidates: CarrierCode[] }
  | { carrier: null; via: 'unresolved' }

export interface ResolutionRules {
  courierMappings: readonly CourierMapping[]
  trackingLinks: readonly TrackingLink[]
  carriers: readonly DetectableCarrier[]
}

/**
 * Which carrier shipped a package: the merchant's courier-name mapping wins (the order knows best),
 * then the merchant's link-only couriers, then a courier name that names one carrier outright,
 * then the tracking number's format and check digit. Two carriers matching is never settled by
 * guessing: the shipment stays unresolved with both candidates, for the merchant to choose.
 */
export function resolveCarrier(
  courierName: string | null,
  trackingNumber: string | null,
  rules: ResolutionRules
): CarrierResolution {
  const courier = normalizeCourierName(courierName ?? '')
  if (courier) {
    const mapped = rules.courierMappings.find((m) => normalizeCourierName(m.courierName) === courier)
    if (mapped) return { carrier: mapped.carrier, via: 'courier_mapping' }
    const link = rules.trackingLinks.find((l) => normalizeCourierName(l.courierName) === courier)
    if (link) return { carrier: null, via: 'tracking_link', urlTemplate: link.urlTemplate }
    const words = courier.split(/[^a-z0-9]+/)
    const named = rules.carriers.filter((c) => c.courierNameWords.some((word) => words.includes(word)))
    if (named.length > 0) return single(named, 'courier_name')
  }
  if (trackingNumber) {
    const detected = rules.carriers.filter((c) => c.matchesTrackingNumber(trackingNumber))
    if (detected.length > 0) return single(detected, 'tracking_number')
  }
  return { carrier: null, via: 'unresolved' }
}

function single(matches: readonly DetectableCarrier[], via: 'courier_name' | 'tracking_number'): CarrierResolution {
  if (matches.length === 1) return { carrier: matches[0].code, via }
  return { carrier: null, via: 'ambiguous', candidates: matches.map((c) => c.code) }
}
