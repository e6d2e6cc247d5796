import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

import { Timelines, fromRelative } from '../../../emulator/carriers/timelines'
import { SIMULATOR_CREDENTIALS } from '../../../emulator/carriers/types'
import { createUspsSimulator } from '../../../emulator/carriers/usps'
import { Faults } from '../../../emulator/faults'
import type { EmuModule, EmuRequest } from '../../../emulator/http'
import { json } from '../../../emulator/http'
import type { RunningServer } from '../../../emulator/proxy'
import { startProxyServer } from '../../../emulator/proxy'
import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import { CarrierAuthError, CarrierRateLimitedError, CarrierRequestError } from '../../errors'
import { parseUspsTracking } from '.'
import { clearUspsTokenCache, UspsClient } from './client'
import type { UspsCredentials } from './request'

const HOST = 'apis.usps.com'
const CREDENTIALS: UspsCredentials = { ...SIMULATOR_CREDENTIALS.usps }
const TN = '9400111206206406260787'
const UNKNOWN = '9400111206206406227577'

void describe('UspsClient against the USPS simulator', () => {
  const timelines = new Timelines()
  const sim = createUspsSimulator({ timelines, now: () => Date.now() })
  const faults = new Faults()
  const seen: Array<{ path: string; query: string; headers: EmuRequest['headers']; body: unknown; status: number }> = []
  const issued: string[] = []
  let server: RunningServer
  const recorder: EmuModule = {
    name: 'usps-recorder',
    async handle(req) {
      const response = await sim.handle(req)
      if (response)
        seen.push({
          path: req.path,
          query: req.query.toString(),
          headers: req.headers,
          body: req.body,
          status: response.status,
        })
      const token = (response?.body as { access_token?: unknown } | undefined)?.access_token
      if (typeof token === 'string') issued.push(token)
      return response
    },
  }
  const client = (): UspsClient => new UspsClient(fakeIOContext(), { timeout: 3000, retries: 0 })
  const rejection = async (promise: Promise<unknown>): Promise<Error> => {
    try {
      await promise
    } catch (error) {
      return error as Error
    }
    return assert.fail('expected a rejection')
  }
  const assertClean = (error: Error): void => {
    const text = `${error.message}\n${error.stack ?? ''}\n${JSON.stringify(error)}`
    for (const secret of [CREDENTIALS.clientId, CREDENTIALS.clientSecret, ...issued])
      assert.equal(text.includes(secret), false, secret)
  }

  before(async () => {
    server = await startProxyServer({ modules: [recorder], faults })
    useEmulatorProxy(server.url)
  })
  after(async () => {
    await server.close()
  })
  beforeEach(() => {
    clearUspsTokenCache()
    faults.clear()
    seen.length = 0
    timelines.clear()
    timelines.script({
      carrier: 'usps',
      trackingNumber: TN,
      events: fromRelative(Date.now() - 100 * 3600_000, sim.stories.delivered),
    })
  })

  void it('gets one token with a JSON body, then GETs expand=DETAIL; the parser finds the GMT instants', async () => {
    const raw = await client().fetchTracking(CREDENTIALS, [TN])
    await client().fetchTracking(CREDENTIALS, [TN])
    const tokenCalls = seen.filter((s) => s.path === '/oauth2/v3/token')
    assert.equal(tokenCalls.length, 1)
    assert.deepEqual(tokenCalls[0].body, {
      grant_type: 'client_credentials',
      client_id: CREDENTIALS.clientId,
      client_secret: CREDENTIALS.clientSecret,
      scope: 'tracking',
    })
    const tracks = seen.filter((s) => s.path.startsWith('/tracking/v3/'))
    assert.deepEqual(
      tracks.map((t) => [t.path, t.query]),
      [
        [`/tracking/v3/tracking/${TN}`, 'expand=DETAIL'],
        [`/tracking/v3/tracking/${TN}`, 'expand=DETAIL'],
      ]
    )
    const [result] = parseUspsTracking(raw, [TN])
    assert.equal(result.status, 'DELIVERED')
    // Seattle scans carry Pacific offsets, Chicago ones Central: taken from GMTOffset, not from the "Z".
    assert.match(result.events.at(-1)?.occurredAt ?? '', /-0[78]:00$/)
    assert.match(result.events[0].occurredAt, /-0[56]:00$/)
    assert.match(result.events[0].occurredAtLocal ?? '', /Z$/)
  })

  void it('an unknown number is found:false through the parser', async () => {
    const raw = await client().fetchTracking(CREDENTIALS, [UNKNOWN])
    const [result] = parseUspsTracking(raw, [UNKNOWN])
    assert.equal(result.found, false)
    assert.equal(result.messages[0].code, 'NOT_FOUND')
  })

  void it('refreshes an expired token once; wrong credentials are an auth error without them', async () => {
    await client().fetchTracking(CREDENTIALS, [TN])
    sim.expireTokens()
    await client().fetchTracking(CREDENTIALS, [TN])
    assert.deepEqual(
      seen.filter((s) => s.path.startsWith('/tracking/')).map((s) => s.status),
      [200, 401, 200]
    )
    const error = await rejection(client().fetchTracking({ ...CREDENTIALS, clientSecret: 'not-the-secret' }, [TN]))
    assert.ok(error instanceof CarrierAuthError, error.message)
    assert.match(error.message, /invalid_client/)
    assert.equal(error.message.includes('not-the-secret'), false)
  })

  void it('redacts credentials USPS echoes, and maps 429 with Retry-After', async () => {
    const echo = { error: { code: '400', message: `bad client ${CREDENTIALS.clientId}/${CREDENTIALS.clientSecret}` } }
    faults.add({ host: HOST, pathIncludes: '/tracking/', times: 1, response: json(400, echo) })
    const rejected = await rejection(client().fetchTracking(CREDENTIALS, [TN]))
    assert.ok(rejected instanceof CarrierRequestError, rejected.message)
    assertClean(rejected)
    faults.add({ host: HOST, pathIncludes: '/tracking/', times: 1, response: json(429, echo, { 'retry-after': '30' }) })
    const limited = await rejection(client().fetchTracking(CREDENTIALS, [TN]))
    assert.ok(limited instanceof CarrierRateLimitedError)
    assert.equal(limited.retryAfterMs, 30_000)
    assertClean(limited)
  })

  void it('refuses a batch: Tracking v3 takes one number per call', async () => {
    await assert.rejects(client().fetchTracking(CREDENTIALS, [TN, UNKNOWN]), RangeError)
  })
})
