/**
 * Check-digit algorithms that tracking numbers use (names as in tracking-number-data, MIT). Each
 * takes the serial digits and returns the expected check digit. Detection is a hint only: the
 * merchant's courier mapping always wins.
 */

/** Weighted sum, then mod `modulo1`, then mod `modulo2` (FedEx Express 12). */
export function weightedModCheck(serial: string, weights: readonly number[], modulo1: number, modulo2: number): number {
  const sum = [...serial].reduce((total, digit, i) => total + Number(digit) * weights[i % weights.length], 0)
  return (sum % modulo1) % modulo2
}

/**
 * Mod 10 with separate multipliers for even and odd 0-based positions (counted from the right
 * end when `reverse`); the check digit tops the sum up to a multiple of ten.
 */
export function mod10Check(serial: string, multipliers: { even: number; odd: number }, reverse = false): number {
  const digits = reverse ? [...serial].reverse() : [...serial]
  const sum = digits.reduce(
    (total, digit, i) => total + Number(digit) * (i % 2 === 0 ? multipliers.even : multipliers.odd),
    0
  )
  return (10 - (sum % 10)) % 10
}

/** Mod 7 of the serial read as a number (DHL Express waybills). */
export function mod7Check(serial: string): number {
  return [...serial].reduce((remainder, digit) => (remainder * 10 + Number(digit)) % 7, 0)
}

/** Digits only: invoices carry tracking numbers with spaces and dashes. */
export const digitsOf = (trackingNumber: string): string => trackingNumber.replace(/[\s-]/g, '')
