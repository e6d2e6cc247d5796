import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { PlatformUnavailableError } from '../errors'
import { asPlatformError, retryAfterMsOf } from './platformErrors'

const NOW = Date.parse('2026-11-02T12:00:00.000Z')
const http429 = (retryAfter?: string) => ({
  response: { status: 429, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } },
})

void describe('retryAfterMsOf', () => {
  void it('reads delta-seconds and HTTP dates from a raw HTTP error', () => {
    assert.equal(retryAfterMsOf(http429('120'), NOW), 120_000)
    assert.equal(retryAfterMsOf(http429('Mon, 02 Nov 2026 13:00:00 GMT'), NOW), 3600_000)
    assert.equal(retryAfterMsOf(http429(), NOW), undefined)
    assert.equal(retryAfterMsOf(http429('soon'), NOW), undefined)
    assert.equal(retryAfterMsOf(new Error('boom'), NOW), undefined)
  })

  void it('keeps what the typed platform error carries', () => {
    const typed = asPlatformError('oms', http429(new Date(Date.now() + 2 * 3600_000).toUTCString()))
    assert.ok(typed instanceof PlatformUnavailableError)
    const ms = retryAfterMsOf(typed)
    assert.ok(ms !== undefined && ms > 3600_000 && ms <= 2 * 3600_000, `kept ${ms}`)
    assert.equal(retryAfterMsOf(asPlatformError('oms', http429('30'))), 30_000)
  })
})
