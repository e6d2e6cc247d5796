import { compileTrackingNumberSpecs } from '../shared/trackingNumberData'
import type { CourierSpecFile } from '../shared/trackingNumberData'
import formats from './tracking-number-data.json'

/**
 * "1Z" + 6-character shipper number + 2-character service + 7-character package id + check digit,
 * as tracking_number_data's UPS entry describes it. Only the 1Z form is detected: the 11-character
 * waybill form (K1506235620) collides with other carriers' numbers.
 */
export const isUpsTrackingNumber = compileTrackingNumberSpecs((formats as CourierSpecFile).tracking_numbers)
