import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

import { createDhlSimulator } from '../../../emulator/carriers/dhl'
import { Timelines, fromRelative } from '../../../emulator/carriers/timelines'
import { SIMULATOR_CREDENTIALS } from '../../../emulator/carriers/types'
import { Faults } from '../../../emulator/faults'
import type { EmuModule, EmuRequest } from '../../../emulator/http'
import { json } from '../../../emulator/http'
import type { RunningServer } from '../../../emulator/proxy'
import { startProxyServer } from '../../../emulator/proxy'
import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import { CarrierAuthError, CarrierRateLimitedError, CarrierRequestError } from '../../errors'
import { parseDhlTracking } from '.'
import { DhlClient } from './client'

const HOST = 'api-eu.dhl.com'
const TN = '3318810025'
const KEY = SIMULATOR_CREDENTIALS.dhl.apiKey

void describe('DhlClient against the DHL simulator', () => {
  const timelines = new Timelines()
  const sim = createDhlSimulator({ timelines, now: () => Date.now() })
  const faults = new Faults()
  const seen: Array<{ query: string; headers: EmuRequest['headers']; status: number }> = []
  let server: RunningServer
  const recorder: EmuModule = {
    name: 'dhl-recorder',
    async handle(req) {
      const response = await sim.handle(req)
      if (response) seen.push({ query: req.query.toString(), headers: req.headers, status: response.status })
      return response
    },
  }
  const client = (): DhlClient => new DhlClient(fakeIOContext(), { timeout: 3000, retries: 0 })
  const rejection = async (promise: Promise<unknown>): Promise<Error> => {
    try {
      await promise
    } catch (error) {
      return error as Error
    }
    return assert.fail('expected a rejection')
  }

  before(async () => {
    server = await startProxyServer({ modules: [recorder], faults })
    useEmulatorProxy(server.url)
  })
  after(async () => {
    await server.close()
  })
  beforeEach(() => {
    faults.clear()
    seen.length = 0
    sim.setDailyQuota(undefined)
    timelines.clear()
    timelines.script({
      carrier: 'dhl',
      trackingNumber: TN,
      events: fromRelative(Date.now() - 100 * 3600_000, sim.stories.delivered),
    })
  })

  void it('sends the key in DHL-API-Key, the number and service in the query; the parser keeps the offsets', async () => {
    const raw = await client().fetchTracking({ apiKey: KEY, service: 'express' }, [TN])
    assert.equal(seen.length, 1)
    assert.equal(seen[0].headers['dhl-api-key'], KEY)
    assert.equal(seen[0].query, `trackingNumber=${TN}&language=en&service=express`)
    const [result] = parseDhlTracking(raw, [TN])
    assert.equal(result.status, 'DELIVERED')
    assert.ok(
      result.events.every((e) => /[+-]0[12]:00$/.test(e.occurredAt)),
      'CET/CEST, never Z'
    )
    assert.ok(
      result.events.some((e) => !/[+-]\d{2}:\d{2}$|Z$/.test(e.occurredAtLocal ?? '')),
      'some were zoneless'
    )
  })

  void it('an unknown number (or another division) is found:false', async () => {
    const raw = await client().fetchTracking({ apiKey: KEY, service: 'parcel-de' }, [TN])
    assert.equal(parseDhlTracking(raw, [TN])[0].found, false)
  })

  void it('a wrong key is a CarrierAuthError that does not carry the key', async () => {
    const error = await rejection(client().fetchTracking({ apiKey: 'wrong-dhl-key-1234' }, [TN]))
    assert.ok(error instanceof CarrierAuthError, error.message)
    assert.equal(error.message.includes('wrong-dhl-key-1234'), false)
  })

  void it('the daily quota answers 429 problem+json with Retry-After', async () => {
    sim.setDailyQuota(1)
    await client().fetchTracking({ apiKey: KEY }, [TN])
    const error = await rejection(client().fetchTracking({ apiKey: KEY }, [TN]))
    assert.ok(error instanceof CarrierRateLimitedError, error.message)
    assert.ok((error.retryAfterMs ?? 0) > 0)
    assert.match(error.message, /Too many requests/)
  })

  void it('redacts the key when DHL echoes it back', async () => {
    faults.add({
      host: HOST,
      times: 1,
      response: json(400, {
        title: 'Bad Request',
        status: 400,
        detail: `key ${KEY} invalid for ${encodeURIComponent(KEY)}`,
      }),
    })
    const error = await rejection(client().fetchTracking({ apiKey: KEY }, [TN]))
    assert.ok(error instanceof CarrierRequestError, error.message)
    assert.equal(`${error.message}${error.stack ?? ''}`.includes(KEY), false)
    assert.match(error.message, /\[redacted\]/)
  })
})
