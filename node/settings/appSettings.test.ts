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
      trackingLinks: [],
      carriers: {},
      emails: defaultEmailSettings(),
      storeTimeZone: undefined,
    })
  })

  void it('takes an IANA store time zone and refuses Windows names, offsets and unknown zones', () => {
    assert.equal(parseAppSettings({ storeTimeZone: ' America/Mexico_City ' }).storeTimeZone, 'America/Mexico_City')
    assert.equal(parseAppSettings({ storeTimeZone: '' }).storeTimeZone, undefined)
    for (const zone of ['E. South America Standard Time', '-03:00', 'Mars/Olympus', 42]) {
      assert.throws(() => parseAppSettings({ storeTimeZone: zone }), /storeTimeZone/, String(zone))
    }
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
    assert.deepEqual(settings.carriers.correios, {
      user: 'u',
      accessCode: 'c',
      postageCard: '123',
      environment: 'sandbox',
    })
    assert.deepEqual(settings.carriers.ups, { clientId: 'id', clientSecret: 'secret', environment: 'production' })
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
          courierMappings: [{ courierName: 'X', carrier: 'pigeon' }],
        }),
      (error: unknown) => {
        assert.ok(error instanceof SettingsError)
        assert.match(error.message, /pollingIntervalHours must be a number from 1 to 24/)
        assert.match(error.message, /trackingWindowDays/)
        assert.match(error.message, /ups: clientSecret missing/)
        assert.match(error.message, /correios: postageCard missing/)
        assert.match(error.message, /carrier must be correios or ups or fedex or usps or dhl/)
        assert.doesNotMatch(error.message, /TOPSECRET/)
        return true
      }
    )
  })

  void it('reads link-only couriers and refuses templates that are not http(s) or have no placeholder', () => {
    const settings = parseAppSettings({
      trackingLinks: [{ courierName: ' Loggi ', urlTemplate: 'https://carrier.example/track?n={trackingNumber}' }],
    })
    assert.deepEqual(settings.trackingLinks, [
      { courierName: 'Loggi', urlTemplate: 'https://carrier.example/track?n={trackingNumber}' },
    ])
    assert.throws(
      () =>
        parseAppSettings({
          courierMappings: [{ courierName: 'Sedex', carrier: 'correios' }],
          trackingLinks: [
            { courierName: 'A', urlTemplate: 'javascript:alert({trackingNumber})' },
            { courierName: 'B', urlTemplate: 'https://carrier.example/track' },
            { courierName: 'C', urlTemplate: '/track/{trackingNumber}' },
            { courierName: '', urlTemplate: 'https://carrier.example/{trackingNumber}' },
            { courierName: 'SEDEX', urlTemplate: 'https://carrier.example/{trackingNumber}' },
          ],
        }),
      (error: unknown) => {
        assert.ok(error instanceof SettingsError)
        assert.match(error.message, /trackingLinks\[0\]\.urlTemplate must be an absolute http or https URL/)
        assert.match(error.message, /trackingLinks\[1\]\.urlTemplate must contain \{trackingNumber\}/)
        assert.match(error.message, /trackingLinks\[2\]\.urlTemplate must be an absolute http or https URL/)
        assert.match(error.message, /trackingLinks\[3\]\.courierName is required/)
        assert.match(error.message, /"SEDEX" is in both courierMappings and trackingLinks/)
        return true
      }
    )
  })
})

void describe('parseAppSettings: couriers routed through a hub', () => {
  void it('reads the hub section and routes its listed courier names to it, after the explicit mappings', () => {
    const settings = parseAppSettings({
      courierMappings: [{ courierName: 'Loggi', carrier: 'correios' }],
      intelipost: { apiKey: ' ip-key-123456 ', couriers: 'Jadlog .Package, Total Express;LOGGI\n' },
    })
    assert.deepEqual(settings.carriers.intelipost, {
      apiKey: 'ip-key-123456',
      couriers: 'Jadlog .Package, Total Express;LOGGI',
    })
    assert.deepEqual(settings.courierMappings, [
      { courierName: 'Loggi', carrier: 'correios' },
      { courierName: 'Jadlog .Package', carrier: 'intelipost' },
      { courierName: 'Total Express', carrier: 'intelipost' },
    ])
  })

  void it('routes nothing while the hub has no API key, and never echoes the key in a problem', () => {
    assert.deepEqual(parseAppSettings({ intelipost: { couriers: 'Jadlog' } }).courierMappings, [])
    assert.throws(
      () =>
        parseAppSettings({
          intelipost: { apiKey: 'ip-secret-key-999', couriers: 'Jadlog' },
          trackingLinks: [{ courierName: 'jadlog', urlTemplate: 'https://x.example/{trackingNumber}' }],
        }),
      (error: unknown) =>
        error instanceof SettingsError &&
        /"jadlog" is in both courierMappings and trackingLinks/.test(error.message) &&
        !error.message.includes('ip-secret-key-999')
    )
  })

  void it('refuses a courier name two hubs both claim, and reads the Melhor Envio section', () => {
    const both = {
      intelipost: { apiKey: 'ip-key-123456', couriers: 'Jadlog' },
      melhorenvio: { token: 'me-token-123456', contactEmail: 'ops@acme.example', couriers: 'JADLOG, Loggi' },
    }
    assert.throws(
      () => parseAppSettings(both),
      (error: unknown) =>
        error instanceof SettingsError &&
        /"JADLOG" is routed through both intelipost and melhorenvio/.test(error.message) &&
        !error.message.includes('me-token-123456')
    )
    const settings = parseAppSettings({ melhorenvio: { ...both.melhorenvio, couriers: 'Loggi' } })
    assert.deepEqual(settings.carriers.melhorenvio, {
      token: 'me-token-123456',
      contactEmail: 'ops@acme.example',
      environment: 'production',
      couriers: 'Loggi',
    })
    assert.deepEqual(settings.courierMappings, [{ courierName: 'Loggi', carrier: 'melhorenvio' }])
    assert.throws(() => parseAppSettings({ melhorenvio: { token: 'me-token-123456' } }), /contactEmail missing/)
  })
})
