import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { InvalidInputError } from '../../errors'
import type { PushRequest } from '../shared/module'
import { melhorenvio } from '.'
import { parseMelhorEnvioPush, verifyMelhorEnvioPush } from './push'

const APP_SECRET = 'me-app-client-secret-0c8d'
const body = readFileSync(path.join(__dirname, '__fixtures__', 'constructed-webhook-order-posted.json'))
const mac = createHmac('sha256', APP_SECRET).update(body).digest()
const request = (headers: PushRequest['headers'], rawBody = body): PushRequest => ({ rawBody, headers, query: {} })

void describe('Melhor Envio push: verify X-ME-Signature', () => {
  void it('accepts the base64 HMAC-SHA256 of the raw body with the app secret (and its hex form)', () => {
    assert.deepEqual(verifyMelhorEnvioPush(request({ 'x-me-signature': mac.toString('base64') }), APP_SECRET), {
      ok: true,
    })
    assert.deepEqual(verifyMelhorEnvioPush(request({ 'X-ME-Signature': mac.toString('hex') }), APP_SECRET), {
      ok: true,
    })
    const settings = { token: 't', contactEmail: 'a@b.c', appSecret: APP_SECRET }
    assert.deepEqual(
      melhorenvio.push?.verify(request({ 'x-me-signature': mac.toString('base64') }), settings, 'unused'),
      { ok: true }
    )
  })

  void it('refuses a signature of another body, another secret, or a tampered one', () => {
    const other = createHmac('sha256', 'another-secret').update(body).digest('base64')
    const tampered = Buffer.concat([body, Buffer.from(' ')])
    for (const [headers, raw] of [
      [{ 'x-me-signature': other }, body],
      [{ 'x-me-signature': mac.toString('base64') }, tampered],
      [{ 'x-me-signature': mac.toString('base64').slice(1) }, body],
    ] as const) {
      assert.deepEqual(verifyMelhorEnvioPush(request(headers, raw), APP_SECRET), { ok: false, reason: 'bad_signature' })
    }
  })

  void it('no header: missing_signature; no app secret configured: refused', () => {
    assert.deepEqual(verifyMelhorEnvioPush(request({}), APP_SECRET), { ok: false, reason: 'missing_signature' })
    assert.deepEqual(verifyMelhorEnvioPush(request({ 'x-me-signature': '' }), APP_SECRET), {
      ok: false,
      reason: 'missing_signature',
    })
    assert.deepEqual(verifyMelhorEnvioPush(request({ 'x-me-signature': mac.toString('base64') }), undefined), {
      ok: false,
      reason: 'bad_signature',
    })
  })
})

void describe('Melhor Envio push: parse', () => {
  void it('order.posted: one update keyed by the carrier code, in transit, with an event id', () => {
    const [update, ...rest] = parseMelhorEnvioPush(body)
    assert.equal(rest.length, 0)
    assert.equal(update.trackingNumber, '10082000765432')
    assert.equal(update.eventId, '9a3c1f0e-5b7d-4c2a-8e61-2f4b9d7c1a05/order.posted/2026-03-10 17:40:05')
    assert.equal(update.sentAt, undefined, 'no send time in the body')
    assert.equal(update.result.status, 'IN_TRANSIT')
    assert.equal(update.result.events.at(-1)?.occurredAt, '2026-03-10T17:40:00-03:00')
  })

  void it('the event name stands in for a missing status; an unknown one is UNKNOWN, never DELIVERED', () => {
    const delivered = {
      event: 'order.delivered',
      data: { id: 'x1', tracking: 'T1', delivered_at: '2026-03-13 14:05:11' },
    }
    assert.equal(parseMelhorEnvioPush(Buffer.from(JSON.stringify(delivered)))[0].result.status, 'DELIVERED')
    const odd = { event: 'order.suspended', data: { id: 'x1', tracking: 'T1', delivered_at: '2026-03-13 14:05:11' } }
    const [update] = parseMelhorEnvioPush(Buffer.from(JSON.stringify(odd)))
    assert.equal(update.result.status, 'UNKNOWN')
    assert.equal(update.result.deliveredAt, undefined)
  })

  void it('the test request sent when the URL is saved carries no update', () => {
    const test = readFileSync(path.join(__dirname, '__fixtures__', 'constructed-webhook-test-request.json'))
    assert.deepEqual(parseMelhorEnvioPush(test), [])
  })

  void it('throws InvalidInputError on malformed bodies', () => {
    for (const bad of [
      'nope',
      '[]',
      '{"data":{"id":"x"}}',
      '{"event":"order.posted","data":"x"}',
      '{"event":"order.posted","data":{"status":"posted"}}',
      '{"event":"order.posted","data":{"id":"x","posted_at":"later"}}',
    ]) {
      assert.throws(() => parseMelhorEnvioPush(Buffer.from(bad)), InvalidInputError, bad)
    }
  })
})
