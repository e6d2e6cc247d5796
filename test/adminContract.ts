/**
 * The admin API's own contract (docs/admin-api.openapi.json): every admin response an e2e test
 * receives is checked against it (test/e2e/harness.ts `call`), and so is every request body the
 * API accepted. The page's types are checked against the same file by test/adminApiTypes.test.ts.
 */
import path from 'path'

import type { OpenApiSpec } from './openapi'
import { loadSpecAt, matchOperation, validateRequestBody, validateResponse } from './openapi'

export const ADMIN_API_BASE = '/_v/private/order-tracking/admin'
export const ADMIN_OPENAPI_FILE = path.resolve(__dirname, '../docs/admin-api.openapi.json')

export const adminSpec = (): OpenApiSpec => loadSpecAt(ADMIN_OPENAPI_FILE)

/**
 * What is wrong with one admin API exchange, by the contract: an undocumented route that
 * answered, an undocumented status, a response body outside its schema, or a request body the
 * API accepted although the contract refuses it. Empty when all is well.
 */
export function adminContractErrors(
  method: string,
  fullPath: string,
  status: number,
  requestBody: unknown,
  responseBody: unknown,
  contentType: string | null
): string[] {
  const route = fullPath.split('?')[0].slice(ADMIN_API_BASE.length) || '/'
  const spec = adminSpec()
  const match = matchOperation(spec, method, route)
  const where = `${method.toUpperCase()} ${route} -> ${status}`
  // The runtime's own answers to routes or methods the app does not serve are not the app's API.
  if (!match) return status < 400 ? [`${where}: not in the admin API contract`] : []
  const json = contentType?.includes('json') === true
  const errors = validateResponse(spec, method, match.pathTemplate, status, json ? responseBody : undefined)
  if (status < 300 && ['post', 'put', 'patch'].includes(method.toLowerCase())) {
    errors.push(...validateRequestBody(spec, method, match.pathTemplate, requestBody).map((e) => `request ${e}`))
  }
  return errors.map((error) => (error.startsWith(method.toUpperCase()) ? error : `${where}: ${error}`))
}
