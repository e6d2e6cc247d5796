import { compileTrackingNumberSpecs } from '../shared/trackingNumberData'
import type { CourierSpecFile } from '../shared/trackingNumberData'
import formats from './tracking-number-data.json'

/**
 * DHL Express waybills (10-11 digits, mod 7 check digit) and Express piece ids ("JJD..."), as
 * tracking_number_data describes them. eCommerce and Parcel numbers overlap other carriers'
 * formats and are left to the courier mapping.
 */
export const isDhlTrackingNumber = compileTrackingNumberSpecs((formats as CourierSpecFile).tracking_numbers)
