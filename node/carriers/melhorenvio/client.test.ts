import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

import { createMelhorEnvioSimulator } from '../../../emulator/carriers/melhorenvio'
import { Timelines, fromRelative } from '../../../emulator/carriers/timelines'
import { SIMULATOR_CREDENTIALS } from '../../../emulator/carriers/types'
import { Faults } from '../../../emulator/faults'
import type { EmuModule, EmuRequest } from '../../../emulator/http'
import { json } from '../../../emulator/http'
import type { RunningServer } from '../../../emulator/proxy'
import { startProxyServer } from '../../../emulator/proxy'
import { fakeIOContext, useEmulatorProxy } from '../../../test/ioContext'
import { CarrierAuthError, CarrierRateLimitedError, CarrierUnavailableError } from '../../errors'
import { melhorenvio, parseMelhorEnvioTracking } from '.'
import { clearMelhorEnvioCache, MelhorEnvioClient } from './client'
import type { MelhorEnvioCredentials } from './request'

const HOST = 'melhorenvio.com.br'
const CREDENTIALS: MelhorEnvioCredentials = {
  token: SIMULATOR_CREDENTIALS.melhorenvio.token,
  contactEmail: SIMULATOR_CREDENTIALS.melhorenvio.contactEmail,
}
const LOGGI = 'LGI0000123456'
const JADLOG = '10082000765432'

interface Seen {
  method: string
  path: string
  query: string
  headers: EmuRequest['headers']
  body: unknown
  status: number
}

void describe('MelhorEnvioClient against the Melhor Envio simulator', () => {
  const timelines = new Timelines()
  const sim = createMelhorEnvioSimulator({ timelines, now: () => Date.now() })
  const faults = new Faults()
  const seen: Seen[] = []
  let server: RunningServer

  const recorder: EmuModule = {
    name: 'melhorenvio-recorder',
    async handle(req) {
      const response = await sim.handle(req)
      if (response)
        seen.push({
          method: req.method,
          path: req.path,
          query: req.query.toString(),
          headers: req.headers,
          body: req.body,
          status: response.status,
        })
      return response
    },
  }
  const client = (): MelhorEnvioClient => new MelhorEnvioClient(fakeIOContext(), { timeout: 3000, retries: 0 })
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
    clearMelhorEnvioCache()
    faults.clear()
    seen.length = 0
    timelines.clear()
    sim.setQuotaPerMinute(250)
    sim.setCacheMs(0)
    timelines.script({
      carrier: 'melhorenvio',
      trackingNumber: LOGGI,
      events: fromRelative(Date.now() - 100 * 3600_000, sim.stories.delivered),
    })
    timelines.script({
      carrier: 'melhorenvio',
      trackingNumber: JADLOG,
      events: fromRelative(Date.now() - 10 * 3600_000, sim.stories.delivered),
    })
  })

  void it('resolves carrier codes to orders once, then tracks them in one POST with Bearer and User-Agent', async () => {
    const numbers = [LOGGI, JADLOG, 'UNKNOWN0001']
    const raw = await client().fetchTracking(CREDENTIALS, numbers)
    assert.deepEqual(
      seen.map((s) => [s.method, s.path]),
      [
        ['GET', '/api/v2/me/orders/search'],
        ['GET', '/api/v2/me/orders/search'],
        ['GET', '/api/v2/me/orders/search'],
        ['POST', '/api/v2/me/shipment/tracking'],
      ]
    )
    const post = seen[3]
    assert.equal(post.headers.authorization, `Bearer ${CREDENTIALS.token}`)
    assert.equal(post.headers['user-agent'], `Order Tracking for VTEX (${CREDENTIALS.contactEmail})`)
    assert.equal(post.headers['x-vtex-use-https'], 'true')
    assert.deepEqual(post.body, { orders: [sim.orderIdOf(LOGGI), sim.orderIdOf(JADLOG)] })
    assert.deepEqual(
      parseMelhorEnvioTracking(raw, numbers).map((r) => [r.trackingNumber, r.found, r.status]),
      [
        [LOGGI, true, 'DELIVERED'],
        [JADLOG, true, 'IN_TRANSIT'],
        ['UNKNOWN0001', false, 'PENDING'],
      ]
    )
    seen.length = 0
    await client().fetchTracking(CREDENTIALS, [LOGGI])
    assert.deepEqual(
      seen.map((s) => s.path),
      ['/api/v2/me/shipment/tracking'],
      'the resolved order id is remembered'
    )
  })

  void it('an order id on the invoice is tracked as is; requests are spaced 250 ms apart', async () => {
    const id = sim.orderIdOf(LOGGI)
    const started = Date.now()
    const results = await melhorenvio.track(client(), { ...CREDENTIALS, environment: 'production' }, [id, JADLOG])
    assert.deepEqual(
      results.map((r) => r.status),
      ['DELIVERED', 'IN_TRANSIT']
    )
    assert.equal(seen.length, 2, 'one search (the code), one tracking call')
    assert.ok(Date.now() - started >= 240, 'the second request waited for its slot')
  })

  void it('wrong token: CarrierAuthError, no token in it', async () => {
    const error = await rejection(client().fetchTracking({ ...CREDENTIALS, token: 'wrong-token-value' }, [LOGGI]))
    assert.ok(error instanceof CarrierAuthError, error.message)
    assert.match(error.message, /Unauthenticated/)
    assert.equal(error.message.includes('wrong-token-value'), false)
  })

  void it('quota used: 429 Too Many Attempts with Retry-After becomes CarrierRateLimitedError', async () => {
    sim.setQuotaPerMinute(1)
    await client().fetchTracking(CREDENTIALS, [sim.orderIdOf(LOGGI)])
    const limited = await rejection(client().fetchTracking(CREDENTIALS, [sim.orderIdOf(LOGGI)]))
    assert.ok(limited instanceof CarrierRateLimitedError, limited.message)
    assert.ok((limited.retryAfterMs ?? 0) >= 1000)
    assert.match(limited.message, /Too Many Attempts/)
  })

  void it('the simulator serves each order tracking from its one-hour cache, as Melhor Envio does', async () => {
    sim.setCacheMs(3600_000)
    const id = sim.orderIdOf(JADLOG)
    const first = parseMelhorEnvioTracking(await client().fetchTracking(CREDENTIALS, [id]), [id])[0]
    assert.equal(first.status, 'IN_TRANSIT')
    timelines.script({
      carrier: 'melhorenvio',
      trackingNumber: JADLOG,
      events: fromRelative(Date.now() - 100 * 3600_000, sim.stories.delivered),
    })
    const cached = parseMelhorEnvioTracking(await client().fetchTracking(CREDENTIALS, [id]), [id])[0]
    assert.equal(cached.status, 'IN_TRANSIT', 'inside the hour: what the first call saw')
  })

  void it('5xx is transient', async () => {
    faults.add({
      host: HOST,
      pathIncludes: '/shipment/tracking',
      times: 1,
      response: json(502, { message: 'Bad gateway' }),
    })
    const error = await rejection(client().fetchTracking(CREDENTIALS, [sim.orderIdOf(LOGGI)]))
    assert.ok(error instanceof CarrierUnavailableError, error.message)
  })
})
