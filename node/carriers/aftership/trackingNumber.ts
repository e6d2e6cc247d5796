import { compileTrackingNumberSpecs } from '../shared/trackingNumberData'
import type { CourierSpecFile } from '../shared/trackingNumberData'
import formats from './tracking-number-data.json'

/**
 * UPU S10 numbers (Correios "DG049186226BR"), with their check digit: a valid S10 number ending in
 * BR is tracked at AfterShip as `brazil-correios` when nothing else names the courier.
 */
export const isS10Number = compileTrackingNumberSpecs((formats as CourierSpecFile).tracking_numbers)

/** An aggregator is chosen by the courier mapping, never by a number's format. */
export const matchesNoNumber = (): boolean => false
