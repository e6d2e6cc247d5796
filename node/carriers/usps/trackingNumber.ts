import { compileTrackingNumberSpecs } from '../shared/trackingNumberData'
import type { CourierSpecFile } from '../shared/trackingNumberData'
import formats from './tracking-number-data.json'

/**
 * USPS Intelligent Mail package barcodes as tracking_number_data describes them (IMpb "N" and "C":
 * 22 digits from 92-95, mod 10, optionally behind the "420" + ZIP routing prefix). S10 numbers
 * ending in US are left to the courier mapping: the same S10 form is every postal operator's.
 */
export const isUspsTrackingNumber = compileTrackingNumberSpecs((formats as CourierSpecFile).tracking_numbers)
