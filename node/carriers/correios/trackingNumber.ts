import { compileTrackingNumberSpecs } from '../shared/trackingNumberData'
import type { CourierSpecFile } from '../shared/trackingNumberData'
import formats from './tracking-number-data.json'

/**
 * Correios numbers: UPU S10 ("DG049186226BR": two service letters, 8-digit serial, check digit,
 * BR), as tracking_number_data's s10 entry describes them, with the country kept to Brazil.
 */
export const isCorreiosTrackingNumber = compileTrackingNumberSpecs((formats as CourierSpecFile).tracking_numbers)

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const

/**
 * S10 check digit of an 8-digit serial: mod 11 with weights 8,6,4,2,3,5,9,7 (0 -> 5, 1 -> 0, else
 * 11 − r). Detection reads the data file; this builds valid numbers (emulator, demo, tests).
 */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError('an S10 serial has exactly 8 digits')
  const sum = S10_WEIGHTS.reduce((total, weight, i) => total + weight * Number(serial[i]), 0)
  const remainder = sum % 11
  if (remainder === 0) return 5
  if (remainder === 1) return 0
  return 11 - remainder
}
