import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { correios, isCorreiosTrackingNumber, s10CheckDigit } from './index'
import { buildTokenRequest, buildTrackRequest, readErrorMessages, readTokenResponse } from './request'
import tokenCreated from './__fixtures__/token-201.json'
import tokenRejected from './__fixtures__/token-401.json'

const codes = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `DG${String(10_000_000 + i).padStart(8, '0')}0BR`)

void describe('buildTrackRequest', () => {
  void it('builds the batch form with codes joined by commas and all events', () => {
    assert.deepEqual(buildTrackRequest(['DG049186226BR', 'DG049186230BR']), {
      path: '/srorastro/v1/objetos',
      query: { codigosObjetos: 'DG049186226BR,DG049186230BR', resultado: 'T' },
    })
  })

  void it('normalises spacing and case and drops duplicates, keeping order', () => {
    assert.deepEqual(buildTrackRequest([' dg 049186230 br', 'DG049186226BR', 'DG049186230BR']).query, {
      codigosObjetos: 'DG049186230BR,DG049186226BR',
      resultado: 'T',
    })
  })

  void it('accepts exactly 50 codes and rejects 51', () => {
    assert.equal(buildTrackRequest(codes(50)).query.codigosObjetos.split(',').length, 50)
    assert.throws(() => buildTrackRequest(codes(51)), /at most 50 codes per request, got 51/)
  })

  void it('rejects an empty list, an empty code and a code with a comma', () => {
    assert.throws(() => buildTrackRequest([]), RangeError)
    assert.throws(() => buildTrackRequest(['DG049186226BR', '  ']), RangeError)
    assert.throws(() => buildTrackRequest(['DG049186226BR,DG049186230BR']), /comma/)
  })
})

void describe('buildTokenRequest', () => {
  void it('sends Basic user:accessCode and the postage card as numero', () => {
    const request = buildTokenRequest({ user: 'loja', accessCode: 's3cr3t', postageCard: '0067599079' })
    assert.deepEqual(request, {
      path: '/token/v1/autentica/cartaopostagem',
      authorization: `Basic ${Buffer.from('loja:s3cr3t').toString('base64')}`,
      body: { numero: '0067599079' },
    })
    assert.equal(request.authorization, 'Basic bG9qYTpzM2NyM3Q=')
  })
})

void describe('token and error bodies', () => {
  void it('reads the 201 token body with expiraEm as Brasília time', () => {
    assert.deepEqual(readTokenResponse(tokenCreated), {
      token: tokenCreated.token,
      expiresAt: Date.parse('2025-03-19T13:26:51Z'),
    })
  })

  void it('returns undefined for a body without a token, and no expiry for an unreadable expiraEm', () => {
    assert.equal(readTokenResponse(tokenRejected), undefined)
    assert.equal(readTokenResponse('nope'), undefined)
    assert.deepEqual(readTokenResponse({ token: 'abc', expiraEm: 'tomorrow' }), { token: 'abc', expiresAt: undefined })
  })

  void it('joins the msgs of an error body', () => {
    assert.equal(readErrorMessages(tokenRejected), 'Usuário ou código de acesso inválido.')
    assert.equal(readErrorMessages({ msgs: ['a', 'b'] }), 'a; b')
    assert.equal(readErrorMessages({ error: 'x' }), undefined)
    assert.equal(readErrorMessages({ msgs: [] }), undefined)
  })
})

void describe('S10 tracking numbers', () => {
  // test_numbers of tracking-number-data/couriers/s10.json (jkeen/tracking_number_data, MIT).
  const S10_VALID = ['RB123456785GB', 'RB123456785US', 'RB123456785CV', 'RB123456785CF']
  const S10_INVALID_CHECK_DIGIT = 'RB123456786US'

  void it('computes the mod-11 check digit, including the 0 -> 5 and 1 -> 0 remainders', () => {
    assert.equal(s10CheckDigit('12345678'), 5) // sum 231, remainder 0 -> 5
    assert.equal(s10CheckDigit('04918622'), 6) // DG049186226BR from the CWS manual
    assert.equal(s10CheckDigit('04918623'), 0) // DG049186230BR: remainder 1 -> 0
    assert.equal(s10CheckDigit('04918621'), 2) // DG049186212BR
    assert.throws(() => s10CheckDigit('1234567'), RangeError)
  })

  void it('agrees with the s10.json test numbers', () => {
    const checkDigitOk = (n: string): boolean => s10CheckDigit(n.slice(2, 10)) === Number(n[10])
    for (const number of S10_VALID) assert.equal(checkDigitOk(number), true, number)
    assert.equal(checkDigitOk(S10_INVALID_CHECK_DIGIT), false)
  })

  void it('matches only Correios-issued numbers (valid S10 ending in BR)', () => {
    for (const number of S10_VALID) assert.equal(isCorreiosTrackingNumber(number), false, number)
    assert.equal(correios.matchesTrackingNumber('RB123456785BR'), true)
    assert.equal(correios.matchesTrackingNumber('DG049186226BR'), true)
    assert.equal(correios.matchesTrackingNumber('dg 049 186 226 br'), true)
    assert.equal(correios.matchesTrackingNumber('DG049186227BR'), false)
    assert.equal(correios.matchesTrackingNumber('RB123456786BR'), false)
    assert.equal(correios.matchesTrackingNumber('1Z999AA10123456784'), false)
    assert.equal(correios.matchesTrackingNumber(''), false)
  })

  void it('describes itself and links to the public tracking page', () => {
    assert.equal(correios.code, 'correios')
    assert.equal(correios.displayName, 'Correios')
    assert.equal(correios.limits.batchSize, 50)
    assert.equal(
      correios.trackingUrl('dg049186226br'),
      'https://rastreamento.correios.com.br/app/index.php?objeto=DG049186226BR'
    )
  })
})
