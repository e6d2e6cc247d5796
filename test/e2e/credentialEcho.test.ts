/**
 * Carriers that echo credentials back in their error bodies, through the real runtime: whatever
 * they say, no configured credential (any settings field of the carrier, or the Basic value made
 * from them) may reach Master Data, VBase, an order, a route response or the runtime's logs.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { SIMULATOR_CREDENTIALS } from '../../emulator/carriers/types'
import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import { demoSettings } from '../../emulator/stack'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import { shipmentId } from '../../node/registry/shipmentId'
import { call, correiosNumber, invoicedOrder, startTestStack, UPS_NUMBERS } from './harness'

const HOUR = 3600_000
const ADMIN = { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}`, 'x-order-tracking-admin': '1' }
const CORREIOS = 'api.correios.com.br'
const UPS = 'onlinetools.ups.com'
const { user, accessCode, postageCard } = SIMULATOR_CREDENTIALS.correios
const { clientId, clientSecret } = SIMULATOR_CREDENTIALS.ups
const UPS_ACCOUNT = 'ECHOACCT0042'
const basic = (a: string, b: string): string => Buffer.from(`${a}:${b}`).toString('base64')

/** What each carrier echoes: only its own credentials (another carrier's client cannot know them). */
const CORREIOS_ECHO = `usuario=${user} codigo=${accessCode} cartao=${postageCard} auth=Basic ${basic(user, accessCode)} enc=${encodeURIComponent(accessCode)}`
const UPS_ECHO = `client_id=${clientId} client_secret=${clientSecret} x-merchant-id=${UPS_ACCOUNT} auth=Basic ${basic(clientId, clientSecret)}`
const SECRETS = [
  user,
  accessCode,
  postageCard,
  basic(user, accessCode),
  clientId,
  clientSecret,
  UPS_ACCOUNT,
  basic(clientId, clientSecret),
]

interface Scenario {
  name: string
  carrier: 'correios' | 'ups'
  faults: Array<Record<string, unknown>>
  /** Forces the client to ask for a new token first. */
  expireTokens?: boolean
}

const upsError = (status: number) => ({
  host: UPS,
  pathIncludes: '/track/v1/',
  status,
  body: { response: { errors: [{ code: 'TV0001', message: UPS_ECHO }] } },
})

const SCENARIOS: Scenario[] = [
  {
    name: 'Correios 400 with the credentials in msgs',
    carrier: 'correios',
    faults: [{ host: CORREIOS, pathIncludes: '/srorastro/', status: 400, body: { msgs: [CORREIOS_ECHO] } }],
  },
  {
    name: 'Correios 200 with the credentials in an object message',
    carrier: 'correios',
    faults: [
      {
        host: CORREIOS,
        pathIncludes: '/srorastro/',
        status: 200,
        body: { objetos: [{ codObjeto: 'X', mensagem: CORREIOS_ECHO }] },
      },
    ],
  },
  {
    name: 'Correios token refused with the credentials in msgs',
    carrier: 'correios',
    expireTokens: true,
    faults: [{ host: CORREIOS, pathIncludes: '/token/', status: 401, body: { msgs: [CORREIOS_ECHO] } }],
  },
  {
    name: 'Correios 503 echoing the credentials',
    carrier: 'correios',
    faults: [{ host: CORREIOS, pathIncludes: '/srorastro/', status: 503, body: { msgs: [CORREIOS_ECHO] } }],
  },
  { name: 'UPS 400 echoing the credentials', carrier: 'ups', faults: [upsError(400)] },
  { name: 'UPS 404 echoing the credentials', carrier: 'ups', faults: [upsError(404)] },
  { name: 'UPS 403 echoing the credentials', carrier: 'ups', faults: [upsError(403)] },
  {
    name: 'UPS token endpoint failing with the credentials in its body',
    carrier: 'ups',
    faults: [
      {
        host: UPS,
        pathIncludes: '/track/v1/',
        status: 401,
        body: { response: { errors: [{ code: '250002', message: 'Invalid token' }] } },
      },
      {
        host: UPS,
        pathIncludes: '/oauth/',
        status: 500,
        body: { response: { errors: [{ code: '10500', message: UPS_ECHO }] } },
      },
    ],
  },
]

