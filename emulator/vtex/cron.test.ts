import assert from 'node:assert/strict'
import { it } from 'node:test'

import { cronMatches, lastFiringBetween } from './cron'

void it('matches steps, lists and ranges', () => {
  const at = (iso: string) => new Date(iso)
  assert.equal(cronMatches('*/30 * * * *', at('2026-11-02T12:30:00Z')), true)
  assert.equal(cronMatches('*/30 * * * *', at('2026-11-02T12:31:00Z')), false)
  assert.equal(cronMatches('0 6,18 * * *', at('2026-11-02T18:00:00Z')), true)
  assert.equal(cronMatches('0 9-17 * * 1-5', at('2026-11-01T10:00:00Z')), false) // a Sunday
  assert.throws(() => cronMatches('* * *', at('2026-11-02T12:00:00Z')))
})

void it('finds the latest firing inside a jump of the clock, and none inside a short gap', () => {
  const from = Date.parse('2026-11-02T12:01:00Z')
  assert.equal(
    lastFiringBetween('*/30 * * * *', from, Date.parse('2026-11-02T15:10:00Z')),
    Date.parse('2026-11-02T15:00:00Z')
  )
  assert.equal(lastFiringBetween('*/30 * * * *', from, Date.parse('2026-11-02T12:20:00Z')), undefined)
})
