/**
 * Cross-site request forgery against the admin API, through the real runtime: a page on another
 * host (same site or not) holds no token, but the browser attaches the admin's cookie. Every
 * state-changing route must refuse anything that is not the admin page's own JSON request.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import { REPO_ROOT } from '../../emulator/runtime'
import type { Stack } from '../../emulator/stack'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import { shipmentId } from '../../node/registry/shipmentId'
import type { ShipmentRecord } from '../../node/tracking/shipment'
import {
  carrierCalls,
  correiosNumber,
  invoicedOrder,
  orderWrites,
  received,
  registryDocs,
  runSweep,
  startTestStack,
} from './harness'

const BASE = '/_v/private/order-tracking/admin'
const COOKIE = { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}` }
const OWN = { 'x-order-tracking-admin': '1' }
const JSON_TYPE = { 'content-type': 'application/json' }

interface Attempt {
  label: string
  headers: Record<string, string>
  body: (json: string) => string | Uint8Array
  status: number
  error: string
}

/** What a hostile page can make a browser send with the admin's cookie (JSON bodies use the route's own). */
const ATTEMPTS: Attempt[] = [
  {
    label: 'text/plain',
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...OWN },
    body: (j) => j,
    status: 415,
    error: 'unsupported_media_type',
  },
  {
    label: 'form-urlencoded',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...OWN },
    body: (j) => `${encodeURIComponent(j)}=`,
    status: 415,
    error: 'unsupported_media_type',
  },
  {
    label: 'multipart',
    headers: { 'content-type': 'multipart/form-data; boundary=x', ...OWN },
    body: (j) => `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n${j}\r\n--x--\r\n`,
    status: 415,
    error: 'unsupported_media_type',
  },
  // Bytes, so fetch adds no text/plain of its own.
  {
    label: 'no content type',
    headers: { ...OWN },
    body: (j) => new TextEncoder().encode(j),
    status: 415,
    error: 'unsupported_media_type',
  },
  {
    label: 'missing custom header',
    headers: { ...JSON_TYPE },
    body: (j) => j,
    status: 403,
    error: 'cross_site_refused',
  },
  {
    label: 'wrong custom header',
    headers: { ...JSON_TYPE, 'x-order-tracking-admin': 'yes' },
    body: (j) => j,
    status: 403,
    error: 'cross_site_refused',
  },
  {
    label: 'foreign Origin',
    headers: { ...JSON_TYPE, ...OWN, origin: 'https://evil.example' },
    body: (j) => j,
    status: 403,
    error: 'cross_site_refused',
  },
  {
    label: 'same-site Origin (another store)',
    headers: { ...JSON_TYPE, ...OWN, origin: 'https://otherstore.myvtex.com' },
    body: (j) => j,
    status: 403,
    error: 'cross_site_refused',
  },
  {
    label: 'Origin null',
    headers: { ...JSON_TYPE, ...OWN, origin: 'null' },
    body: (j) => j,
    status: 403,
    error: 'cross_site_refused',
  },
  {
    label: 'Sec-Fetch-Site: cross-site',
    headers: { ...JSON_TYPE, ...OWN, 'sec-fetch-site': 'cross-site' },
    body: (j) => j,
    status: 403,
    error: 'cross_site_refused',
  },
  {
    label: 'Sec-Fetch-Site: same-site',
    headers: { ...JSON_TYPE, ...OWN, 'sec-fetch-site': 'same-site' },
    body: (j) => j,
    status: 403,
    error: 'cross_site_refused',
  },
]