void describe('carrier credentials echoed back never leave the carrier client', () => {
  let stack: Stack & { clock: SimClock }
  const responses: string[] = []
  const logs: string[] = []
  const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) }
  const ids: Record<'correios' | 'ups', string> = { correios: '', ups: '' }

  const capture =
    (write: typeof process.stdout.write) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'))
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest)
    }

  const admin = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await call(stack, method, `/_v/private/order-tracking/admin${route}`, body, ADMIN)
    responses.push(typeof response.body === 'string' ? response.body : JSON.stringify(response.body))
    return response.body
  }

  /** Calls the sweep route as the scheduler does (with its secret) and keeps the route's own answer. */
  const sweepRoute = async (): Promise<void> => {
    const job = stack.platform.scheduler.jobs()[0]
    const url = new URL(job.request.uri)
    const headers = Object.fromEntries(Object.entries(job.request.headers).map(([k, v]) => [k.toLowerCase(), v]))
    const response = await stack.platform.gateway.callPublicRoute(
      'POST',
      url.pathname,
      { ...headers, 'content-type': 'application/json' },
      Buffer.from('{}')
    )
    assert.equal(response?.status, 200, response?.body.toString())
    responses.push(response?.body.toString() ?? '')
    await stack.platform.settle()
  }

  before(async () => {
    process.stdout.write = capture(writes.out) as typeof process.stdout.write
    process.stderr.write = capture(writes.err) as typeof process.stderr.write
    stack = await startTestStack({
      settings: {
        ...demoSettings(),
        ups: { ...SIMULATOR_CREDENTIALS.ups, accountNumber: UPS_ACCOUNT, environment: 'production' },
      },
    })
    const correios = await invoicedOrder(stack, {
      carrier: 'correios',
      trackingNumber: correiosNumber(7701),
      story: 'stuck',
    })
    const ups = await invoicedOrder(stack, { carrier: 'ups', trackingNumber: UPS_NUMBERS[2], story: 'stuck' })
    ids.correios = shipmentId(correios.orderId, correios.invoiceNumber)
    ids.ups = shipmentId(ups.orderId, ups.invoiceNumber)
  })

  after(async () => {
    process.stdout.write = writes.out
    process.stderr.write = writes.err
    await stack?.stop()
  })

  for (const scenario of SCENARIOS) {
    void it(`${scenario.name}: recorded, redacted`, async () => {
      const inject = async () => {
        if (scenario.expireTokens) stack.platform.simulators[scenario.carrier].expireTokens()
        for (const fault of scenario.faults) await call(stack, 'POST', '/_emulator/faults', { times: 1, ...fault })
      }
      // Through the scheduled sweep ...
      await inject()
      stack.clock.advance(7 * HOUR)
      await sweepRoute()
      await call(stack, 'DELETE', '/_emulator/faults')
      // ... and through the admin's "check now".
      await inject()
      await admin('POST', '/refresh-shipments', { ids: [ids[scenario.carrier]] })
      await call(stack, 'DELETE', '/_emulator/faults')
      const detail = (await admin('GET', `/shipments/${ids[scenario.carrier]}`)) as {
        shipment: { lastErrorMessage: string | null; lastErrorReason: string | null }
      }
      assert.ok(detail.shipment.lastErrorReason, `${scenario.name}: the failure is recorded`)
    })
  }

  void it('finds no credential in Master Data, VBase, orders, route responses or the logs', async () => {
    for (const route of [
      '/overview',
      '/charts',
      '/shipments',
      `/shipments/${ids.correios}`,
      `/shipments/${ids.ups}`,
      '/shipments.csv',
    ]) {
      await admin('GET', route)
    }
    // Every table of the emulated platform except the app settings, where the merchant saved them.
    const tables = stack.platform.db
      .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name <> 'infra_settings'")
      .all() as Array<{ name: string }>
    assert.ok(tables.some((t) => t.name === 'md_documents') && tables.some((t) => t.name === 'infra_vbase'))
    const stored = tables.map(
      (t) => `${t.name}: ${JSON.stringify(stack.platform.db.prepare(`SELECT * FROM ${t.name}`).all())}`
    )
    // The redactions really happened: the echoed text arrived and was replaced, not dropped.
    assert.ok(stored.join('\n').includes('[redacted]'), 'some echoed error was stored, redacted')
    const places: Array<[string, string[]]> = [
      ['stored', stored],
      ['route responses', responses],
      ['runtime logs', logs],
    ]
    assert.ok(responses.length > 20 && logs.length > 20, `${responses.length} responses, ${logs.length} log writes`)
    for (const [where, texts] of places) {
      for (const secret of SECRETS) {
        const leak = texts.find((text) => text.includes(secret))
        assert.equal(
          leak,
          undefined,
          `${secret} leaked into ${where}: ${leak?.slice(Math.max(0, (leak?.indexOf(secret) ?? 0) - 200), (leak?.indexOf(secret) ?? 0) + 100)}`
        )
      }
    }
  })
})
