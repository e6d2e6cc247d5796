import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { InvalidInputError } from '../../errors'
import type { PushRequest } from '../shared/module'
import { intelipost } from '.'
import { parseIntelipostPush, verifyIntelipostPush } from './push'

const SECRET = 'install-secret-9f2c1e7a'
const hookBody = readFileSync(path.join(__dirname, '__fixtures__', 'docs-example-webhook-in-transit.json'))
const request = (extra: Partial<PushRequest>): PushRequest => ({ rawBody: hookBody, headers: {}, query: {}, ...extra })
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

void describe('Intelipost push: verify (shared secret, no signature)', () => {
  void it('accepts the install secret in the URL, in the header or as the Basic password', () => {
    assert.deepEqual(verifyIntelipostPush(request({ query: { secret: SECRET } }), SECRET), { ok: true })
    assert.deepEqual(verifyIntelipostPush(request({ headers: { 'x-order-tracking-secret': SECRET } }), SECRET), {
      ok: true,
    })
    assert.deepEqual(
      verifyIntelipostPush(request({ headers: { authorization: basic('intelipost', SECRET) } }), SECRET),
      { ok: true }
    )
    assert.deepEqual(intelipost.push?.verify(request({ query: { secret: SECRET } }), { apiKey: 'k' }, SECRET), {
      ok: true,
    })
  })

  void it('refuses a wrong secret (also one that only shares a prefix) as bad_signature', () => {
    for (const wrong of ['nope', SECRET.slice(0, -1), `${SECRET}x`, SECRET.toUpperCase()]) {
      assert.deepEqual(verifyIntelipostPush(request({ query: { secret: wrong } }), SECRET), {
        ok: false,
        reason: 'bad_signature',
      })
    }
    assert.deepEqual(
      verifyIntelipostPush(request({ headers: { authorization: basic('intelipost', 'wrong') } }), SECRET),
      { ok: false, reason: 'bad_signature' }
    )
  })

  void it('refuses a request with no secret anywhere as missing_signature', () => {
    assert.deepEqual(verifyIntelipostPush(request({}), SECRET), { ok: false, reason: 'missing_signature' })
    assert.deepEqual(verifyIntelipostPush(request({ headers: { authorization: 'Bearer x' } }), SECRET), {
      ok: false,
      reason: 'missing_signature',
    })
  })

  void it('never accepts anything when the install has no secret', () => {
    assert.deepEqual(verifyIntelipostPush(request({ query: { secret: '' } }), ''), {
      ok: false,
      reason: 'missing_signature',
    })
    assert.deepEqual(verifyIntelipostPush(request({ headers: { 'x-order-tracking-secret': 'a' } }), ''), {
      ok: false,
      reason: 'bad_signature',
    })
  })
})

void describe('Intelipost push: parse the recorded docs webhook', () => {
  void it('IN_TRANSIT with micro state 27: one update keyed by tracking code, raw codes and offset kept', () => {
    const updates = parseIntelipostPush(hookBody)
    assert.equal(updates.length, 1)
    const [update] = updates
    assert.equal(update.trackingNumber, 'IP20160701BR')
    assert.equal(update.eventId, 'PEDIDO0004/1/1384656')
    assert.equal(update.sentAt, undefined, 'Intelipost sends no send time')
    assert.equal(update.result.carrier, 'intelipost')
    assert.equal(update.result.found, true)
    assert.equal(update.result.status, 'IN_TRANSIT')
    assert.deepEqual(update.result.events, [
      {
        occurredAt: '2016-07-01T17:22:00-03:00',
        occurredAtLocal: '2016-07-01T17:22:00.000-03:00',
        status: 'IN_TRANSIT',
        carrierCode: 'IN_TRANSIT/27 (ABC123)',
        description: 'em processo de entrega',
      },
    ])
  })

  void it('an unmapped pushed state is UNKNOWN, never DELIVERED', () => {
    const body = JSON.parse(hookBody.toString('utf8')) as { history: Record<string, unknown> }
    body.history.shipment_order_volume_state = 'DELIVERED_SOMEWHERE'
    const [update] = parseIntelipostPush(Buffer.from(JSON.stringify(body)))
    assert.equal(update.result.status, 'UNKNOWN')
    assert.ok(update.result.messages.some((m) => m.code === 'UNMAPPED_CODE'))
  })

  void it('throws InvalidInputError on malformed bodies', () => {
    for (const bad of [
      'not json',
      '42',
      '{}',
      '{"tracking_code":"X1"}',
      '{"tracking_code":"X1","history":{"shipment_order_volume_state":"NEW"}}',
    ]) {
      assert.throws(() => parseIntelipostPush(Buffer.from(bad)), InvalidInputError, bad)
    }
  })
})
