/**
 * Melhor Envio has no number format of its own: its labels carry the carriers' codes. A hub never
 * claims a number by format; the merchant routes couriers to it (settings `couriers`).
 */
export const isMelhorEnvioTrackingNumber = (): boolean => false
