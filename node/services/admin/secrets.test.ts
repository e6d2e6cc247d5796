import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { CARRIERS } from '../../carriers'
import { parseAppSettings } from '../../settings/appSettings'
import { secretRedactor } from './secrets'

void describe('secretRedactor', () => {
  void it('removes every configured credential from a text', () => {
    const redact = secretRedactor(
      parseAppSettings({
        correios: { user: 'loja-user', accessCode: 'ACCESS-9f8e7d', postageCard: '0067599079' },
        ups: { clientId: 'ups-client-abc', clientSecret: 'ups-secret-xyz', accountNumber: 'A1B2C3' },
      })
    )
    const text = 'token for loja-user/ACCESS-9f8e7d card 0067599079 client ups-client-abc:ups-secret-xyz acct A1B2C3'
    const redacted = redact(text)
    for (const secret of ['loja-user', 'ACCESS-9f8e7d', '0067599079', 'ups-client-abc', 'ups-secret-xyz', 'A1B2C3']) {
      assert.ok(!redacted.includes(secret), `${secret} leaked: ${redacted}`)
    }
    assert.match(redacted, /^token for \[redacted\]\/\[redacted\] card \[redacted\]/)
  })

  void it('leaves text alone when no carrier is configured', () => {
    assert.equal(
      secretRedactor(parseAppSettings({}))('carrier_unavailable: UPS answered 503'),
      'carrier_unavailable: UPS answered 503'
    )
  })

  void it('redacts every secret field every carrier module declares, and only those', () => {
    // One distinctive value per field of every module: a new carrier is covered by declaring its fields.
    const raw: Record<string, Record<string, string>> = {}
    for (const carrier of CARRIERS) {
      raw[carrier.code] = Object.fromEntries(
        carrier.settings.fields.map((f) => [f.name, f.choices ? f.choices[0] : `${carrier.code}-${f.name}-value`])
      )
    }
    const redact = secretRedactor(parseAppSettings(raw))
    for (const carrier of CARRIERS) {
      const secretFields = carrier.settings.fields.filter((f) => f.secret)
      assert.ok(secretFields.length > 0, `${carrier.code} declares its credentials as secret`)
      for (const field of secretFields) {
        const value = raw[carrier.code][field.name]
        assert.equal(redact(`echo ${value} and ${encodeURIComponent(value)}`), 'echo [redacted] and [redacted]')
      }
      const [user, password] = carrier.settings.basicAuth ?? []
      if (user !== undefined && password !== undefined) {
        const basic = Buffer.from(`${raw[carrier.code][user]}:${raw[carrier.code][password]}`).toString('base64')
        assert.equal(redact(`Basic ${basic}`), 'Basic [redacted]')
      }
    }
  })
})
