import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'

import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

import { createCorreiosSimulator } from '../../../emulator/carriers/correios'
import { fromRelative, Timelines } from '../../../emulator/carriers/timelines'
import { SIMULATOR_CREDENTIALS } from '../../../emulator/carriers/types'
import { Faults } from '../../../emulator/faults'
import type { EmuModule, EmuRequest } from '../../../emulator/http'
import { json } from '../../../emulator/http'
import { startProxyServer } from '../../../emulator/proxy'
import type { RunningServer } from '../../../emulator/proxy'
import { parseCorreiosTracking } from '.'
import { CarrierAuthError, CarrierRateLimitedError, CarrierRequestError, CarrierUnavailableError } from '../../errors'
import { CorreiosClient, parseRetryAfter, resetCorreiosTokenCache } from './client'
import type { CorreiosCredentials } from './client'

const HOST = 'api.correios.com.br'
const CREDENTIALS: CorreiosCredentials = { ...SIMULATOR_CREDENTIALS.correios }
const DELIVERED = 'DG049186226BR'
const IN_TRANSIT = 'DG049186230BR'

void describe('CorreiosClient through the emulator', () => {
  const timelines = new Timelines()
  const simulator = createCorreiosSimulator({ timelines, now: () => Date.now() })
  const faults = new Faults()
  /** Every request that reached the simulator (faulted ones never do). */
  const seen: EmuRequest[] = []
  const spy: EmuModule = {
    name: 'spy',
    handle: (req) => {
      seen.push(req)
      return undefined
    },
  }
  let server: RunningServer

  const client = (): CorreiosClient => new CorreiosClient(fakeIOContext())
  const tokenCalls = (): EmuRequest[] => seen.filter((r) => r.path.startsWith('/token/'))
  const trackCalls = (): EmuRequest[] => seen.filter((r) => r.path.startsWith('/srorastro/'))
  const bearerOf = (req: EmuRequest | undefined): string => String(req?.headers.authorization).replace(/^Bearer /, '')

  before(async () => {
    const start = Date.now() - 100 * 3600_000
    timelines.script({
      carrier: 'correios',
      trackingNumber: DELIVERED,
      events: fromRelative(start, simulator.stories.delivered),
    })
    timelines.script({
      carrier: 'correios',
      trackingNumber: IN_TRANSIT,
      events: fromRelative(start + 80 * 3600_000, simulator.stories.delivered),
      estimatedDelivery: start + 160 * 3600_000,
    })
    server = await startProxyServer({ modules: [spy, simulator], faults })
    useEmulatorProxy(server.url)
  })

  after(async () => {
    await server.close()
  })

  beforeEach(() => {
    resetCorreiosTokenCache()
    faults.clear()
    seen.length = 0
    useEmulatorProxy(server.url)
  })

  void it('gets one token and reuses it across calls and client instances', async () => {
    const first = await client().fetchTracking(CREDENTIALS, [DELIVERED])
    const second = await client().fetchTracking(CREDENTIALS, [DELIVERED])
    assert.equal(first.objetos[0].codObjeto, DELIVERED)
    assert.deepEqual(second, first)
    assert.equal(tokenCalls().length, 1)
    assert.equal(trackCalls().length, 2)
    assert.equal(bearerOf(trackCalls()[0]), bearerOf(trackCalls()[1]))
  })

  void it('sends the documented token and tracking requests', async () => {
    await client().fetchTracking(CREDENTIALS, [DELIVERED, IN_TRANSIT])
    const [token] = tokenCalls()
    assert.equal(token.method, 'POST')
    assert.equal(token.host, HOST)
    assert.equal(
      token.headers.authorization,
      `Basic ${Buffer.from(`${CREDENTIALS.user}:${CREDENTIALS.accessCode}`).toString('base64')}`
    )
    assert.deepEqual(token.body, { numero: CREDENTIALS.postageCard })
    const [track] = trackCalls()
    assert.equal(track.path, '/srorastro/v1/objetos')
    assert.equal(track.query.get('codigosObjetos'), `${DELIVERED},${IN_TRANSIT}`)
    assert.equal(track.query.get('resultado'), 'T')
    for (const req of [token, track]) {
      assert.equal(req.headers['x-vtex-use-https'], 'true')
      assert.equal(req.headers.accept, 'application/json')
      assert.equal(req.headers['accept-language'], 'pt-BR')
    }
  })

  void it('fetches a batch of two that the adapter normalises', async () => {
    const raw = await client().fetchTracking(CREDENTIALS, [IN_TRANSIT, DELIVERED])
    const results = parseCorreiosTracking(raw, [IN_TRANSIT, DELIVERED])
    assert.deepEqual(
      results.map((r) => [r.trackingNumber, r.status]),
      [
        [IN_TRANSIT, 'IN_TRANSIT'],
        [DELIVERED, 'DELIVERED'],
      ]
    )
    assert.match(results[0].estimatedDelivery ?? '', /-03:00$/)
  })

  void it('uses the homologation host for the sandbox environment', async () => {
    await client().fetchTracking({ ...CREDENTIALS, environment: 'sandbox' }, [DELIVERED])
    assert.deepEqual(
      seen.map((r) => r.host),
      ['apihom.correios.com.br', 'apihom.correios.com.br']
    )
  })

  void it('maps 429 with delta-seconds Retry-After to CarrierRateLimitedError', async () => {
    faults.add({
      host: HOST,
      pathIncludes: '/srorastro',
      times: 1,
      response: json(429, { msgs: ['Limite de requisições excedido'] }, { 'retry-after': '7' }),
    })
    await assert.rejects(client().fetchTracking(CREDENTIALS, [DELIVERED]), (error: unknown) => {
      assert.ok(error instanceof CarrierRateLimitedError)
      assert.equal(error.retryAfterMs, 7000)
      return true
    })
  })

  void it('maps 429 with an HTTP-date Retry-After relative to now', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 30_000).toUTCString()
    faults.add({ host: HOST, pathIncludes: '/srorastro', times: 1, response: json(429, {}, { 'retry-after': at }) })
    await assert.rejects(client().fetchTracking(CREDENTIALS, [DELIVERED]), (error: unknown) => {
      assert.ok(error instanceof CarrierRateLimitedError)
      assert.ok(error.retryAfterMs !== undefined && error.retryAfterMs > 25_000 && error.retryAfterMs <= 31_000)
      return true
    })
  })

  void it('maps 500 to CarrierUnavailableError', async () => {
    faults.add({ host: HOST, pathIncludes: '/srorastro', times: 1, response: json(500, { msgs: ['erro interno'] }) })
    await assert.rejects(client().fetchTracking(CREDENTIALS, [DELIVERED]), (error: unknown) => {
      assert.ok(error instanceof CarrierUnavailableError)
      assert.equal(error.status, 500)
      return true
    })
  })

  void it('maps a 503 on the token call to CarrierUnavailableError', async () => {
    faults.add({ host: HOST, pathIncludes: '/token', times: 1, response: json(503, 'down') })
    await assert.rejects(client().fetchTracking(CREDENTIALS, [DELIVERED]), CarrierUnavailableError)
  })

  void it('maps an unreachable upstream to CarrierUnavailableError', async () => {
    const closed = await startProxyServer({ modules: [] })
    await closed.close()
    useEmulatorProxy(closed.url)
    await assert.rejects(client().fetchTracking(CREDENTIALS, [DELIVERED]), (error: unknown) => {
      assert.ok(error instanceof CarrierUnavailableError)
      assert.match(error.message, /could not be reached \(ECONNREFUSED\)/)
      return true
    })
  })

  void it('maps other 4xx to CarrierRequestError carrying the msgs text', async () => {
    faults.add({
      host: HOST,
      pathIncludes: '/srorastro',
      times: 1,
      response: json(400, { msgs: ['SRO-018: Idioma inválido'] }),
    })
    await assert.rejects(client().fetchTracking(CREDENTIALS, [DELIVERED]), (error: unknown) => {
      assert.ok(error instanceof CarrierRequestError)
      assert.equal(error.status, 400)
      assert.match(error.message, /SRO-018: Idioma inválido/)
      return true
    })
  })

  void it('refreshes an expired token once and succeeds', async () => {
    await client().fetchTracking(CREDENTIALS, [DELIVERED])
    simulator.expireTokens()
    const raw = await client().fetchTracking(CREDENTIALS, [DELIVERED])
    assert.equal(raw.objetos[0].codObjeto, DELIVERED)
    assert.equal(tokenCalls().length, 2)
    assert.deepEqual(
      trackCalls().map((r) => r.path),
      ['/srorastro/v1/objetos', '/srorastro/v1/objetos', '/srorastro/v1/objetos']
    )
    assert.notEqual(bearerOf(trackCalls()[1]), bearerOf(trackCalls()[2]))
    // The fresh token is cached for the next call.
    await client().fetchTracking(CREDENTIALS, [DELIVERED])
    assert.equal(tokenCalls().length, 2)
  })

  void it('gives up with CarrierAuthError when a fresh token is rejected too', async () => {
    faults.add({ host: HOST, pathIncludes: '/srorastro', times: 2, response: json(403, { msgs: ['Acesso negado'] }) })
    await assert.rejects(client().fetchTracking(CREDENTIALS, [DELIVERED]), (error: unknown) => {
      assert.ok(error instanceof CarrierAuthError)
      assert.match(error.message, /rejected a fresh token/)
      return true
    })
    assert.equal(tokenCalls().length, 2)
    assert.equal(faults.pending().length, 0, 'exactly two tracking attempts')
  })

  void it('maps rejected credentials to CarrierAuthError without retrying the token call', async () => {
    const wrong = { ...CREDENTIALS, accessCode: 'not-the-code' }
    await assert.rejects(client().fetchTracking(wrong, [DELIVERED]), (error: unknown) => {
      assert.ok(error instanceof CarrierAuthError)
      assert.match(error.message, /Correios rejected the user\/access code/)
      assert.match(error.message, /HTTP 401/)
      assert.doesNotMatch(error.message, /not-the-code/)
      return true
    })
    assert.equal(tokenCalls().length, 1)
    assert.equal(trackCalls().length, 0)
  })

  void it('never puts the bearer token or the access code in thrown errors', async () => {
    await client().fetchTracking(CREDENTIALS, [DELIVERED])
    const token = bearerOf(trackCalls()[0])
    assert.ok(token.length > 20)
    const failures = [
      json(429, { msgs: [`token ${token}`] }, { 'retry-after': '1' }),
      json(500, { msgs: [`token ${token}`] }),
      json(400, { msgs: [`Bearer ${token} inválido; código ${CREDENTIALS.accessCode}`] }),
    ]
    for (const response of failures) {
      faults.add({ host: HOST, pathIncludes: '/srorastro', times: 1, response })
      const error = await client()
        .fetchTracking(CREDENTIALS, [DELIVERED])
        .then(
          () => assert.fail('expected a failure'),
          (e: unknown) => e
        )
      assert.ok(error instanceof Error)
      const exposed = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`
      assert.ok(!exposed.includes(token), `token leaked in ${error.name}`)
      assert.ok(!exposed.includes(CREDENTIALS.accessCode), `access code leaked in ${error.name}`)
    }
  })

  void it('rejects more than 50 codes before any call', async () => {
    const codes = Array.from({ length: 51 }, (_, i) => `DG${String(i).padStart(8, '0')}0BR`)
    await assert.rejects(client().fetchTracking(CREDENTIALS, codes), RangeError)
    assert.equal(seen.length, 0)
  })
})

void describe('parseRetryAfter', () => {
  void it('reads delta-seconds and HTTP-dates, and ignores anything else', () => {
    const now = Date.parse('2025-03-10T12:00:00Z')
    assert.equal(parseRetryAfter('120', now), 120_000)
    assert.equal(parseRetryAfter('Mon, 10 Mar 2025 12:00:45 GMT', now), 45_000)
    assert.equal(parseRetryAfter('Mon, 10 Mar 2025 11:00:00 GMT', now), 0)
    assert.equal(parseRetryAfter('soon', now), undefined)
    assert.equal(parseRetryAfter(undefined, now), undefined)
  })
})
