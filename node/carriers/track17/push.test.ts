import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { createHash } from 'node:crypto'

import { InvalidInputError } from '../../errors'
import { carrierKeyFor, TRACK17_SIGNATURE_HEADER, track17Push } from '.'
import { buildNumbersRequest, buildRegisterRequest, parseCarrierKeys } from './request'

const KEY = 'demo-17track-key'
const settings = { apiKey: KEY }
const read = (name: string): string => readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8')
const delivered = (JSON.parse(read('delivered-correios-2151.json')) as { data: { accepted: unknown[] } }).data
  .accepted[0]
const body = Buffer.from(JSON.stringify({ event: 'TRACKING_UPDATED', data: delivered }))
/** Independent of the helper under test: the documented formula, spelled out. */
const sign = (raw: Buffer, key: string): string =>
  createHash('sha256')
    .update(Buffer.concat([raw, Buffer.from(`/${key}`)]))
    .digest('hex')
const request = (headers: Record<string, string | undefined>, raw = body) => ({ rawBody: raw, headers, query: {} })

void describe('17TRACK webhooks', () => {
  void it('accepts sign = hex SHA-256 of body + "/" + API key (either case)', () => {
    assert.deepEqual(track17Push.verify(request({ sign: sign(body, KEY) }), settings, 'install'), { ok: true })
    assert.deepEqual(track17Push.verify(request({ Sign: sign(body, KEY).toUpperCase() }), settings, 'install'), {
      ok: true,
    })
  })

  void it('refuses missing, wrong key, HMAC instead of plain hash, other bytes', () => {
    const verdict = (headers: Record<string, string | undefined>, raw = body) =>
      track17Push.verify(request(headers, raw), settings, 'x')
    assert.deepEqual(verdict({}), { ok: false, reason: 'missing_signature' })
    assert.deepEqual(verdict({ [TRACK17_SIGNATURE_HEADER]: sign(body, 'other') }), {
      ok: false,
      reason: 'bad_signature',
    })
    const hmac = createHash('sha256').update(body).digest('hex')
    assert.deepEqual(verdict({ sign: hmac }), { ok: false, reason: 'bad_signature' })
    assert.deepEqual(verdict({ sign: sign(body, KEY) }, Buffer.from(`${body.toString()} `)), {
      ok: false,
      reason: 'bad_signature',
    })
  })

  void it('TRACKING_UPDATED gives the update; TRACKING_STOPPED (verbatim doc example) gives none; junk is a typed error', () => {
    const [update] = track17Push.parse(body)
    assert.equal(update.trackingNumber, 'AA123456789BR')
    assert.equal(update.result.status, 'DELIVERED')
    assert.equal(update.result.carrier, 'track17')
    assert.deepEqual(track17Push.parse(Buffer.from(read('webhook-tracking-stopped-docs-example.json'))), [])
    assert.throws(() => track17Push.parse(Buffer.from('nope')), InvalidInputError)
    assert.throws(() => track17Push.parse(Buffer.from('{"event":"TRACKING_UPDATED","data":{}}')), InvalidInputError)
  })
})

void describe('17TRACK requests and carrier keys', () => {
  const credentials = { apiKey: KEY, carrierKeys: parseCarrierKeys('Jadlog Expresso=100003; bad=x') }

  void it('40 numbers per call, key only in the 17token header', () => {
    const numbers = Array.from({ length: 40 }, (_, i) => `AA${String(i).padStart(9, '0')}BR`)
    const req = buildNumbersRequest(credentials, 'gettrackinfo', numbers)
    assert.equal(req.path, '/track/v2.4/gettrackinfo')
    assert.equal(req.body.length, 40)
    assert.equal(req.headers['17token'], KEY)
    assert.throws(() => buildNumbersRequest(credentials, 'gettrackinfo', [...numbers, 'AA999999999BR']), RangeError)
  })

  void it('register: carrier key from the mapping, Correios by name or S10 number, else auto-detection', () => {
    assert.equal(carrierKeyFor(credentials, '123456', 'Jadlog Expresso'), 100003)
    assert.equal(carrierKeyFor(credentials, '123456', 'Correios PAC'), 2151)
    assert.equal(carrierKeyFor(credentials, 'DG049186226BR', 'Loja'), 2151)
    assert.equal(carrierKeyFor(credentials, '123456', 'Loja'), undefined)
    assert.deepEqual(
      buildRegisterRequest(credentials, [{ number: 'abc12345' }, { number: 'DG049186226BR', carrier: 2151 }]).body,
      [
        { number: 'ABC12345', auto_detection: true },
        { number: 'DG049186226BR', carrier: 2151 },
      ]
    )
  })
})
