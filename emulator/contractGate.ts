/**
 * Holds every request to the Orders API and Master Data to the official OpenAPI files before it is
 * served: the operation must exist (method + path), documented required query parameters must be
 * there, and the body must match the operation's request schema. A request VTEX would not accept
 * is answered 400 and recorded, so the test that sent it fails (the e2e harness asserts at stop
 * that nothing was recorded) even when the app swallowed the 400.
 */
import type { EmuModule, EmuRequest, EmuResponse } from './http'
import type { OpenApiSpec } from '../test/openapi'
import { loadSpec, matchOperation, validateRequestBody } from '../test/openapi'

export interface ContractViolation {
  at: string
  module: string
  method: string
  host: string
  path: string
  query: string
  errors: string[]
}

export interface GatedApi {
  /** OpenAPI file in shared/contracts/vtex. */
  specFile: string
  /** The requests this contract covers (host and path prefix). */
  covers: (req: EmuRequest) => boolean
  /** The refusal in the API's own error shape. */
  refuse: (message: string) => EmuResponse
}

const VTEX_HOST = /^(api\.vtex\.com|[a-z0-9-]+\.vtexcommercestable\.com\.br)$/

export const ORDERS_API: GatedApi = {
  specFile: 'VTEX - Orders API.json',
  covers: (req) => VTEX_HOST.test(req.host) && req.path.startsWith('/api/oms/'),
  refuse: (message) => ({
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: { error: { code: '1', message, exception: null } },
  }),
}

export const MASTER_DATA_API: GatedApi = {
  specFile: 'VTEX - Master Data API - v2.json',
  covers: (req) => VTEX_HOST.test(req.host) && req.path.startsWith('/api/dataentities/'),
  refuse: (message) => ({
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: { Message: message },
  }),
}

export const LOGISTICS_API: GatedApi = {
  specFile: 'VTEX - Logistics API.json',
  covers: (req) =>
    (VTEX_HOST.test(req.host) || req.host === 'portal.vtexcommercestable.com.br') &&
    req.path.startsWith('/api/logistics/'),
  refuse: (message) => ({
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: { error: { code: '400', message, exception: null } },
  }),
}

export class ContractGate {
  private readonly recorded: ContractViolation[] = []

  /** The module, answering only requests its contract accepts. */
  wrap(module: EmuModule, api: GatedApi): EmuModule {
    return {
      name: module.name,
      handle: (req) => {
        if (!api.covers(req)) return module.handle(req)
        const errors = contractErrors(loadSpec(api.specFile), req)
        if (errors.length === 0) return module.handle(req)
        this.recorded.push({
          at: new Date().toISOString(),
          module: module.name,
          method: req.method,
          host: req.host,
          path: req.path,
          query: req.query.toString(),
          errors,
        })
        return api.refuse(`Request outside the ${api.specFile} contract: ${errors.join('; ')}`)
      },
    }
  }

  violations(): ContractViolation[] {
    return [...this.recorded]
  }

  /** Returns and forgets the violations so far (for tests that send invalid requests on purpose). */
  take(): ContractViolation[] {
    return this.recorded.splice(0, this.recorded.length)
  }
}

export function contractErrors(spec: OpenApiSpec, req: EmuRequest): string[] {
  const match = matchOperation(spec, req.method, req.path)
  if (!match) return [`${req.method} ${req.path} is not an operation of ${spec.fileName}`]
  const errors = requiredQueryErrors(spec, match.pathTemplate, match.method, req.query)
  if (req.body === undefined && req.rawBody.length > 0) errors.push('body is not JSON')
  else errors.push(...validateRequestBody(spec, match.method, match.pathTemplate, req.body))
  return errors
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function requiredQueryErrors(spec: OpenApiSpec, template: string, method: string, query: URLSearchParams): string[] {
  const paths = spec.document.paths as Json
  const operation = (paths[template] as Json)[method] as Json
  const parameters = Array.isArray(operation.parameters) ? (operation.parameters as unknown[]) : []
  return parameters
    .map((parameter) => resolveParameter(spec, parameter))
    .filter((p): p is Json => isObject(p) && p.in === 'query' && p.required === true && typeof p.name === 'string')
    .filter((p) => !query.has(p.name as string))
    .map((p) => `query parameter '${String(p.name)}' is required`)
}

function resolveParameter(spec: OpenApiSpec, parameter: unknown): unknown {
  if (!isObject(parameter) || typeof parameter.$ref !== 'string') return parameter
  const name = parameter.$ref.split('/').pop() ?? ''
  const components = isObject(spec.document.components) ? spec.document.components : {}
  return isObject(components.parameters) ? components.parameters[name] : undefined
}
