import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

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
})
