import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { SettingsError } from '../errors'
import { configuredCarriers, parseAppSettings } from './appSettings'
import { defaultEmailSettings } from './emailSettings'

void describe('parseAppSettings', () => {
  void it('applies VTEX-like defaults to empty settings', () => {
    assert.deepEqual(parseAppSettings({}), {
      pollingIntervalHours: 6,
      trackingWindowDays: 12.5,
      stuckAfterHours: 72,
      scheduleMode: 'adaptive',
      carrierRequestsPerSecond: undefined,
      courierMappings: [],
      correios: undefined,
      ups: undefined,
      emails: defaultEmailSettings(),
    })
  })

  void it('takes the VTEX fixed schedule when asked, and refuses an unknown schedule', () => {
    assert.equal(parseAppSettings({ scheduleMode: 'vtex_fixed' }).scheduleMode, 'vtex_fixed')
    assert.throws(
      () => parseAppSettings({ scheduleMode: 'hourly' }),
      /scheduleMode must be one of adaptive, vtex_fixed/
    )
  })

  void it('reads complete credentials and trims them', () => {
    const settings = parseAppSettings({
      correios: { user: ' u ', accessCode: 'c', postageCard: '123', environment: 'sandbox' },
      ups: { clientId: 'id', clientSecret: 'secret' },
      courierMappings: [{ courierName: 'Sedex', carrier: 'correios' }],
    })
    assert.deepEqual(settings.correios, { user: 'u', accessCode: 'c', postageCard: '123', environment: 'sandbox' })
    assert.deepEqual(settings.ups, {
      clientId: 'id',
      clientSecret: 'secret',
      accountNumber: undefined,
      environment: 'production',
    })
    assert.deepEqual(configuredCarriers(settings), ['correios', 'ups'])
  })

  void it('lists every problem at once and never echoes a secret', () => {
    assert.throws(
      () =>
        parseAppSettings({
          pollingIntervalHours: 0,
          trackingWindowDays: 'soon',
          ups: { clientId: 'id', clientSecret: '' },
          correios: { user: 'u', accessCode: 'TOPSECRET' },
          courierMappings: [{ courierName: 'X', carrier: 'fedex' }],
        }),
      (error: unknown) => {
        assert.ok(error instanceof SettingsError)
        assert.match(error.message, /pollingIntervalHours must be a number from 1 to 24/)
        assert.match(error.message, /trackingWindowDays/)
        assert.match(error.message, /ups: clientSecret missing/)
        assert.match(error.message, /correios: postageCard missing/)
        assert.match(error.message, /carrier must be correios or ups/)
        assert.doesNotMatch(error.message, /TOPSECRET/)
        return true
      }
    )
  })
})
