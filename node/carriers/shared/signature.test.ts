import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { headerOf, hmacSha256, safeEqual, sha256 } from './signature'

void describe('webhook signatures', () => {
  void it('EasyPost\'s published test vector: HMAC-SHA256 hex with key NFKD("sécret") over event-body.json without its final newline', () => {
    // shared/contracts/carriers/easypost/client-library-fixtures.json `webhooks` (MIT, EasyPost/examples)
    const file = readFileSync(path.join(__dirname, '__fixtures__', 'easypost-event-body.json'))
    const body = file.subarray(0, file.length - 1)
    assert.equal(body.length, 3550)
    const expected = '38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db'
    const digest = hmacSha256('sécret'.normalize('NFKD'), body, 'hex')
    assert.equal(digest, expected)
    assert.equal(safeEqual(`hmac-sha256-hex=${expected}`.replace('hmac-sha256-hex=', ''), digest), true)
    // The same bytes with the newline, or the key not normalised, do not verify.
    assert.notEqual(hmacSha256('sécret'.normalize('NFKD'), file, 'hex'), expected)
    assert.notEqual(hmacSha256('sécret'.normalize('NFC'), body, 'hex'), expected)
  })

  void it('RFC 4231 test case 2 (HMAC-SHA256), in hex and base64', () => {
    const hex = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
    assert.equal(hmacSha256('Jefe', 'what do ya want for nothing?', 'hex'), hex)
    assert.equal(
      hmacSha256('Jefe', 'what do ya want for nothing?', 'base64'),
      Buffer.from(hex, 'hex').toString('base64')
    )
  })

  void it('sha256 over concatenated parts equals sha256 of the joined text', () => {
    assert.equal(sha256(['{"a":1}', '/', 'key'], 'hex'), sha256(['{"a":1}/key'], 'hex'))
    assert.equal(sha256([''], 'hex'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  void it('safeEqual: equal only for the same text; missing, shorter, longer and case differ', () => {
    assert.equal(safeEqual('abc', 'abc'), true)
    assert.equal(safeEqual(undefined, 'abc'), false)
    assert.equal(safeEqual('', 'abc'), false)
    assert.equal(safeEqual('ab', 'abc'), false)
    assert.equal(safeEqual('abcd', 'abc'), false)
    assert.equal(safeEqual('ABC', 'abc'), false)
    assert.equal(safeEqual('ABC', 'abc', true), true)
    assert.equal(safeEqual(' abc ', 'abc'), true, 'surrounding header whitespace is not part of the signature')
  })

  void it('headerOf reads a header whatever the case of its name, empty is missing', () => {
    assert.equal(headerOf({ 'AfterShip-Hmac-Sha256': 'x' }, 'aftership-hmac-sha256'), 'x')
    assert.equal(headerOf({ sign: '' }, 'sign'), undefined)
    assert.equal(headerOf({}, 'sign'), undefined)
  })
})
