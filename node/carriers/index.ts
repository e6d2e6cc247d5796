import type { CarrierCode } from '../tracking/carrierResult'
import { aftership } from './aftership'
import { correios } from './correios'
import { dhl } from './dhl'
import { fedex } from './fedex'
import { intelipost } from './intelipost'
import { melhorenvio } from './melhorenvio'
import type { CarrierModule } from './shared/module'
import { track17 } from './track17'
import { ups } from './ups'
import { usps } from './usps'

export type { CarrierLimits, CarrierModule } from './shared/module'
export type { CarrierSettings } from './shared/settings'

/**
 * Every carrier the app supports: the only list. Adding a carrier is its folder plus one line
 * here (and its simulator, manifest entries and messages; see README "Adding a carrier").
 * Order matters only for display.
 */
export const CARRIERS: readonly CarrierModule[] = [
  correios,
  ups,
  fedex,
  usps,
  dhl,
  intelipost,
  melhorenvio,
  aftership,
  track17,
]

export const CARRIER_CODES: readonly CarrierCode[] = CARRIERS.map((carrier) => carrier.code)

export const isCarrierCode = (value: unknown): value is CarrierCode =>
  typeof value === 'string' && CARRIER_CODES.includes(value)

/** The module of a known code; throws for anything else (a code is validated where it enters). */
export function carrierModule(code: CarrierCode): CarrierModule {
  const found = CARRIERS.find((carrier) => carrier.code === code)
  if (!found) throw new RangeError(`no carrier module "${code}"`)
  return found
}
