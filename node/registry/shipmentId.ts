import { createHash } from 'crypto'

/**
 * One registry document per package. VTEX identifies a package by its invoice, and the tracking
 * number may arrive or change after invoicing, so the id is derived from order + invoice only.
 * Lower-case hex: Master Data indexes ids case-sensitively (known issue with case variants).
 */
export const shipmentId = (orderId: string, invoiceNumber: string): string =>
  createHash('sha256').update(`${orderId}\u0000${invoiceNumber}`).digest('hex').slice(0, 40)
