import { compileTrackingNumberSpecs } from '../shared/trackingNumberData'
import type { CourierSpecFile } from '../shared/trackingNumberData'
import formats from './tracking-number-data.json'

/** UPU S10 numbers with their check digit: a valid one ending in BR goes to 17TRACK as Correios (2151). */
export const isS10Number = compileTrackingNumberSpecs((formats as CourierSpecFile).tracking_numbers)

/** An aggregator is chosen by the courier mapping, never by a number's format. */
export const matchesNoNumber = (): boolean => false
