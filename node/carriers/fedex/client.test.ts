import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

import { createFedexSimulator } from '../../../emulator/carriers/fedex'
import { Timelines, fromRelative } from '../../../emulator/carriers/timelines'
import { SIMULATOR_CREDENTIALS } from '../../../emulator/carriers/types'
import { Faults } from '../../../emulator/faults'
import type { EmuModule, EmuRequest } from '../../../emulator/http'
import { json } from '../../../emulator/http'
import type { RunningServer } from '../../../emulator/proxy'
import { startProxyServer } from '../../../emulator/proxy'
import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import { CarrierAuthError, CarrierRateLimitedError, CarrierRequestError, CarrierUnavailableError } from '../../errors'
import { parseFedexTracking } from '.'
import { clearFedexTokenCache, FedexClient } from './client'
import type { FedexCredentials } from './request'

const HOST = 'apis.fedex.com'
const CREDENTIALS: FedexCredentials = { ...SIMULATOR_CREDENTIALS.fedex }
const NUMBERS = ['986578788855', '477179081230', '799531274483']

interface Seen {
  path: string
  headers: EmuRequest['headers']
  body: unknown
  rawBody: string
  status: number
}

void describe('FedexClient against the FedEx simulator', () => {
  const timelines = new Timelines()
  const sim = createFedexSimulator({ timelines, now: () => Date.now() })
  const faults = new Faults()
  const seen: Seen[] = []
  const issued: string[] = []
  let server: RunningServer

  const recorder: EmuModule = {
    name: 'fedex-recorder',
    async handle(req) {
      const response = await sim.handle(req)
      if (response)
        seen.push({
          path: req.path,
          headers: req.headers,
          body: req.body,
          rawBody: req.rawBody.toString(),
          status: response.status,
        })
      const token = (response?.body as { access_token?: unknown } | undefined)?.access_token
      if (typeof token === 'string') issued.push(token)
      return response
    },
  }
  const client = (): FedexClient => new FedexClient(fakeIOContext(), { timeout: 3000, retries: 0 })
  const tokenCalls = (): Seen[] => seen.filter((s) => s.path === '/oauth/token')
  const trackCalls = (): Seen[] => seen.filter((s) => s.path === '/track/v1/trackingnumbers')
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
    for (const secret of [CREDENTIALS.clientId, CREDENTIALS.clientSecret, ...issued]) {
      assert.equal(text.includes(secret), false, `"${secret}" leaked into the error`)
    }
  }

  before(async () => {
    server = await startProxyServer({ modules: [recorder], faults })
    useEmulatorProxy(server.url)
  })
  after(async () => {
    await server.close()
  })
  beforeEach(() => {
    clearFedexTokenCache()
    faults.clear()
    seen.length = 0
    timelines.clear()
    for (const trackingNumber of NUMBERS.slice(0, 2)) {
      timelines.script({
        carrier: 'fedex',
        trackingNumber,
        events: fromRelative(Date.now() - 100 * 3600_000, sim.stories.delivered),
      })
    }
  })

  void it('gets one token (form body), reuses it, and tracks several numbers in one documented POST', async () => {
    const raw = await client().fetchTracking(CREDENTIALS, NUMBERS)
    await client().fetchTracking(CREDENTIALS, NUMBERS.slice(0, 1))
    assert.equal(tokenCalls().length, 1)
    const form = new URLSearchParams(tokenCalls()[0].rawBody)
    assert.equal(form.get('grant_type'), 'client_credentials')
    assert.equal(form.get('client_id'), CREDENTIALS.clientId)
    assert.equal(trackCalls().length, 2)
    const [first] = trackCalls()
    assert.equal(first.headers['x-vtex-use-https'], 'true')
    assert.equal(first.headers.authorization, `Bearer ${issued[0]}`)
    assert.deepEqual(first.body, {
      includeDetailedScans: true,
      trackingInfo: NUMBERS.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
    })
    const results = parseFedexTracking(raw, NUMBERS)
    assert.deepEqual(
      results.map((r) => [r.trackingNumber, r.status]),
      [
        [NUMBERS[0], 'DELIVERED'],
        [NUMBERS[1], 'DELIVERED'],
        [NUMBERS[2], 'PENDING'],
      ]
    )
    assert.match(results[0].events[0].occurredAt, /-0[45]:00$/, 'the label scan keeps its Eastern offset')
  })

  void it('replaces an expired token once (NOT.AUTHORIZED.ERROR), then gives up with an auth error', async () => {
    await client().fetchTracking(CREDENTIALS, NUMBERS.slice(0, 1))
    sim.expireTokens()
    await client().fetchTracking(CREDENTIALS, NUMBERS.slice(0, 1))
    assert.equal(tokenCalls().length, 2)
    assert.deepEqual(
      trackCalls().map((c) => c.status),
      [200, 401, 200]
    )

    const body = { errors: [{ code: 'NOT.AUTHORIZED.ERROR', message: 'Access token expired.' }] }
    faults.add({ host: HOST, pathIncludes: '/track/', times: 2, response: json(401, body) })
    const error = await rejection(client().fetchTracking(CREDENTIALS, NUMBERS.slice(0, 1)))
    assert.ok(error instanceof CarrierAuthError, error.message)
    assertClean(error)
  })

  void it('wrong credentials: CarrierAuthError with FedEx text and no credential in it', async () => {
    const error = await rejection(
      client().fetchTracking({ ...CREDENTIALS, clientSecret: 'wrong-secret-value' }, NUMBERS)
    )
    assert.ok(error instanceof CarrierAuthError, error.message)
    assert.match(error.message, /NOT\.AUTHORIZED\.ERROR/)
    assert.equal(error.message.includes('wrong-secret-value'), false)
  })

  void it('redacts every configured credential a FedEx error echoes back', async () => {
    const echo = `bad key ${CREDENTIALS.clientId} secret ${encodeURIComponent(CREDENTIALS.clientSecret)}`
    faults.add({
      host: HOST,
      pathIncludes: '/track/',
      times: 1,
      response: json(400, { errors: [{ code: 'BAD.REQUEST.ERROR', message: echo }] }),
    })
    const error = await rejection(client().fetchTracking(CREDENTIALS, NUMBERS))
    assert.ok(error instanceof CarrierRequestError, error.message)
    assert.match(error.message, /\[redacted\]/)
    assertClean(error)
  })

  void it('maps 429 (with Retry-After) and 503 to transient errors', async () => {
    faults.add({
      host: HOST,
      pathIncludes: '/track/',
      times: 1,
      response: json(429, { errors: [] }, { 'retry-after': '12' }),
    })
    const limited = await rejection(client().fetchTracking(CREDENTIALS, NUMBERS))
    assert.ok(limited instanceof CarrierRateLimitedError)
    assert.equal(limited.retryAfterMs, 12_000)
    faults.add({
      host: HOST,
      pathIncludes: '/track/',
      times: 1,
      response: json(503, { errors: [{ code: 'SERVICE.UNAVAILABLE.ERROR' }] }),
    })
    const down = await rejection(client().fetchTracking(CREDENTIALS, NUMBERS))
    assert.ok(down instanceof CarrierUnavailableError)
  })

  void it('the simulator refuses more than 30 numbers, as FedEx documents', async () => {
    const many = Array.from({ length: 31 }, (_, i) => String(100000000000 + i))
    const response = await sim.handle({
      method: 'POST',
      host: HOST,
      path: '/track/v1/trackingnumbers',
      query: new URLSearchParams(),
      headers: { authorization: 'Bearer not-a-token', 'content-type': 'application/json' },
      rawBody: Buffer.alloc(0),
      body: {
        includeDetailedScans: true,
        trackingInfo: many.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
      },
    })
    // No valid token in this direct call: auth is checked first, as FedEx does.
    assert.equal(response?.status, 401)
    await client().fetchTracking(CREDENTIALS, NUMBERS.slice(0, 1))
    const limited = await sim.handle({
      method: 'POST',
      host: HOST,
      path: '/track/v1/trackingnumbers',
      query: new URLSearchParams(),
      headers: { authorization: `Bearer ${issued.at(-1) ?? ''}`, 'content-type': 'application/json' },
      rawBody: Buffer.alloc(0),
      body: {
        includeDetailedScans: true,
        trackingInfo: many.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
      },
    })
    assert.equal(limited?.status, 400)
    assert.throws(() => parseFedexTracking({ output: { completeTrackResults: 1 } } as never, ['1']))
  })
})
