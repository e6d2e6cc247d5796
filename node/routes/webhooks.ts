import type { PushRequest } from '../carriers/shared/module'
import { InvalidInputError } from '../errors'
import { receivePush } from '../services/webhooks/receivePush'
import type { RouteContext } from '../typings/context'
import { routeParam } from './admin/requestInput'

/** Carrier webhook bodies are one tracking each (AfterShip) or a small batch (17TRACK). */
const MAX_BODY_BYTES = 1024 * 1024

/**
 * Public webhook route, one per push-capable carrier (`/_v/order-tracking/webhooks/:carrier`).
 * Reads the raw bytes (signatures are over them), hands them to the use case and answers at once;
 * 401 for a missing, bad or stale signature, with nothing changed.
 */
export async function carrierWebhook(ctx: RouteContext): Promise<void> {
  const rawBody = await readRawBody(ctx)
  const request: PushRequest = {
    rawBody,
    headers: stringHeaders(ctx.headers),
    query: stringHeaders(ctx.query as Record<string, unknown>),
  }
  const answer = await receivePush(ctx, routeParam(ctx, 'carrier'), request)
  ctx.set('Cache-Control', 'no-store')
  ctx.status = answer.status
  ctx.body = answer.body
}

async function readRawBody(ctx: RouteContext): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of ctx.req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new InvalidInputError('the webhook body is too large')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

const stringHeaders = (values: Record<string, unknown>): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key.toLowerCase(),
      Array.isArray(value) ? String(value[0] ?? '') : value === undefined ? undefined : String(value),
    ])
  )