void describe('admin API refuses cross-site writes (real runtime)', () => {
  let stack: Stack & { clock: SimClock }
  let target: ShipmentRecord

  const post = async (route: string, headers: Record<string, string>, body: string | Uint8Array) => {
    const response = await fetch(`${stack.platform.url}${BASE}${route}`, {
      method: 'POST',
      headers: { ...COOKIE, ...headers },
      body,
    })
    const text = await response.text()
    return { status: response.status, text, body: JSON.parse(text || '{}') as { error?: string } }
  }

  before(async () => {
    stack = await startTestStack({ buildDir: path.join(REPO_ROOT, '.build', 'admin-csrf-test') })
    const order = await invoicedOrder(stack, {
      carrier: 'correios',
      trackingNumber: correiosNumber(8801),
      story: 'stuck',
    })
    stack.clock.advance(30 * 3600_000)
    assert.equal(await runSweep(stack), 200)
    const id = shipmentId(order.orderId, order.invoiceNumber)
    target = registryDocs(stack).find((d) => d.id === id) as ShipmentRecord
    assert.equal(target.status, 'IN_TRANSIT')
  })

  after(async () => {
    await stack?.stop()
  })

  const routes = () => [
    { name: 'refresh', path: '/refresh-shipments', json: JSON.stringify({ ids: [target.id] }) },
    { name: 'correct carrier', path: `/shipments/${target.id}/carrier`, json: JSON.stringify({ carrier: 'ups' }) },
    {
      name: 'set status',
      path: `/shipments/${target.id}/status`,
      json: JSON.stringify({ status: 'DELIVERED', internalNote: 'CSRF was here' }),
    },
    {
      name: 'resolve incident',
      path: `/shipments/${target.id}/incidents`,
      json: JSON.stringify({ kind: 'stuck', action: 'resolve', reason: 'CSRF was here' }),
    },
    { name: 'backfill', path: '/backfill', json: JSON.stringify({}) },
  ]

  void it('guards every POST route service.json declares under the admin API', () => {
    const serviceJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node', 'service.json'), 'utf8')) as {
      routes: Record<string, { path: string }>
    }
    const index = readFileSync(path.join(REPO_ROOT, 'node', 'index.ts'), 'utf8')
    const writes = index.split('\n').filter((line) => /POST: \[/.test(line) && /admin/i.test(line))
    assert.equal(writes.length, routes().length, 'one test route per admin POST route')
    for (const line of writes) assert.match(line, /routeErrorBoundary, refuseCrossSite, requireAdmin,/, line)
    assert.ok(Object.values(serviceJson.routes).filter((r) => r.path.startsWith(BASE)).length > routes().length)
  })

  for (const attempt of ATTEMPTS) {
    void it(`refuses ${attempt.label} on every state-changing route, and nothing changes`, async () => {
      const mark = stack.platform.journal.lastSeq()
      for (const route of routes()) {
        const response = await post(route.path, attempt.headers, attempt.body(route.json))
        assert.equal(response.status, attempt.status, `${route.name}: ${response.text}`)
        assert.equal(response.body.error, attempt.error, route.name)
      }
      assert.deepEqual(orderWrites(stack, undefined, mark), [], 'no order write')
      assert.deepEqual(
        received(stack, { module: 'oms', sinceSeq: mark }).map((e) => `${e.method} ${e.path}`),
        [],
        'no order read or listed (no backfill started)'
      )
      assert.deepEqual(carrierCalls(stack, 'correios', undefined, mark), [], 'no carrier call')
      const now = registryDocs(stack).find((d) => d.id === target.id)
      assert.deepEqual(now, target, 'the registry document is untouched')
    })
  }

  void it("accepts the admin page's own request: same origin, JSON, custom header", async () => {
    const origin = stack.platform.url
    const headers = { ...JSON_TYPE, ...OWN, origin, 'sec-fetch-site': 'same-origin' }
    const refreshed = await post('/refresh-shipments', headers, JSON.stringify({ ids: [target.id] }))
    assert.equal(refreshed.status, 200, refreshed.text)
    const status = await post(
      `/shipments/${target.id}/status`,
      { ...JSON_TYPE, ...OWN },
      JSON.stringify({ status: 'ATTEMPT_FAIL' })
    )
    assert.equal(status.status, 200, status.text)
    const carrier = await post(`/shipments/${'f'.repeat(40)}/carrier`, headers, JSON.stringify({ carrier: 'ups' }))
    assert.equal(carrier.status, 404, carrier.text)
  })
})
