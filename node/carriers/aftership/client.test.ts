import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

import { createAftershipSimulator } from '../../../emulator/carriers/aftership'
import { Timelines, fromRelative } from '../../../emulator/carriers/timelines'
import { SIMULATOR_CREDENTIALS } from '../../../emulator/carriers/types'
import { Faults } from '../../../emulator/faults'
import type { RunningServer } from '../../../emulator/proxy'
import { startProxyServer } from '../../../emulator/proxy'
import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import { CarrierAuthError, CarrierRateLimitedError, CarrierRequestError, CarrierUnavailableError } from '../../errors'
import { clearQuotaReadings, quotaOf } from '../shared/quota'
import { parseAftershipTracking } from '.'
import { AftershipClient } from './client'
import { parseSlugPairs } from './request'

const TN = 'PX071000012BR'
const credentials = { apiKey: SIMULATOR_CREDENTIALS.aftership.apiKey, slugs: parseSlugPairs('') }

void describe('AftershipClient against the AfterShip simulator', () => {
  const timelines = new Timelines()
  const sim = createAftershipSimulator({ timelines, now: () => Date.now() })
  const faults = new Faults()
  let server: RunningServer
  const client = (): AftershipClient => new AftershipClient(fakeIOContext(), { timeout: 3000, retries: 0 })
  const rejection = async (promise: Promise<unknown>): Promise<Error> => {
    try {
      await promise
    } catch (error) {
      return error as Error
    }
    return assert.fail('expected a rejection')
  }

  before(async () => {
    server = await startProxyServer({ modules: [sim], faults })
    useEmulatorProxy(server.url)
  })
  after(async () => {
    await server.close()
  })
  beforeEach(() => {
    faults.clear()
    sim.setRateLimit(10)
    sim.failNext(0)
    clearQuotaReadings()
    timelines.clear()
    timelines.script({
      carrier: 'aftership',
      trackingNumber: TN,
      events: fromRelative(Date.now() - 100 * 3600_000, sim.stories.delivered),
    })
  })

  void it('create then list: delivered, with the quota AfterShip reports noted; creating again is fine', async () => {
    await client().createTracking(credentials, TN, 'brazil-correios')
    await client().createTracking(credentials, TN, 'brazil-correios')
    const [result] = parseAftershipTracking(await client().listTrackings(credentials, [TN]), [TN])
    assert.equal(result.status, 'DELIVERED')
    assert.equal(typeof quotaOf('aftership', fakeIOContext().account)?.remaining, 'number')
  })

  void it('stop: a tracking AfterShip still follows is deleted; one it closed itself is left alone', async () => {
    const open = 'PX071000026BR'
    timelines.script({
      carrier: 'aftership',
      trackingNumber: open,
      events: fromRelative(Date.now() - 3600_000, sim.stories.stuck),
    })
    await client().createTracking(credentials, open, undefined)
    await client().createTracking(credentials, TN, undefined)
    await client().stopTrackings(credentials, [open, TN])
    assert.equal(sim.registered(open)?.deleted, true)
    assert.equal(sim.registered(TN)?.deleted, false, 'delivered: AfterShip had closed it')
  })

  void it('a wrong key is an auth error that never carries the key', async () => {
    const error = await rejection(client().listTrackings({ ...credentials, apiKey: 'wrong-key-123' }, [TN]))
    assert.ok(error instanceof CarrierAuthError)
    assert.ok(!error.message.includes('wrong-key-123'))
  })

  void it('the plain-text 502 is a transient outage with AfterShip’s words', async () => {
    sim.failNext(1)
    const error = await rejection(client().listTrackings(credentials, [TN]))
    assert.ok(error instanceof CarrierUnavailableError)
    assert.equal(error.status, 502)
    assert.match(error.message, /Interal Error/)
  })

  void it('past the per-second limit: 429 with Retry-After becomes a rate-limit error with its delay', async () => {
    sim.setRateLimit(1)
    // Three calls at once: at least two land in the same second, whatever the second boundary.
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => client().listTrackings(credentials, [TN])))
    const limited = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []))
    assert.ok(limited.length >= 1)
    for (const error of limited) {
      assert.ok(error instanceof CarrierRateLimitedError)
      assert.equal(error.retryAfterMs, 1000)
    }
  })

  void it('a courier AfterShip cannot register without extra fields is a rejected request', async () => {
    const error = await rejection(client().createTracking(credentials, 'TE123456789', 'total-express'))
    assert.ok(error instanceof CarrierRequestError)
    assert.match(error.message, /4011/)
  })
})
