import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

import { createTrack17Simulator } from '../../../emulator/carriers/track17'
import { Timelines, fromRelative } from '../../../emulator/carriers/timelines'
import { SIMULATOR_CREDENTIALS } from '../../../emulator/carriers/types'
import { Faults } from '../../../emulator/faults'
import type { RunningServer } from '../../../emulator/proxy'
import { startProxyServer } from '../../../emulator/proxy'
import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import { CarrierAuthError, CarrierRateLimitedError } from '../../errors'
import { clearQuotaReadings, quotaOf } from '../shared/quota'
import { parseTrack17Tracking } from '.'
import { Track17Client } from './client'
import { parseCarrierKeys } from './request'

const TN = 'MN072000012BR'
const credentials = { apiKey: SIMULATOR_CREDENTIALS.track17.apiKey, carrierKeys: parseCarrierKeys('') }

void describe('Track17Client against the 17TRACK simulator', () => {
  const timelines = new Timelines()
  const sim = createTrack17Simulator({ timelines, now: () => Date.now() })
  let server: RunningServer
  const client = (): Track17Client => new Track17Client(fakeIOContext(), { timeout: 3000, retries: 0 })
  const rejection = async (promise: Promise<unknown>): Promise<Error> => {
    try {
      await promise
    } catch (error) {
      return error as Error
    }
    return assert.fail('expected a rejection')
  }

  before(async () => {
    server = await startProxyServer({ modules: [sim], faults: new Faults() })
    useEmulatorProxy(server.url)
  })
  after(async () => {
    await server.close()
  })
  beforeEach(() => {
    sim.setRateLimit(100)
    sim.setQuota(100)
    clearQuotaReadings()
    timelines.clear()
    timelines.script({
      carrier: 'track17',
      trackingNumber: TN,
      events: fromRelative(Date.now() - 100 * 3600_000, sim.stories.delivered),
    })
  })

  void it('unregistered is not found; registered (twice is fine) reads delivered; quota noted; stop is idempotent', async () => {
    const [before] = parseTrack17Tracking(await client().getTrackInfo(credentials, [TN]), [TN])
    assert.equal(before.found, false)
    await client().register(credentials, [{ number: TN, carrier: 2151 }])
    await client().register(credentials, [{ number: TN, carrier: 2151 }])
    const [after] = parseTrack17Tracking(await client().getTrackInfo(credentials, [TN]), [TN])
    assert.equal(after.status, 'DELIVERED')
    assert.equal(quotaOf('track17', fakeIOContext().account)?.remaining, 99)
    await client().stop(credentials, [TN])
    await client().stop(credentials, [TN])
    assert.equal(sim.registered(TN)?.stopped, true)
  })

  void it('a wrong key is an auth error without the key; 429 is a rate-limit error; quota used up is a rate-limit error', async () => {
    const auth = await rejection(client().getTrackInfo({ ...credentials, apiKey: 'wrong-key-456' }, [TN]))
    assert.ok(auth instanceof CarrierAuthError)
    assert.ok(!auth.message.includes('wrong-key-456'))
    sim.setRateLimit(1)
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => client().getTrackInfo(credentials, [TN])))
    assert.ok(outcomes.some((o) => o.status === 'rejected' && o.reason instanceof CarrierRateLimitedError))
    sim.setRateLimit(100)
    sim.setQuota(0)
    const quota = await rejection(client().register(credentials, [{ number: 'MN072000026BR' }]))
    assert.ok(quota instanceof CarrierRateLimitedError)
    assert.match(quota.message, /-18019908/)
  })
})
