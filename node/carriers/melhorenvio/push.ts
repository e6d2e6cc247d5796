import { createHmac, timingSafeEqual } from 'crypto'

import { InvalidInputError } from '../../errors'
import type { CarrierPush, PushedUpdate, PushRequest, PushVerdict } from '../shared/module'
import type { CarrierSettings } from '../shared/settings'
import { firstText, isRecord } from '../shared/normalise'
import type { MelhorEnvioWebhookBody } from './contract'
import { parseEntry } from './parse'

/**
 * Melhor Envio signs each webhook with `X-ME-Signature`: HMAC-SHA256 of the raw body keyed with the
 * client secret of the merchant's Melhor Envio app. Most clients read it as base64; one project's
 * tests use hex, and Melhor Envio has not confirmed either (CONTRACT.md), so both encodings of the
 * same MAC are accepted, each compared in constant time. Without a configured app secret nothing
 * can be verified: every delivery is refused.
 */
export const MELHOR_ENVIO_SIGNATURE_HEADER = 'x-me-signature'

export function verifyMelhorEnvioPush(request: PushRequest, appSecret: string | undefined): PushVerdict {
  const offered = Object.entries(request.headers)
    .find(([key]) => key.toLowerCase() === MELHOR_ENVIO_SIGNATURE_HEADER)?.[1]
    ?.trim()
  if (!offered) return { ok: false, reason: 'missing_signature' }
  if (!appSecret) return { ok: false, reason: 'bad_signature' }
  const mac = createHmac('sha256', appSecret).update(request.rawBody).digest()
  const candidates = [Buffer.from(mac.toString('base64')), Buffer.from(mac.toString('hex'))]
  const given = Buffer.from(offered)
  const matches = candidates.map((expected) => expected.length === given.length && timingSafeEqual(expected, given))
  return matches.includes(true) ? { ok: true } : { ok: false, reason: 'bad_signature' }
}

/**
 * `{ event: "order.posted", data: { id, protocol, status, tracking, ... } }`. The update is keyed by
 * the carrier's code (`data.tracking`, what the invoice carries), else by the order id. Its result
 * comes from `data` through the same table as polling: `data.status` decides, with the event name
 * (`order.<status>`) as a fallback when `data` has no status. Melhor Envio sends no event id;
 * `eventId` is order id + event + `updated_at` when present. No `sentAt`: `updated_at` is when the
 * order changed, not when this delivery was sent (a retry repeats it). The test request Melhor
 * Envio sends when the URL is saved (no label data) gives no update.
 */
export function parseMelhorEnvioPush(rawBody: Buffer): PushedUpdate[] {
  let body: unknown
  try {
    body = JSON.parse(rawBody.toString('utf8'))
  } catch {
    throw new InvalidInputError('Melhor Envio webhook: the body is not JSON')
  }
  if (!isRecord(body)) throw new InvalidInputError('Melhor Envio webhook: the body is not an object')
  const { event, data } = body as MelhorEnvioWebhookBody
  if (typeof event !== 'string' || event.trim() === '') throw new InvalidInputError('Melhor Envio webhook: no event')
  if (data === undefined || data === null || (isRecord(data) && Object.keys(data).length === 0)) return []
  if (!isRecord(data)) throw new InvalidInputError('Melhor Envio webhook: data is not an object')
  const id = firstText(str(data.id))
  const trackingNumber = firstText(str(data.tracking), id)
  if (trackingNumber === undefined) throw new InvalidInputError('Melhor Envio webhook: no order id or tracking code')
  const fromEvent = /^order\.([a-z_]+)$/.exec(event.trim())?.[1]
  const entry = { ...data, status: firstText(str(data.status), fromEvent === 'cancelled' ? 'canceled' : fromEvent) }
  let result
  try {
    result = parseEntry(trackingNumber, entry)
  } catch (error) {
    throw new InvalidInputError(`Melhor Envio webhook: ${error instanceof Error ? error.message : String(error)}`)
  }
  const updatedAt = firstText(str(data.updated_at))
  const eventId = id === undefined ? undefined : [id, event.trim(), updatedAt].filter((p) => p !== undefined).join('/')
  return [{ trackingNumber, result, ...(eventId === undefined ? {} : { eventId }) }]
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

export const melhorEnvioPush: CarrierPush = {
  verify: (request: PushRequest, settings: CarrierSettings) => verifyMelhorEnvioPush(request, settings.appSecret),
  parse: parseMelhorEnvioPush,
}
