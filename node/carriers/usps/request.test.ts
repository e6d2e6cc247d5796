import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { InvalidInputError, SettingsError } from '../../errors'
import { buildTokenRequest, buildTrackRequest } from './request'

void describe('USPS request builders', () => {
  void it('GETs one normalised number with expand=DETAIL', () => {
    assert.deepEqual(buildTrackRequest('9400 1112 0620 6406 2607 87'), {
      path: '/tracking/v3/tracking/9400111206206406260787',
      query: { expand: 'DETAIL' },
      headers: { Accept: 'application/json' },
    })
    assert.throws(() => buildTrackRequest('../../oauth2'), InvalidInputError)
  })

  void it('asks for a token with a JSON body and the tracking scope', () => {
    assert.deepEqual(buildTokenRequest({ clientId: ' id ', clientSecret: 'secret' }), {
      path: '/oauth2/v3/token',
      headers: { 'Content-Type': 'application/json' },
      body: { grant_type: 'client_credentials', client_id: 'id', client_secret: 'secret', scope: 'tracking' },
    })
    assert.throws(() => buildTokenRequest({ clientId: '', clientSecret: 'secret' }), SettingsError)
  })
})
