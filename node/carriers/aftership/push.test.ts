import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { InvalidInputError } from '../../errors'
import { hmacSha256 } from '../shared/signature'
import { aftershipPush, AFTERSHIP_SIGNATURE_HEADER, slugFor } from '.'
import { buildListRequest, parseSlugPairs } from './request'

const SECRET = 'whsec-aftership-test'
const settings = { apiKey: 'k', webhookSecret: SECRET }
const tracking = (
  JSON.parse(readFileSync(path.join(__dirname, '__fixtures__', 'delivered-docs-example.json'), 'utf8')) as {
    data: unknown
  }
).data
const body = Buffer.from(
  JSON.stringify({
    ts: 1767225600,
    event: 'tracking_update',
    event_id: 'c9f1e7a2-1111-4d1f-9b59-0b0b0b0b0b0b',
    msg: tracking,
  })
)
const request = (headers: Record<string, string | undefined>, raw = body) => ({ rawBody: raw, headers, query: {} })

void describe('AfterShip webhooks', () => {
  void it('accepts the base64 HMAC-SHA256 of the raw body with the merchant webhook secret', () => {
    const signature = hmacSha256(SECRET, body, 'base64')
    assert.deepEqual(aftershipPush.verify(request({ [AFTERSHIP_SIGNATURE_HEADER]: signature }), settings, 'install'), {
      ok: true,
    })
  })

  void it('refuses a missing signature, a wrong one, a hex one, one over other bytes, and any without a secret', () => {
    const good = hmacSha256(SECRET, body, 'base64')
    const verdict = (headers: Record<string, string | undefined>, s: Record<string, string> = settings, raw = body) =>
      aftershipPush.verify(request(headers, raw), s, 'install')
    assert.deepEqual(verdict({}), { ok: false, reason: 'missing_signature' })
    assert.deepEqual(verdict({ [AFTERSHIP_SIGNATURE_HEADER]: 'AAAA' }), { ok: false, reason: 'bad_signature' })
    assert.deepEqual(verdict({ [AFTERSHIP_SIGNATURE_HEADER]: hmacSha256(SECRET, body, 'hex') }), {
      ok: false,
      reason: 'bad_signature',
    })
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2))
    assert.deepEqual(verdict({ [AFTERSHIP_SIGNATURE_HEADER]: good }, settings, reformatted), {
      ok: false,
      reason: 'bad_signature',
    })
    assert.deepEqual(verdict({ [AFTERSHIP_SIGNATURE_HEADER]: good }, { apiKey: 'k' }), {
      ok: false,
      reason: 'bad_signature',
    })
    assert.deepEqual(
      verdict({ [AFTERSHIP_SIGNATURE_HEADER]: hmacSha256('install', body, 'base64') }, { apiKey: 'k' }),
      { ok: false, reason: 'bad_signature' },
      'the app’s own secret does not sign AfterShip pushes'
    )
  })

  void it('parses the tracking in msg with the event id and send time', () => {
    const [update, ...rest] = aftershipPush.parse(body)
    assert.equal(rest.length, 0)
    assert.equal(update.trackingNumber, '61293150000079650811')
    assert.equal(update.eventId, 'c9f1e7a2-1111-4d1f-9b59-0b0b0b0b0b0b')
    assert.equal(update.sentAt, '2026-01-01T00:00:00.000Z')
    assert.equal(update.result.status, 'DELIVERED')
    assert.equal(update.result.carrier, 'aftership')
  })

  void it('malformed bodies are typed errors; a body without msg carries no update', () => {
    assert.throws(() => aftershipPush.parse(Buffer.from('Interal Error')), InvalidInputError)
    assert.throws(() => aftershipPush.parse(Buffer.from('[]')), InvalidInputError)
    assert.throws(() => aftershipPush.parse(Buffer.from('{"msg":{"tag":"Delivered"}}')), InvalidInputError)
    assert.deepEqual(aftershipPush.parse(Buffer.from('{"event":"ping"}')), [])
  })
})

void describe('AfterShip requests and courier slugs', () => {
  const credentials = { apiKey: 'key-123', slugs: parseSlugPairs('Transportadora X = total-express; bad=No Spaces') }

  void it('lists up to 50 numbers in one call, the key in a header only', () => {
    const numbers = Array.from({ length: 50 }, (_, i) => `AB${String(i).padStart(9, '0')}BR`)
    const list = buildListRequest(credentials, numbers)
    assert.equal(list.path, '/tracking/2025-01/trackings')
    assert.equal(list.query.tracking_numbers.split(',').length, 50)
    assert.equal(list.headers['as-api-key'], 'key-123')
    assert.ok(!JSON.stringify(list.query).includes('key-123'))
    assert.throws(() => buildListRequest(credentials, [...numbers, 'AB999999999BR']), RangeError)
  })

  void it('slug: the merchant mapping, then known LATAM couriers by name, then S10 numbers, else AfterShip detects', () => {
    assert.equal(slugFor(credentials, '123456', 'Transportadora X'), 'total-express')
    assert.equal(slugFor(credentials, '123456', 'Correios SEDEX'), 'brazil-correios')
    assert.equal(slugFor(credentials, '123456', 'Estafeta Día Siguiente'), 'estafeta')
    assert.equal(slugFor(credentials, '123456', 'OCA e-Pak'), 'oca-ar')
    assert.equal(slugFor(credentials, '123456', 'Correos de Chile'), 'correos-chile')
    assert.equal(slugFor(credentials, 'DG049186226BR', 'Minha Transportadora'), 'brazil-correios')
    assert.equal(slugFor(credentials, '123456', null), undefined)
    assert.equal(credentials.slugs.size, 1, 'an invalid slug is ignored')
  })
})
