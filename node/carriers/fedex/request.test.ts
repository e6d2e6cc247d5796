import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { InvalidInputError, SettingsError } from '../../errors'
import { buildTokenRequest, buildTrackRequest, FEDEX_MAX_BATCH } from './request'

void describe('FedEx request builders', () => {
  void it('puts up to 30 normalised numbers in one Track body with detailed scans', () => {
    const request = buildTrackRequest(['7946 1234 5678', '0414-4176-0228-964'])
    assert.deepEqual(request, {
      path: '/track/v1/trackingnumbers',
      headers: { 'Content-Type': 'application/json', 'X-locale': 'en_US' },
      body: {
        includeDetailedScans: true,
        trackingInfo: [
          { trackingNumberInfo: { trackingNumber: '794612345678' } },
          { trackingNumberInfo: { trackingNumber: '041441760228964' } },
        ],
      },
    })
    const thirty = Array.from({ length: FEDEX_MAX_BATCH }, (_, i) => String(100000000000 + i))
    assert.equal(buildTrackRequest(thirty).body.trackingInfo.length, 30)
    assert.throws(() => buildTrackRequest([...thirty, '100000000099']), RangeError)
    assert.throws(() => buildTrackRequest([]), RangeError)
    assert.throws(() => buildTrackRequest(['../oauth']), InvalidInputError)
  })

  void it('sends the credentials as a form body for the client-credentials grant', () => {
    const request = buildTokenRequest({ clientId: ' key ', clientSecret: 's&cret=1' })
    assert.equal(request.path, '/oauth/token')
    assert.equal(request.headers['Content-Type'], 'application/x-www-form-urlencoded')
    const form = new URLSearchParams(request.body)
    assert.deepEqual(Object.fromEntries(form), {
      grant_type: 'client_credentials',
      client_id: 'key',
      client_secret: 's&cret=1',
    })
    assert.throws(() => buildTokenRequest({ clientId: 'key', clientSecret: ' ' }), SettingsError)
  })
})
