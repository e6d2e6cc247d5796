import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

import { Timelines, fromRelative } from '../../../emulator/carriers/timelines'
import { SIMULATOR_CREDENTIALS } from '../../../emulator/carriers/types'
import { createUpsSimulator } from '../../../emulator/carriers/ups'
import { Faults } from '../../../emulator/faults'
import type { EmuModule, EmuRequest } from '../../../emulator/http'
import { json } from '../../../emulator/http'
import type { RunningServer } from '../../../emulator/proxy'
import { startProxyServer } from '../../../emulator/proxy'
import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import { parseUpsTracking } from '.'
import { CarrierAuthError, CarrierRateLimitedError, CarrierRequestError, CarrierUnavailableError } from '../../errors'
import type { UpsCredentials } from './client'
import { UpsClient, clearUpsTokenCache, retryAfterMs } from './client'

const NUMBER = '1ZA1B2C30310000100'
const UNKNOWN = '1ZA1B2C30310000011'
const CREDENTIALS: UpsCredentials = { ...SIMULATOR_CREDENTIALS.ups, accountNumber: '123456' }
const UPS = 'onlinetools.ups.com'

interface Seen {
  host: string
  method: string
  path: string
  query: string
  headers: EmuRequest['headers']
}

void describe('UpsClient against the UPS simulator', () => {
  const timelines = new Timelines()
  const sim = createUpsSimulator({ timelines, now: () => Date.now() })
  const faults = new Faults()
  const seen: Seen[] = []
  /** Every access token the simulator issued, to prove none leaks into an error. */
  const issued: string[] = []
  let delayMs = 0
  /** Bumped per test: a slow request from an earlier test must not land in this test's log. */
  let generation = 0
  let server: RunningServer

  // Records what reached UPS (faulted requests never do) and can slow UPS down.
  const recorder: EmuModule = {
    name: 'ups-recorder',
    async handle(req) {
      const startedIn = generation
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
      const response = await sim.handle(req)
      if (startedIn !== generation) return response
      if (response)
        seen.push({
          host: req.host,
          method: req.method,
          path: req.path,
          query: req.query.toString(),
          headers: req.headers,
        })
      const token = (response?.body as { access_token?: unknown } | undefined)?.access_token
      if (typeof token === 'string') issued.push(token)
      return response
    },
  }

  const oauthCalls = (): Seen[] => seen.filter((s) => s.path === '/security/v1/oauth/token')
  const trackCalls = (): Seen[] => seen.filter((s) => s.path.startsWith('/api/track/'))
  const client = (timeout = 3000): UpsClient => new UpsClient(fakeIOContext(), { timeout, retries: 0 })

  const rejection = async (promise: Promise<unknown>): Promise<Error> => {
    try {
      await promise
    } catch (error) {
      return error as Error
    }
    return assert.fail('expected a rejection')
  }

  const assertNoToken = (error: Error): void => {
    for (const token of issued) {
      assert.equal(error.message.includes(token), false, 'token leaked into the message')
      assert.equal(JSON.stringify(error).includes(token), false, 'token leaked into the error object')
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
    generation += 1
    clearUpsTokenCache()
    faults.clear()
    seen.length = 0
    delayMs = 0
    timelines.clear()
    timelines.script({
      carrier: 'ups',
      trackingNumber: NUMBER,
      events: fromRelative(Date.now() - 100 * 3600_000, sim.stories.delivered),
    })
  })

  void it('fetches a token once, reuses it, and sends the documented Track request', async () => {
    const ups = client()
    const first = await ups.fetchTracking(CREDENTIALS, [NUMBER])
    await ups.fetchTracking(CREDENTIALS, [NUMBER])
    await client().fetchTracking(CREDENTIALS, [NUMBER])

    assert.equal(oauthCalls().length, 1)
    const [oauth] = oauthCalls()
    assert.equal(oauth.method, 'POST')
    assert.equal(oauth.headers['x-merchant-id'], '123456')
    assert.equal(oauth.headers['x-vtex-use-https'], 'true')

    const tracks = trackCalls()
    assert.equal(tracks.length, 3)
    for (const t of tracks) {
      assert.equal(t.host, UPS)
      assert.equal(t.path, `/api/track/v1/details/${NUMBER}`)
      assert.equal(t.query, 'locale=en_US&returnSignature=false&returnMilestones=false&returnPOD=false')
      assert.equal(t.headers.transactionsrc, 'vtex-order-tracking')
      assert.equal(t.headers['x-vtex-use-https'], 'true')
      assert.match(String(t.headers.transid), /^[0-9a-f]{32}$/)
      assert.equal(t.headers.authorization, `Bearer ${issued.at(-1)}`)
    }
    assert.equal(new Set(tracks.map((t) => t.headers.transid)).size, 3, 'transId must be unique per request')

    const [result] = parseUpsTracking(first, [NUMBER])
    assert.equal(result.found, true)
    assert.equal(result.status, 'DELIVERED')
    assert.equal(result.events.length, sim.stories.delivered.length)
  })

  void it('the simulator itself rejects a Track call without transId', async () => {
    const tokenResponse = await sim.handle({
      method: 'POST',
      host: UPS,
      path: '/security/v1/oauth/token',
      query: new URLSearchParams(),
      headers: {
        authorization: `Basic ${Buffer.from(`${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}`).toString('base64')}`,
      },
      rawBody: Buffer.from('grant_type=client_credentials'),
      body: undefined,
    })
    const token = (tokenResponse?.body as { access_token: string }).access_token
    const response = await sim.handle({
      method: 'GET',
      host: UPS,
      path: `/api/track/v1/details/${NUMBER}`,
      query: new URLSearchParams(),
      headers: { authorization: `Bearer ${token}`, transactionsrc: 'vtex-order-tracking' },
      rawBody: Buffer.alloc(0),
      body: undefined,
    })
    assert.equal(response?.status, 400)
  })

  void it('turns a 404 into found:false through the parser, not an exception', async () => {
    const raw = await client().fetchTracking(CREDENTIALS, [UNKNOWN])
    assert.deepEqual(parseUpsTracking(raw, [UNKNOWN]), [
      {
        carrier: 'ups',
        trackingNumber: UNKNOWN,
        found: false,
        status: 'PENDING',
        events: [],
        messages: [{ code: 'NOT_FOUND', message: 'TW0001: Tracking Information Not Found' }],
      },
    ])
  })

  void it('gives an empty 404 the same not-found shape', async () => {
    faults.add({ host: UPS, pathIncludes: '/api/track', times: 1, response: { status: 404 } })
    const raw = await client().fetchTracking(CREDENTIALS, [NUMBER])
    const [result] = parseUpsTracking(raw, [NUMBER])
    assert.equal(result.found, false)
  })

  void it('maps 429 with Retry-After (seconds) to CarrierRateLimitedError', async () => {
    const body = { response: { errors: [{ code: '429', message: 'Quota Limit Exceeded' }] } }
    faults.add({ host: UPS, pathIncludes: '/api/track', times: 1, response: json(429, body, { 'retry-after': '30' }) })
    const error = await rejection(client().fetchTracking(CREDENTIALS, [NUMBER]))
    assert.ok(error instanceof CarrierRateLimitedError, error.message)
    assert.equal(error.retryAfterMs, 30_000)
    assert.match(error.message, /Quota Limit Exceeded/)
  })

  void it('maps a 429 on the token call too, with an HTTP-date Retry-After', async () => {
    const at = new Date(Date.now() + 120_000).toUTCString()
    faults.add({ host: UPS, pathIncludes: '/oauth', times: 1, response: json(429, {}, { 'retry-after': at }) })
    const error = await rejection(client().fetchTracking(CREDENTIALS, [NUMBER]))
    assert.ok(error instanceof CarrierRateLimitedError, error.message)
    assert.ok(error.retryAfterMs !== undefined && error.retryAfterMs > 100_000 && error.retryAfterMs <= 120_000)
  })

  void it('maps 503 to CarrierUnavailableError', async () => {
    const body = { response: { errors: [{ code: '503', message: 'Resource is not available' }] } }
    faults.add({ host: UPS, pathIncludes: '/api/track', times: 1, response: json(503, body) })
    const error = await rejection(client().fetchTracking(CREDENTIALS, [NUMBER]))
    assert.ok(error instanceof CarrierUnavailableError, error.message)
    assert.equal(error.status, 503)
  })

  void it('maps a timeout to CarrierUnavailableError', async () => {
    delayMs = 500
    const error = await rejection(client(150).fetchTracking(CREDENTIALS, [NUMBER]))
    assert.ok(error instanceof CarrierUnavailableError, error.message)
    assert.match(error.message, /timed out/)
  })

  void it('maps a refused connection to CarrierUnavailableError', async () => {
    const closed = await startProxyServer({ modules: [] })
    await closed.close()
    useEmulatorProxy(closed.url)
    try {
      const error = await rejection(client().fetchTracking(CREDENTIALS, [NUMBER]))
      assert.ok(error instanceof CarrierUnavailableError, error.message)
      assert.match(error.message, /ECONNREFUSED/)
    } finally {
      useEmulatorProxy(server.url)
    }
  })

  void it('refreshes an expired token once and succeeds', async () => {
    const ups = client()
    await ups.fetchTracking(CREDENTIALS, [NUMBER])
    sim.expireTokens()
    const raw = await ups.fetchTracking(CREDENTIALS, [NUMBER])
    assert.equal(parseUpsTracking(raw, [NUMBER])[0].status, 'DELIVERED')
    assert.equal(oauthCalls().length, 2)
    assert.equal(trackCalls().length, 3)
    assert.equal(trackCalls()[2].headers.authorization, `Bearer ${issued.at(-1)}`)
  })

  void it('gives up with CarrierAuthError when a fresh token is rejected too, without leaking it', async () => {
    const body = { response: { errors: [{ code: '250002', message: 'Invalid Authentication Information.' }] } }
    faults.add({ host: UPS, pathIncludes: '/api/track', times: 2, response: json(401, body) })
    const error = await rejection(client().fetchTracking(CREDENTIALS, [NUMBER]))
    assert.ok(error instanceof CarrierAuthError, error.message)
    assert.equal(oauthCalls().length, 2)
    assertNoToken(error)
  })

  void it('maps rejected credentials to CarrierAuthError', async () => {
    const error = await rejection(client().fetchTracking({ ...CREDENTIALS, clientSecret: 'wrong' }, [NUMBER]))
    assert.ok(error instanceof CarrierAuthError, error.message)
    assert.match(error.message, /UPS rejected the client id\/secret/)
    assert.equal(error.message.includes('wrong'), false)
  })

  void it('maps other 4xx to CarrierRequestError with the UPS message, redacting an echoed token', async () => {
    const ups = client()
    await ups.fetchTracking(CREDENTIALS, [NUMBER])
    const token = issued.at(-1) ?? ''
    const body = { response: { errors: [{ code: 'TV0001', message: `Invalid request for ${token}` }] } }
    faults.add({ host: UPS, pathIncludes: '/api/track', times: 1, response: json(400, body) })
    const error = await rejection(ups.fetchTracking(CREDENTIALS, [NUMBER]))
    assert.ok(error instanceof CarrierRequestError, error.message)
    assert.equal(error.status, 400)
    assert.match(error.message, /TV0001: Invalid request for <redacted>/)
    assertNoToken(error)
  })

  void it('uses the CIE host for sandbox credentials, with its own token', async () => {
    await client().fetchTracking({ ...CREDENTIALS, environment: 'sandbox' }, [NUMBER])
    await client().fetchTracking(CREDENTIALS, [NUMBER])
    assert.deepEqual(
      seen.map((s) => [s.host, s.method]),
      [
        ['wwwcie.ups.com', 'POST'],
        ['wwwcie.ups.com', 'GET'],
        [UPS, 'POST'],
        [UPS, 'GET'],
      ]
    )
  })

  void it('takes exactly one tracking number per call', async () => {
    await assert.rejects(client().fetchTracking(CREDENTIALS, [NUMBER, UNKNOWN]), /exactly one/)
    await assert.rejects(client().fetchTracking(CREDENTIALS, []), /exactly one/)
    assert.equal(seen.length, 0)
  })
})

void describe('retryAfterMs', () => {
  void it('reads delta-seconds and HTTP-dates', () => {
    const now = Date.UTC(2024, 0, 1, 0, 0, 0)
    assert.equal(retryAfterMs({ 'retry-after': '12' }, now), 12_000)
    assert.equal(retryAfterMs({ 'retry-after': 'Mon, 01 Jan 2024 00:01:00 GMT' }, now), 60_000)
    assert.equal(retryAfterMs({ 'retry-after': 'Sun, 31 Dec 2023 00:00:00 GMT' }, now), 0)
    assert.equal(retryAfterMs({ 'retry-after': 'soon' }, now), undefined)
    assert.equal(retryAfterMs({}, now), undefined)
  })
})
