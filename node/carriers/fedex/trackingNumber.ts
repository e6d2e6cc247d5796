import { compileTrackingNumberSpecs } from '../shared/trackingNumberData'
import type { CourierSpecFile } from '../shared/trackingNumberData'
import formats from './tracking-number-data.json'

/**
 * FedEx numbers as tracking_number_data describes them: Express 12 digits (weights 3,1,7; mod 11
 * then mod 10), Ground 15 digits and Ground "96" 22 digits (mod 10). The 34-digit barcode forms
 * are left out: they embed other carriers' ranges.
 */
export const isFedexTrackingNumber = compileTrackingNumberSpecs((formats as CourierSpecFile).tracking_numbers)

const EXPRESS_WEIGHTS = [3, 1, 7] as const

/** Check digit of an 11-digit Express serial. Detection reads the data file; this builds valid numbers (emulator, tests). */
export function fedexExpressCheckDigit(serial: string): number {
  if (!/^\d{11}$/.test(serial)) throw new RangeError('a FedEx Express serial has exactly 11 digits')
  const sum = [...serial].reduce((total, digit, i) => total + Number(digit) * EXPRESS_WEIGHTS[i % 3], 0)
  return (sum % 11) % 10
}
