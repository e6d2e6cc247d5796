import { InvalidInputError } from '../../errors'
import type { CarrierPush, PushedUpdate, PushVerdict } from '../shared/module'
import { isRecord } from '../shared/normalise'
import { headerOf, hmacSha256, safeEqual } from '../shared/signature'
import type { AftershipWebhookBody } from './contract'
import { parseOne, validateTracking } from './parse'
import { normalizeAftershipNumber } from './request'

/** The header AfterShip signs tracking webhooks with: base64 HMAC-SHA256 of the raw body. */
export const AFTERSHIP_SIGNATURE_HEADER = 'aftership-hmac-sha256'

/**
 * AfterShip webhooks: the merchant's webhook secret (settings `webhookSecret`, from AfterShip's
 * admin) signs the raw body; the app's own per-install secret does not apply. No timestamp is
 * signed into a header, so replays are caught by `event_id` (the route remembers seen ids).
 */
export const aftershipPush: CarrierPush = {
  verify(request, settings): PushVerdict {
    const signature = headerOf(request.headers, AFTERSHIP_SIGNATURE_HEADER)
    if (signature === undefined) return { ok: false, reason: 'missing_signature' }
    const secret = settings.webhookSecret
    // No secret configured: nothing can be verified, so nothing is accepted.
    if (secret === undefined || secret === '') return { ok: false, reason: 'bad_signature' }
    return safeEqual(signature, hmacSha256(secret, request.rawBody, 'base64'))
      ? { ok: true }
      : { ok: false, reason: 'bad_signature' }
  },

  parse(rawBody): PushedUpdate[] {
    let body: unknown
    try {
      body = JSON.parse(rawBody.toString('utf8')) as unknown
    } catch {
      throw new InvalidInputError('aftership: the webhook body is not JSON')
    }
    if (!isRecord(body)) throw new InvalidInputError('aftership: the webhook body is not an object')
    const webhook = body as AftershipWebhookBody
    if (webhook.msg === undefined) return []
    const tracking = validateTracking(webhook.msg, 'msg', (why) => {
      throw new InvalidInputError(`aftership: webhook ${why}`)
    })
    const trackingNumber = normalizeAftershipNumber(tracking.tracking_number)
    const update: PushedUpdate = { trackingNumber, result: parseOne(trackingNumber, tracking) }
    if (typeof webhook.event_id === 'string' && webhook.event_id !== '') update.eventId = webhook.event_id
    if (typeof webhook.ts === 'number' && Number.isFinite(webhook.ts))
      update.sentAt = new Date(webhook.ts * 1000).toISOString()
    return [update]
  },
}
