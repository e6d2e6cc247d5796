import { InvalidInputError } from '../../errors'
import type { CarrierPush, PushedUpdate, PushVerdict } from '../shared/module'
import { isRecord } from '../shared/normalise'
import { headerOf, safeEqual, sha256 } from '../shared/signature'
import type { Track17Webhook } from './contract'
import { parseAccepted, validateAccepted } from './parse'
import { normalizeTrack17Number } from './request'

/** 17TRACK signs pushes in header `sign`: lowercase hex SHA-256 of `<raw body>/<API key>`. */
export const TRACK17_SIGNATURE_HEADER = 'sign'

/**
 * 17TRACK webhooks (v2.x): signed with the merchant's own API key, so the install secret does not
 * apply. Pushes carry no event id or send time: a replay is the same body, caught by its hash.
 * TRACKING_STOPPED carries no tracking and gives no update.
 */
export const track17Push: CarrierPush = {
  verify(request, settings): PushVerdict {
    const signature = headerOf(request.headers, TRACK17_SIGNATURE_HEADER)
    if (signature === undefined) return { ok: false, reason: 'missing_signature' }
    const key = settings.apiKey
    if (key === undefined || key === '') return { ok: false, reason: 'bad_signature' }
    const expected = sha256([request.rawBody, '/', key], 'hex')
    return safeEqual(signature, expected, true) ? { ok: true } : { ok: false, reason: 'bad_signature' }
  },

  parse(rawBody): PushedUpdate[] {
    let body: unknown
    try {
      body = JSON.parse(rawBody.toString('utf8')) as unknown
    } catch {
      throw new InvalidInputError('track17: the webhook body is not JSON')
    }
    if (!isRecord(body)) throw new InvalidInputError('track17: the webhook body is not an object')
    const webhook = body as Track17Webhook
    if (webhook.event !== 'TRACKING_UPDATED') return []
    const item = validateAccepted(webhook.data, 'data', (why) => {
      throw new InvalidInputError(`track17: webhook ${why}`)
    })
    const trackingNumber = normalizeTrack17Number(item.number)
    return [{ trackingNumber, result: parseAccepted(trackingNumber, item) }]
  },
}
