import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { InvalidInputError, SettingsError } from '../../errors'
import { isUpsTrackingNumber, ups } from './index'
import { buildTokenRequest, buildTrackRequest } from './request'

interface CourierFile {
  tracking_numbers: Array<{ name: string; test_numbers: { valid: string[]; invalid: string[] } }>
}

const upsJson = JSON.parse(
  readFileSync(
    path.resolve(__dirname, '../../../../shared/contracts/carriers/tracking-number-data/couriers/ups.json'),
    'utf8'
  )
) as CourierFile
const numbersOf = (name: string): { valid: string[]; invalid: string[] } => {
  const entry = upsJson.tracking_numbers.find((t) => t.name === name)
  assert.ok(entry, `ups.json has no "${name}" entry`)
  return entry.test_numbers
}

void describe('buildTrackRequest', () => {
  void it('builds the documented GET with both required headers', () => {
    assert.deepEqual(buildTrackRequest('1Z5R89390357567127', 'a1b2c3'), {
      path: '/api/track/v1/details/1Z5R89390357567127',
      query: { locale: 'en_US', returnSignature: 'false', returnMilestones: 'false', returnPOD: 'false' },
      headers: { transId: 'a1b2c3', transactionSrc: 'vtex-order-tracking' },
    })
  })

  void it('normalises spaces and case the way invoices write numbers', () => {
    assert.equal(buildTrackRequest(' 1z 5r89 3903 5756 7127 ', 't').path, '/api/track/v1/details/1Z5R89390357567127')
  })

  void it('accepts 7 to 34 characters and nothing else', () => {
    assert.equal(buildTrackRequest('A123456', 't').path, '/api/track/v1/details/A123456')
    assert.equal(buildTrackRequest('A'.repeat(34), 't').path, `/api/track/v1/details/${'A'.repeat(34)}`)
    for (const bad of ['A12345', 'A'.repeat(35), '1Z5R8939/../x', '']) {
      assert.throws(() => buildTrackRequest(bad, 't'), InvalidInputError, bad)
    }
  })

  void it('rejects a transId UPS would not take', () => {
    assert.throws(() => buildTrackRequest('1Z5R89390357567127', ''), RangeError)
    assert.throws(() => buildTrackRequest('1Z5R89390357567127', 'x'.repeat(33)), RangeError)
    assert.equal(buildTrackRequest('1Z5R89390357567127', 'x'.repeat(32)).headers.transId, 'x'.repeat(32))
  })
})

void describe('buildTokenRequest', () => {
  void it('uses client_secret_basic and a form body', () => {
    const request = buildTokenRequest({ clientId: 'my-id', clientSecret: 's3cr:et' })
    assert.deepEqual(request, {
      path: '/security/v1/oauth/token',
      headers: {
        Authorization: `Basic ${Buffer.from('my-id:s3cr:et').toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    })
    const decoded = Buffer.from(request.headers.Authorization.slice('Basic '.length), 'base64').toString('utf8')
    assert.equal(decoded, 'my-id:s3cr:et')
  })

  void it('sends x-merchant-id only when an account number is set', () => {
    assert.equal(
      buildTokenRequest({ clientId: 'a', clientSecret: 'b', accountNumber: ' 123456 ' }).headers['x-merchant-id'],
      '123456'
    )
    assert.equal('x-merchant-id' in buildTokenRequest({ clientId: 'a', clientSecret: 'b' }).headers, false)
    assert.equal(
      'x-merchant-id' in buildTokenRequest({ clientId: 'a', clientSecret: 'b', accountNumber: '' }).headers,
      false
    )
  })

  void it('refuses empty credentials as a settings problem', () => {
    assert.throws(() => buildTokenRequest({ clientId: ' ', clientSecret: 'b' }), SettingsError)
    assert.throws(() => buildTokenRequest({ clientId: 'a', clientSecret: '' }), SettingsError)
  })
})

void describe('UPS tracking-number detection (ups.json test numbers)', () => {
  void it('matches every valid 1Z number, spaces included', () => {
    const { valid } = numbersOf('UPS')
    assert.ok(valid.length >= 5)
    for (const n of valid) assert.equal(isUpsTrackingNumber(n), true, n)
  })

  void it('rejects every invalid 1Z number, including a wrong check digit', () => {
    const { invalid } = numbersOf('UPS')
    for (const n of invalid) assert.equal(isUpsTrackingNumber(n), false, n)
    // One digit off in the check digit of a valid number.
    assert.equal(isUpsTrackingNumber('1Z5R89390357567128'), false)
    assert.equal(isUpsTrackingNumber('1z5r89390357567127'), true)
  })

  void it('does not claim waybill numbers (detection covers 1Z only)', () => {
    for (const n of numbersOf('UPS Waybill').valid) assert.equal(isUpsTrackingNumber(n), false, n)
  })

  void it('does not claim Correios numbers', () => {
    assert.equal(ups.matchesTrackingNumber('DG049186226BR'), false)
  })
})

void describe('the UPS module', () => {
  void it('describes UPS', () => {
    assert.equal(ups.code, 'ups')
    assert.equal(ups.displayName, 'UPS')
    assert.equal(ups.limits.batchSize, 1)
    assert.equal(
      ups.trackingUrl('1z 5r89390357567127'),
      'https://www.ups.com/track?loc=en_US&tracknum=1Z5R89390357567127'
    )
  })
})
