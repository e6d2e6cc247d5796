/**
 * Intelipost has no number format of its own: the codes are its carriers'. A hub never claims a
 * number by format (that would take Correios or Jadlog numbers away from their own modules); the
 * merchant routes couriers to it in the settings (`couriers`) or the courier mapping.
 */
export const isIntelipostTrackingNumber = (): boolean => false
