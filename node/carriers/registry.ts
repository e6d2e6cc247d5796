import { correiosAdapter } from './correios'
import type { CarrierAdapter, CarrierCode } from './types'
import { upsAdapter } from './ups'

/** Every carrier the app supports, in detection order. Adding a carrier = one adapter + one line. */
export const CARRIER_ADAPTERS: Readonly<Record<CarrierCode, CarrierAdapter>> = {
  correios: correiosAdapter as CarrierAdapter,
  ups: upsAdapter as CarrierAdapter,
}

export const adapterFor = (code: CarrierCode): CarrierAdapter => CARRIER_ADAPTERS[code]
