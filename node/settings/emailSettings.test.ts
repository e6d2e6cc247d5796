import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { parseAppSettings } from './appSettings'

void describe('email settings', () => {
  void it('default to every app email on, 48 hours, English', () => {
    const { emails } = parseAppSettings({})
    assert.equal(emails.enabled, true)
    assert.equal(emails.maxAgeHours, 48)
    assert.equal(emails.defaultLocale, 'en')
    assert.ok(Object.values(emails.kinds).every(Boolean))
  })

  void it('switch each kind, map sales channels to languages and refuse what is invalid', () => {
    const { emails } = parseAppSettings({
      emails: {
        sendOutForDelivery: false,
        storeName: ' Loja Azul ',
        maxAgeHours: '24',
        salesChannelLocales: [{ salesChannel: '2', locale: 'es' }],
      },
    })
    assert.equal(emails.kinds.out_for_delivery, false)
    assert.equal(emails.kinds.attempt_fail, true)
    assert.equal(emails.storeName, 'Loja Azul')
    assert.equal(emails.maxAgeHours, 24)
    assert.deepEqual(emails.salesChannelLocales, { '2': 'es' })
    assert.throws(
      () => parseAppSettings({ emails: { maxAgeHours: 0, defaultLocale: 'fr', sendDelivered: 'yes' } }),
      /emails\.sendDelivered must be true or false.*emails\.maxAgeHours must be a number from 1 to 720.*emails\.defaultLocale/
    )
  })
})
