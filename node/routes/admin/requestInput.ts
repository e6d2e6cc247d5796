import { AdminRequestError } from '../../services/admin/adminErrors'
import type { QueryParams } from '../../services/admin/shipmentQuery'
import type { RouteContext } from '../../typings/context'

/** Admin action bodies are small JSON objects (at most 50 ids). */
const MAX_BODY_BYTES = 64 * 1024

/** Public routes get their params from x-colossus-params, as `ctx.vtex.route.params`. */
export function routeParam(ctx: RouteContext, name: string): string {
  const value: unknown = (ctx.vtex.route.params as Record<string, unknown>)[name]
  return (Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '')).trim()
}

export const queryOf = (ctx: RouteContext): QueryParams => ctx.query as QueryParams

/** The runtime does not parse route bodies: read and parse the JSON here, bounded. */
export async function readJsonBody(ctx: RouteContext): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of ctx.req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new AdminRequestError('body_too_large', 'the request body is too large')
    chunks.push(buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (text === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new AdminRequestError('invalid_json', 'the request body is not valid JSON')
  }
}

export function notFound(ctx: RouteContext, id: string): void {
  ctx.status = 404
  ctx.body = { error: 'not_found', message: `no shipment ${id}` }
}
