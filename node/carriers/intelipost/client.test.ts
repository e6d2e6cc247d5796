import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

import { createIntelipostSimulator } from '../../../emulator/carriers/intelipost'
import { Timelines, fromRelative } from '../../../emulator/carriers/timelines'
import { SIMULATOR_CREDENTIALS } from '../../../emulator/carriers/types'
import { Faults } from '../../../emulator/faults'
import type { EmuModule, EmuRequest } from '../../../emulator/http'
import { json } from '../../../emulator/http'
import type { RunningServer } from '../../../emulator/proxy'
import { startProxyServer } from '../../../emulator/proxy'
import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import { CarrierAuthError, CarrierRateLimitedError, CarrierRequestError, CarrierUnavailableError } from '../../errors'
import { intelipost, parseIntelipostTracking } from '.'
import { IntelipostClient } from './client'

const HOST = 'api.intelipost.com.br'
const KEY = SIMULATOR_CREDENTIALS.intelipost.apiKey
const JADLOG = '10082000123456'
const SUMMER = '10082000999999'

interface Seen {
  path: string
  headers: EmuRequest['headers']
  status: number
}

void describe('IntelipostClient against the Intelipost simulator', () => {
  const timelines = new Timelines()
  const sim = createIntelipostSimulator({ timelines, now: () => Date.now() })
  const faults = new Faults()
  const seen: Seen[] = []
  let server: RunningServer

  const recorder: EmuModule = {
    name: 'intelipost-recorder',
    async handle(req) {
      const response = await sim.handle(req)
      if (response) seen.push({ path: req.path, headers: req.headers, status: response.status })
      return response
    },
  }
  const client = (): IntelipostClient => new IntelipostClient(fakeIOContext(), { timeout: 3000, retries: 0 })
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
    timelines.clear()
    sim.setQuotaPerMinute(undefined)
    timelines.script({
      carrier: 'intelipost',
      trackingNumber: JADLOG,
      events: fromRelative(Date.now() - 100 * 3600_000, sim.stories.delivered),
    })
    // January 2018: São Paulo was on summer time (-02:00).
    timelines.script({
      carrier: 'intelipost',
      trackingNumber: SUMMER,
      events: fromRelative(Date.parse('2018-01-10T12:00:00Z'), sim.stories.delivered),
    })
  })

  void it('one GET per code with the api-key header, parsed to delivered with the offsets of their dates', async () => {
    const raw = await client().fetchTracking({ apiKey: KEY }, [JADLOG])
    assert.equal(seen.length, 1)
    assert.equal(seen[0].path, `/api/v1/shipment_order/tracking_code/${JADLOG}`)
    assert.equal(seen[0].headers['api-key'], KEY)
    assert.equal(seen[0].headers['x-vtex-use-https'], 'true')
    const [now] = parseIntelipostTracking(raw, [JADLOG])
    assert.equal(now.status, 'DELIVERED')
    assert.ok(now.events.every((e) => e.occurredAt.endsWith('-03:00')))
    const [old] = parseIntelipostTracking(await client().fetchTracking({ apiKey: KEY }, [SUMMER]), [SUMMER])
    assert.equal(old.status, 'DELIVERED')
    assert.ok(
      old.events.every((e) => e.occurredAt.endsWith('-02:00')),
      old.events.map((e) => e.occurredAt).join()
    )
  })

  void it('through the module: track() answers every number, an unknown one as not found', async () => {
    const results = await intelipost.track(client(), { apiKey: KEY }, ['UNKNOWN123'])
    assert.deepEqual(
      results.map((r) => [r.found, r.status, r.messages[0]?.code]),
      [[false, 'PENDING', 'NOT_FOUND']]
    )
    await assert.rejects(intelipost.track(client(), { apiKey: KEY }, [JADLOG, SUMMER]), RangeError)
  })

  void it('wrong key: CarrierAuthError with Intelipost words, no key in it', async () => {
    const error = await rejection(client().fetchTracking({ apiKey: 'wrong-key-value' }, [JADLOG]))
    assert.ok(error instanceof CarrierAuthError, error.message)
    assert.match(error.message, /api\.key\.invalid/)
    assert.equal(error.message.includes('wrong-key-value'), false)
  })

  void it('quota: 429 with Retry-After becomes CarrierRateLimitedError with the delay', async () => {
    sim.setQuotaPerMinute(1)
    await client().fetchTracking({ apiKey: KEY }, [JADLOG])
    const limited = await rejection(client().fetchTracking({ apiKey: KEY }, [JADLOG]))
    assert.ok(limited instanceof CarrierRateLimitedError, limited.message)
    assert.ok((limited.retryAfterMs ?? 0) >= 1000 && (limited.retryAfterMs ?? 0) <= 60_000)
    assert.match(limited.message, /request\.limit\.exceeded/)
  })

  void it('5xx is transient, other 4xx a rejected request; an echoed key is redacted', async () => {
    faults.add({ host: HOST, pathIncludes: '/tracking_code/', times: 1, response: json(503, { status: 'ERROR' }) })
    assert.ok((await rejection(client().fetchTracking({ apiKey: KEY }, [JADLOG]))) instanceof CarrierUnavailableError)
    faults.add({
      host: HOST,
      pathIncludes: '/tracking_code/',
      times: 1,
      response: json(422, { status: 'ERROR', messages: [{ key: 'bad', text: `key ${KEY} is odd` }] }),
    })
    const rejected = await rejection(client().fetchTracking({ apiKey: KEY }, [JADLOG]))
    assert.ok(rejected instanceof CarrierRequestError, rejected.message)
    assert.equal(rejected.message.includes(KEY), false)
    assert.match(rejected.message, /\[redacted\]/)
  })
})
