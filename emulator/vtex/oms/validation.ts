/**
 * Request bodies are checked against the official Orders API schemas themselves (not a copy), so
 * the emulator accepts exactly what the spec accepts; business rules the spec only states in prose
 * (invoiceValue > 0, dates, tracking number first) live in the store.
 */
import { loadSpec, validateRequestBody } from '../../../test/openapi'
import { OmsError } from './types'

export const ORDERS_SPEC = 'VTEX - Orders API.json'

export const PATHS = {
  getOrder: '/api/oms/pvt/orders/{orderId}',
  listOrders: '/api/oms/pvt/orders',
  invoice: '/api/oms/pvt/orders/{orderId}/invoice',
  patchInvoice: '/api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}',
  tracking: '/api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}/tracking',
} as const

/** Readable hints for the mistakes integrators make most, appended to the schema errors. */
const HINTS: [RegExp, string][] = [
  [/^body\.invoiceValue must be string/, 'invoiceValue is the total in cents as a string, like "2499"'],
  [/^body\.items\[\d+\]\.price must be integer/, 'items[].price is the unit price in integer cents, like 2499'],
  [/deliveredDate/, 'deliveredDate is required: send null until the package is delivered'],
]

export function checkBody<T>(pathTemplate: string, method: string, body: unknown): T {
  if (body === undefined) throw new OmsError(400, 'Request body is required (application/json)')
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OmsError(400, 'Request body must be a JSON object')
  }
  const errors = validateRequestBody(loadSpec(ORDERS_SPEC), method, pathTemplate, body)
  if (errors.length === 0) return body as T
  const hints = HINTS.filter(([pattern]) => errors.some((error) => pattern.test(error))).map(([, hint]) => hint)
  throw new OmsError(400, `Invalid request body: ${[...errors, ...hints].join('; ')}`)
}
