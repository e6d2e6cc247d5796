import type { CarrierAdapter, CarrierCode } from '../carriers/types'
import type { CourierMapping } from '../settings/appSettings'

export type CarrierResolution =
  | { carrier: CarrierCode; via: 'courier_mapping' | 'courier_name' | 'tracking_number' }
  | { carrier: null; via: 'unresolved' }

/**
 * Which carrier shipped a package: the merchant's courier-name mapping wins (the order knows best),
 * then a courier name that names a carrier outright, then the tracking number's format. Anything
 * else stays unresolved, registered and visible, never guessed.
 */
export function resolveCarrier(
  courierName: string | null,
  trackingNumber: string | null,
  mappings: readonly CourierMapping[],
  adapters: readonly CarrierAdapter[]
): CarrierResolution {
  const courier = normalize(courierName ?? '')
  if (courier) {
    const mapped = mappings.find((m) => normalize(m.courierName) === courier)
    if (mapped) return { carrier: mapped.carrier, via: 'courier_mapping' }
    const named = adapters.find((a) => courier.split(/[^a-z0-9]+/).includes(normalize(a.displayName)))
    if (named) return { carrier: named.code, via: 'courier_name' }
  }
  if (trackingNumber) {
    const detected = adapters.filter((a) => a.matchesTrackingNumber(trackingNumber))
    // Two carriers claiming one format is ambiguous: better unresolved than wrong.
    if (detected.length === 1) return { carrier: detected[0].code, via: 'tracking_number' }
  }
  return { carrier: null, via: 'unresolved' }
}

const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
