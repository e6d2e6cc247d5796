/**
 * The admin API end to end: the emulated platform (VTEX ID, sphinx, OMS, Master Data, carriers)
 * and the real @vtex/api runtime, called through the emulator's gateway as the admin page would.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'

import { SIMULATOR_CREDENTIALS } from '../../emulator/carriers/types'
import { compileRoutePath } from '../../emulator/gateway'
import { REPO_ROOT } from '../../emulator/runtime'
import type { Stack } from '../../emulator/stack'
import { demoSettings } from '../../emulator/stack'
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOKEN, DEMO_VIEWER_TOKEN, OTHER_ACCOUNT_TOKEN } from '../../emulator/vtex/vtexid'
import { shipmentId } from '../../node/registry/shipmentId'
import { SHIPMENT_ENTITY } from '../../node/registry/schema'
import type { Overview } from '../../node/services/admin/overview'
import type { Charts } from '../../node/services/admin/charts'
import type { ShipmentPageView } from '../../node/services/admin/listShipments'
import type { RefreshResult } from '../../node/services/admin/refreshShipments'
import type { ShipmentDetail } from '../../node/services/admin/shipmentViews'
import type { SimClock } from '../../emulator/clock'
import {
  call,
  carrierCalls,
  correiosNumber,
  orderPackage,
  orderWrites,
  runSweep,
  startTestStack,
  UPS_NUMBERS,
} from './harness'

const BASE = '/_v/private/order-tracking/admin'
const ADMIN = { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}` }
const HOUR = 3600_000
/** Well-formed but unknown: auth runs before any lookup. */
const ANY_ID = 'f'.repeat(40)

interface Seeded {
  orderId: string
  invoiceNumber: string
  trackingNumber: string
  id: string
}

const ROUTES: Array<{ name: string; method: 'GET' | 'POST'; path: string; body?: unknown }> = [
  { name: 'overview', method: 'GET', path: '/overview' },
  { name: 'charts', method: 'GET', path: '/charts' },
  { name: 'shipments', method: 'GET', path: '/shipments' },
  { name: 'shipments.csv', method: 'GET', path: '/shipments.csv' },
  { name: 'shipment detail', method: 'GET', path: `/shipments/${ANY_ID}` },
  { name: 'refresh', method: 'POST', path: '/refresh-shipments', body: { ids: [ANY_ID] } },
  { name: 'correct carrier', method: 'POST', path: `/shipments/${ANY_ID}/carrier`, body: { carrier: 'ups' } },
  { name: 'set status', method: 'POST', path: `/shipments/${ANY_ID}/status`, body: { status: 'DELIVERED' } },
  { name: 'shipment emails', method: 'GET', path: `/shipments/${ANY_ID}/emails` },
  { name: 'email previews', method: 'GET', path: '/email-previews' },
  {
    name: 'incident',
    method: 'POST',
    path: `/shipments/${ANY_ID}/incidents`,
    body: { kind: 'stuck', action: 'resolve', reason: 'checked' },
  },
  { name: 'backfill', method: 'POST', path: '/backfill', body: {} },
]

void describe('admin API through the real runtime', () => {
  let stack: Stack & { clock: SimClock }
  /** Every response body this suite received, for the credential check at the end. */
  const bodies: string[] = []
  const seeded: Record<string, Seeded> = {}

  const api = async <T>(
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string> = ADMIN
  ): Promise<{ status: number; body: T }> => {
    // As the admin page does: its custom header on every call (writes are refused without it).
    const response = await call<T>(stack, method, BASE + route, body, { 'x-order-tracking-admin': '1', ...headers })
    bodies.push(typeof response.body === 'string' ? response.body : JSON.stringify(response.body))
    return response
  }

  const raw = async (route: string): Promise<Response> => {
    const response = await fetch(`${stack.platform.url}${BASE}${route}`, { headers: ADMIN })
    return response
  }

  /** Creates an order with its own shipping estimate, scripts the carrier and invoices it. */
  async function seed(
    name: string,
    options: { carrier?: 'correios' | 'ups'; trackingNumber: string; story?: string; courier: string; days?: number }
  ): Promise<Seeded> {
    const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
      courier: options.courier,
      country: options.carrier === 'ups' ? 'USA' : 'BRA',
      shippingEstimateDays: options.days ?? 5,
    })
    assert.equal(order.status, 201, JSON.stringify(order.body))
    if (options.carrier && options.story) {
      const scripted = await call(stack, 'POST', '/_emulator/shipments', {
        carrier: options.carrier,
        trackingNumber: options.trackingNumber,
        story: options.story,
      })
      assert.equal(scripted.status, 201, JSON.stringify(scripted.body))
    }
    const invoiceNumber = `NF-${name}`
    const invoiced = await call(stack, 'POST', `/_emulator/orders/${order.body.orderId}/invoice`, {
      courier: options.courier,
      trackingNumber: options.trackingNumber,
      invoiceNumber,
    })
    assert.equal(invoiced.status, 200, JSON.stringify(invoiced.body))
    const result = {
      orderId: order.body.orderId,
      invoiceNumber,
      trackingNumber: options.trackingNumber,
      id: shipmentId(order.body.orderId, invoiceNumber),
    }
    seeded[name] = result
    return result
  }

  const detail = async (name: string): Promise<ShipmentDetail> => {
    const response = await api<{ shipment: ShipmentDetail }>('GET', `/shipments/${seeded[name].id}`)
    assert.equal(response.status, 200, JSON.stringify(response.body))
    return response.body.shipment
  }

  const list = async (query: string): Promise<ShipmentPageView> => {
    const response = await api<ShipmentPageView>('GET', `/shipments${query}`)
    assert.equal(response.status, 200, JSON.stringify(response.body))
    return response.body
  }

  before(async () => {
    // The seeded stories are stepped by VTEX's 6-hour interval; the adaptive schedule has its own tests.
    stack = await startTestStack({
      buildDir: path.join(REPO_ROOT, '.build', 'admin-api-test'),
      settings: { ...demoSettings(), scheduleMode: 'vtex_fixed' },
    })
    // At T0, as an ERP would: seven packages covering every admin view.
    await seed('delivered', {
      carrier: 'correios',
      trackingNumber: correiosNumber(9101),
      story: 'delivered',
      courier: 'Correios SEDEX',
    })
    await seed('stuckLate', {
      carrier: 'correios',
      trackingNumber: correiosNumber(9102),
      story: 'stuck',
      courier: 'Correios SEDEX',
      days: 1,
    })
    await seed('exception', {
      carrier: 'correios',
      trackingNumber: correiosNumber(9103),
      story: 'exception',
      courier: 'Correios SEDEX',
    })
    await seed('upsDelivered', {
      carrier: 'ups',
      trackingNumber: UPS_NUMBERS[0],
      story: 'delivered',
      courier: 'UPS Ground',
    })
    await seed('labelOnly', {
      carrier: 'ups',
      trackingNumber: UPS_NUMBERS[1],
      story: 'label_only',
      courier: 'UPS Ground',
    })
    await seed('unresolved', { trackingNumber: 'LGX4471902', courier: 'Loggi Express' })
    await seed('awaiting', { trackingNumber: '', courier: 'Correios SEDEX' })
    // Four days later, the scheduled sweep has caught up with every carrier.
    stack.clock.advance(100 * HOUR)
    assert.equal(await runSweep(stack), 200)
  })

  after(async () => {
    await stack?.stop()
  })

  void describe('authentication', () => {
    void it('covers every admin route declared in service.json', () => {
      const serviceJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node', 'service.json'), 'utf8')) as {
        routes: Record<string, { path: string; public?: boolean }>
      }
      const admin = Object.entries(serviceJson.routes).filter(([, r]) => r.path.startsWith(BASE))
      assert.equal(admin.length, ROUTES.length)
      for (const [id, route] of admin) {
        assert.equal(route.public, true, `${id} is fetched same-origin by the admin page`)
        const { regexp } = compileRoutePath(route.path)
        assert.ok(
          ROUTES.some((r) => regexp.test(BASE + r.path)),
          `${id} (${route.path}) has no authentication test`
        )
      }
    })

    for (const route of ROUTES) {
      void it(`${route.method} ${route.name}: 401 without a valid admin token, 403 for a non-admin`, async () => {
        const writesBefore = orderWrites(stack).length
        const cases: Array<[string, Record<string, string>, number]> = [
          ['no token', {}, 401],
          ['forged token', { cookie: 'VtexIdclientAutCookie=forged-token' }, 401],
          ['another account', { cookie: `VtexIdclientAutCookie=${OTHER_ACCOUNT_TOKEN}` }, 401],
          ['store user cookie only', { cookie: `VtexIdclientAutCookie_acme=${DEMO_ADMIN_TOKEN}` }, 401],
          ['not an admin', { cookie: `VtexIdclientAutCookie=${DEMO_VIEWER_TOKEN}` }, 403],
          ['not an admin (header)', { VtexIdclientAutCookie: DEMO_VIEWER_TOKEN }, 403],
        ]
        for (const [label, headers, status] of cases) {
          const response = await api<{ error: string; message: string }>(route.method, route.path, route.body, headers)
          assert.equal(response.status, status, `${label}: ${JSON.stringify(response.body)}`)
          assert.equal(response.body.error, 'forbidden', label)
          assert.equal(typeof response.body.message, 'string', label)
        }
        // The admin token passes, as a cookie or as a header of the same name.
        for (const headers of [ADMIN, { VtexIdclientAutCookie: DEMO_ADMIN_TOKEN }]) {
          const response = await api(route.method, route.path, route.body, headers)
          assert.ok(![401, 403].includes(response.status), `admin refused: ${JSON.stringify(response.body)}`)
        }
        assert.equal(orderWrites(stack).length, writesBefore, 'refused requests wrote nothing')
      })
    }

    void it('answers 503 when VTEX ID is down, and 401 when it rejects the token', async () => {
      const fault = (status: number) =>
        call(stack, 'POST', '/_emulator/faults', {
          host: 'portal.vtexcommercestable.com.br',
          pathIncludes: '/api/vtexid/',
          status,
          times: 2, // the client retries once
          body: { error: 'injected' },
        })
      await fault(503)
      assert.equal((await api('GET', '/overview')).status, 503)
      await call(stack, 'DELETE', '/_emulator/faults')
      await fault(401)
      assert.equal((await api('GET', '/overview')).status, 401)
      await call(stack, 'DELETE', '/_emulator/faults')
    })
  })

  void describe('reading', () => {
    void it('overview: counts by status and state, attention, carrier health, last sweep', async () => {
      const response = await api<Overview>('GET', '/overview')
      assert.equal(response.status, 200)
      const overview = response.body
      assert.deepEqual(overview.settings, {
        stuckAfterHours: 72,
        pollingIntervalHours: 6,
        trackingWindowDays: 12.5,
        carriersConfigured: [
          'correios',
          'ups',
          'fedex',
          'usps',
          'dhl',
          'intelipost',
          'melhorenvio',
          'aftership',
          'track17',
        ],
      })
      assert.equal(overview.totals.all, 7)
      assert.deepEqual(Object.fromEntries(Object.entries(overview.totals.byStatus).filter(([, n]) => n > 0)), {
        PENDING: 2,
        INFO_RECEIVED: 1,
        IN_TRANSIT: 1,
        DELIVERED: 2,
        EXCEPTION: 1,
      })
      assert.deepEqual(overview.totals.byState, {
        active: 3,
        awaiting_tracking: 1,
        unresolved_carrier: 1,
        link_only: 0,
        done: 2,
        expired: 0,
      })
      assert.deepEqual(overview.attention, {
        overdue: 1,
        stuck: 2,
        neverPickedUp: 1,
        failedAttempts: 0,
        exceptions: 1,
        returned: 0,
        failing: 0,
        expired: 0,
        awaitingTracking: 1,
        unresolvedCarrier: 1,
      })
      const correios = overview.carriers.find((c) => c.carrier === 'correios')
      assert.deepEqual(
        { ...correios, lastSuccessAt: typeof correios?.lastSuccessAt },
        {
          carrier: 'correios',
          displayName: 'Correios',
          active: true,
          lastSuccessAt: 'string',
          checked: 3,
          errors: 0,
          errorRate: 0,
          lastError: null,
          tracked: 2,
          staleness: 'ok',
        }
      )
      assert.equal(overview.carriers.find((c) => c.carrier === 'ups')?.checked, 2)
      assert.equal(overview.lastSweep?.running, false)
      assert.equal(overview.lastSweep?.complete, true)
      assert.equal(overview.lastSweep?.dispatched, 7, 'five to check at carriers, two orders to re-read')
    })

    void it('shipments: newest first, with flags and the order link', async () => {
      const page = await list('')
      assert.equal(page.total, 7)
      assert.equal(page.items.length, 7)
      assert.deepEqual([page.page, page.pageSize, page.maxPage], [1, 25, 1])
      const stuck = page.items.find((s) => s.id === seeded.stuckLate.id)
      assert.ok(stuck)
      assert.equal(stuck.overdue, true)
      assert.equal(stuck.stuck, true)
      assert.equal(stuck.orderAdminUrl, `/admin/orders/${seeded.stuckLate.orderId}`)
      assert.equal(stuck.carrierName, 'Correios')
      assert.equal(stuck.lastEventDescription, 'Objeto postado')
      assert.ok(!('events' in stuck), 'rows stay small: the timeline is in the detail')
      const invoiced = page.items.map((s) => s.invoicedAt)
      assert.deepEqual(invoiced, [...invoiced].sort().reverse())
    })

    void it('shipments: every filter runs server-side', async () => {
      const ids = async (query: string): Promise<string[]> => (await list(query)).items.map((s) => s.id).sort()
      const of = (...names: string[]): string[] => names.map((n) => seeded[n].id).sort()
      assert.deepEqual(await ids('?status=DELIVERED'), of('delivered', 'upsDelivered'))
      assert.deepEqual(await ids('?carrier=ups'), of('upsDelivered', 'labelOnly'))
      // The awaiting one has no number yet, but its courier name already maps to Correios.
      assert.deepEqual(await ids('?carrier=none'), of('unresolved'))
      assert.deepEqual(await ids('?view=stuck'), of('stuckLate', 'labelOnly'))
      assert.deepEqual(await ids('?view=overdue'), of('stuckLate'))
      assert.deepEqual(await ids('?view=exceptions'), of('exception'))
      assert.deepEqual(await ids('?view=unresolved'), of('unresolved'))
      assert.deepEqual(await ids('?view=awaiting'), of('awaiting'))
      assert.deepEqual(await ids('?view=expired'), [])
      assert.deepEqual(await ids('?view=stuck&carrier=ups'), of('labelOnly'))
      assert.deepEqual(await ids(`?q=${seeded.exception.orderId}`), of('exception'))
      assert.deepEqual(await ids(`?q=${seeded.exception.orderId.replace(/-01$/, '')}`), of('exception'))
      assert.deepEqual(await ids(`?q=${seeded.upsDelivered.trackingNumber.toLowerCase()}`), of('upsDelivered'))
      assert.deepEqual((await ids('?from=2026-11-02&to=2026-11-02')).length, 7)
      assert.deepEqual(await ids('?from=2026-11-03'), [])
      assert.deepEqual(await ids('?to=2026-11-01'), [])
    })

    void it('shipments: sorting and pagination', async () => {
      const byStatus = await list('?sort=status&dir=asc')
      const statuses = byStatus.items.map((s) => s.status)
      assert.deepEqual(statuses, [...statuses].sort())
      const second = await list('?pageSize=2&page=2')
      assert.deepEqual([second.items.length, second.total, second.maxPage], [2, 7, 4])
      const all = await list('')
      assert.deepEqual(
        second.items.map((s) => s.id),
        all.items.slice(2, 4).map((s) => s.id)
      )
    })

    void it('shipments: refuses pages past the search window and unknown filters with a clear 400', async () => {
      const deep = await api<{ error: string; message: string }>('GET', '/shipments?page=101&pageSize=100')
      assert.equal(deep.status, 400)
      assert.equal(deep.body.error, 'page_too_deep')
      assert.match(deep.body.message, /narrow the filter/i)
      for (const query of ['?status=LOST', '?view=late', '?sort=trackingUrl', '?pageSize=500', '?from=02/11/2026']) {
        const response = await api<{ error: string; message: string }>('GET', `/shipments${query}`)
        assert.equal(response.status, 400, query)
        assert.equal(response.body.error, 'invalid_filter', query)
      }
    })

    void it('detail: timeline with raw carrier codes, order writes, next check and why', async () => {
      const shipment = await detail('exception')
      assert.equal(shipment.status, 'EXCEPTION')
      assert.deepEqual(
        shipment.events.map((e) => e.carrierCode),
        ['PO/01', 'RO/01', 'CD/01', 'OEC/01', 'BDE/07']
      )
      assert.equal(typeof shipment.lastOmsWriteAt, 'string')
      assert.equal(typeof shipment.invoicePatchedAt, 'string')
      assert.equal(shipment.nextCheckReason, 'vtex_fixed_interval', 'this suite runs the VTEX fixed schedule')
      assert.ok(shipment.nextCheckAt !== null && shipment.nextCheckAt > new Date().toISOString())
      assert.equal(shipment.trackingPageUrl, shipment.trackingUrl)
      assert.equal(shipment.orderAdminUrl, `/admin/orders/${seeded.exception.orderId}`)
      assert.deepEqual([shipment.overdue, shipment.stuck, shipment.carrierName], [false, false, 'Correios'])

      for (const id of [ANY_ID, 'not-a-shipment-id']) {
        const missing = await api<{ error: string }>('GET', `/shipments/${id}`)
        assert.equal(missing.status, 404)
        assert.equal(missing.body.error, 'not_found')
      }
    })

    void it('charts: 30 days by invoice day, honest on-time rate and delivery times per carrier', async () => {
      const response = await api<Charts>('GET', '/charts')
      assert.equal(response.status, 200)
      const { days, onTime, deliveryTimes } = response.body
      assert.equal(days.length, 30)
      assert.deepEqual([days[0].date, days[29].date], ['2026-10-08', '2026-11-06'])
      assert.deepEqual(days.find((d) => d.date === '2026-11-02')?.byStatus, {
        PENDING: 2,
        INFO_RECEIVED: 1,
        IN_TRANSIT: 1,
        DELIVERED: 2,
        EXCEPTION: 1,
      })
      assert.ok(days.filter((d) => d.date !== '2026-11-02').every((d) => Object.keys(d.byStatus).length === 0))
      // The late Correios parcel still on its way counts against the rate: 1 on time of 2 judged.
      assert.deepEqual(onTime, [
        { carrier: 'correios', displayName: 'Correios', delivered: 1, onTime: 1, overdue: 1, expired: 0, rate: 0.5 },
        { carrier: 'ups', displayName: 'UPS', delivered: 1, onTime: 1, overdue: 0, expired: 0, rate: 1 },
        // Configured but nothing delivered yet: listed, with no rate rather than a made-up one.
        { carrier: 'fedex', displayName: 'FedEx', delivered: 0, onTime: 0, overdue: 0, expired: 0, rate: null },
        { carrier: 'usps', displayName: 'USPS', delivered: 0, onTime: 0, overdue: 0, expired: 0, rate: null },
        { carrier: 'dhl', displayName: 'DHL', delivered: 0, onTime: 0, overdue: 0, expired: 0, rate: null },
        {
          carrier: 'intelipost',
          displayName: 'Intelipost',
          delivered: 0,
          onTime: 0,
          overdue: 0,
          expired: 0,
          rate: null,
        },
        {
          carrier: 'melhorenvio',
          displayName: 'Melhor Envio',
          delivered: 0,
          onTime: 0,
          overdue: 0,
          expired: 0,
          rate: null,
        },
        {
          carrier: 'aftership',
          displayName: 'AfterShip',
          delivered: 0,
          onTime: 0,
          overdue: 0,
          expired: 0,
          rate: null,
        },
        { carrier: 'track17', displayName: '17TRACK', delivered: 0, onTime: 0, overdue: 0, expired: 0, rate: null },
      ])
      assert.deepEqual(
        deliveryTimes.map((times) => [times.carrier, times.count]),
        [
          ['correios', 1],
          ['ups', 1],
          ['fedex', 0],
          ['usps', 0],
          ['dhl', 0],
          ['intelipost', 0],
          ['melhorenvio', 0],
          ['aftership', 0],
          ['track17', 0],
        ]
      )
      for (const times of deliveryTimes.filter((t) => t.count > 0)) {
        assert.equal(times.sampled, false)
        assert.ok((times.averageDays ?? 0) > 0 && times.averageDays === times.p90Days, JSON.stringify(times))
      }
      const correiosDelivered = await detail('delivered')
      const took =
        (Date.parse(correiosDelivered.deliveredAt ?? '') - Date.parse(correiosDelivered.invoicedAt)) / 86_400_000
      assert.equal(deliveryTimes[0].averageDays, Math.round(took * 10) / 10)
    })
  })

  void describe('actions', () => {
    void it('refresh now checks the carrier and writes the news to the order', async () => {
      const fresh = await seed('refreshMe', {
        carrier: 'correios',
        trackingNumber: correiosNumber(9104),
        story: 'delivered',
        courier: 'Correios SEDEX',
      })
      assert.equal((await orderPackage(stack, fresh.orderId)).courierStatus, null, 'nothing to write yet')
      stack.clock.advance(20 * HOUR) // the parcel moved; no sweep has run
      const mark = stack.platform.journal.lastSeq()

      const response = await api<RefreshResult>('POST', '/refresh-shipments', { ids: [fresh.id, ANY_ID] })
      assert.equal(response.status, 200, JSON.stringify(response.body))
      assert.deepEqual(response.body, {
        refreshed: 1,
        results: [
          { id: fresh.id, status: 'IN_TRANSIT', state: 'active', error: null },
          { id: ANY_ID, status: null, state: null, error: 'not_found' },
        ],
      })
      assert.equal(carrierCalls(stack, 'correios', fresh.trackingNumber, mark).length, 1)
      const puts = orderWrites(stack, fresh.orderId, mark).filter((w) => w.method === 'PUT')
      assert.equal(puts.length, 1)
      const pkg = await orderPackage(stack, fresh.orderId)
      assert.deepEqual(
        pkg.courierStatus?.data.map((e) => e.description),
        ['Objeto postado', 'Objeto em trânsito - por favor aguarde']
      )
      assert.equal(pkg.courierStatus?.finished, false)
    })

    void it('refresh validates its body', async () => {
      const tooMany = Array.from({ length: 51 }, (_, i) => i.toString(16).padStart(40, '0'))
      for (const [body, reason] of [
        [{ ids: tooMany }, 'too_many_ids'],
        [{ ids: [] }, 'invalid_ids'],
        [{ ids: 'abc' }, 'invalid_ids'],
        [{}, 'invalid_ids'],
      ] as const) {
        const response = await api<{ error: string }>('POST', '/refresh-shipments', body)
        assert.equal(response.status, 400, JSON.stringify(body))
        assert.equal(response.body.error, reason)
      }
    })

    void it('correct the carrier: an unresolved shipment becomes active and due now', async () => {
      const mark = stack.platform.journal.lastSeq()
      const response = await api<{ shipment: ShipmentDetail }>('POST', `/shipments/${seeded.unresolved.id}/carrier`, {
        carrier: 'ups',
      })
      assert.equal(response.status, 200, JSON.stringify(response.body))
      const { shipment } = response.body
      assert.deepEqual(
        [shipment.carrier, shipment.carrierName, shipment.state, shipment.nextCheckReason, shipment.lastManualActionBy],
        ['ups', 'UPS', 'active', 'carrier_corrected', DEMO_ADMIN_EMAIL]
      )
      assert.ok(shipment.nextCheckAt !== null && shipment.nextCheckAt <= new Date().toISOString())
      assert.equal((await detail('unresolved')).carrier, 'ups', 'saved in the registry')

      // The next sweep asks UPS about it (UPS does not know this number: recorded as an error).
      assert.equal(await runSweep(stack), 200)
      assert.equal(carrierCalls(stack, 'ups', seeded.unresolved.trackingNumber, mark).length, 1)
      const after = await detail('unresolved')
      assert.equal(after.lastErrorReason, 'tracking_number_not_found')
      assert.equal(after.state, 'active')

      const bad = await api<{ error: string }>('POST', `/shipments/${seeded.unresolved.id}/carrier`, {
        carrier: 'pigeon',
      })
      assert.deepEqual([bad.status, bad.body.error], [400, 'invalid_carrier'])
      const noNumber = await api<{ error: string }>('POST', `/shipments/${seeded.awaiting.id}/carrier`, {
        carrier: 'correios',
      })
      assert.deepEqual([noNumber.status, noNumber.body.error], [400, 'no_tracking_number'])
      assert.equal((await api('POST', `/shipments/${ANY_ID}/carrier`, { carrier: 'ups' })).status, 404)
    })

    void it('mark delivered writes isDelivered and deliveredDate to the order and stops polling', async () => {
      const target = seeded.stuckLate
      const mark = stack.platform.journal.lastSeq()
      const response = await api<{ shipment: ShipmentDetail }>('POST', `/shipments/${target.id}/status`, {
        status: 'DELIVERED',
        deliveredAt: '2026-11-06T10:30:00-03:00',
      })
      assert.equal(response.status, 200, JSON.stringify(response.body))
      const { shipment } = response.body
      assert.deepEqual(
        [shipment.status, shipment.state, shipment.nextCheckAt, shipment.lastManualActionBy, shipment.deliveredAt],
        ['DELIVERED', 'done', null, DEMO_ADMIN_EMAIL, '2026-11-06T13:30:00.000Z']
      )
      assert.deepEqual(shipment.events.at(-1), {
        occurredAt: '2026-11-06T10:30:00-03:00',
        status: 'DELIVERED',
        carrierCode: 'MANUAL',
        description: 'Delivered (confirmed by the store)',
      })

      // The same Orders API tracking PUT a carrier check makes: every event plus the manual one.
      const puts = orderWrites(stack, target.orderId, mark).filter((w) => w.method === 'PUT')
      assert.equal(puts.length, 1)
      assert.ok(puts[0].path.endsWith(`/invoice/${target.invoiceNumber}/tracking`))
      const body = puts[0].body as {
        isDelivered: boolean
        deliveredDate: string
        events: Array<{ description: string }>
      }
      assert.equal(body.isDelivered, true)
      assert.equal(body.deliveredDate, '2026-11-06 10:30')
      assert.deepEqual(
        body.events.map((e) => e.description),
        ['Objeto postado', 'Delivered (confirmed by the store)']
      )
      const order = await call<{
        packageAttachment: { packages: Array<{ courierStatus: { finished: boolean; deliveredDate?: string } }> }
      }>(stack, 'GET', `/_emulator/orders/${target.orderId}`)
      const courierStatus = order.body.packageAttachment.packages[0].courierStatus
      assert.equal(courierStatus.finished, true)
      assert.equal(typeof courierStatus.deliveredDate, 'string')

      // Polling stopped: days later, a sweep leaves it alone.
      stack.clock.advance(24 * HOUR)
      assert.equal(await runSweep(stack), 200)
      assert.equal(carrierCalls(stack, 'correios', target.trackingNumber, mark).length, 0)
      assert.equal((await detail('stuckLate')).status, 'DELIVERED')
    })

    void it('set status: a non-final status goes to the order and polling goes on; EXPIRED/UNKNOWN refused', async () => {
      const target = seeded.exception
      const mark = stack.platform.journal.lastSeq()
      const response = await api<{ shipment: ShipmentDetail }>('POST', `/shipments/${target.id}/status`, {
        status: 'ATTEMPT_FAIL',
        customerMessage: 'We will redeliver on Monday',
        internalNote: 'Customer asked to redeliver on Monday; was upset',
      })
      assert.equal(response.status, 200, JSON.stringify(response.body))
      assert.deepEqual(
        [response.body.shipment.status, response.body.shipment.state, response.body.shipment.nextCheckReason],
        ['ATTEMPT_FAIL', 'active', 'manual_status']
      )
      const put = orderWrites(stack, target.orderId, mark).find((w) => w.method === 'PUT')
      const body = put?.body as { isDelivered: boolean; events: Array<{ description: string }> } | undefined
      assert.equal(body?.isDelivered, false)
      assert.equal(body?.events.at(-1)?.description, 'We will redeliver on Monday')
      assert.ok(!JSON.stringify(put?.body).includes('upset'), 'the internal note never reaches the order')
      const log = response.body.shipment.adminLog?.at(-1)
      assert.deepEqual(log && log.action === 'set_status' ? [log.by, log.note] : [], [
        DEMO_ADMIN_EMAIL,
        'Customer asked to redeliver on Monday; was upset',
      ])
      const oldField = await api<{ error: string }>('POST', `/shipments/${target.id}/status`, {
        status: 'IN_TRANSIT',
        note: 'which one?',
      })
      assert.deepEqual([oldField.status, oldField.body.error], [400, 'invalid_status'])

      for (const status of ['EXPIRED', 'UNKNOWN']) {
        const refused = await api<{ error: string }>('POST', `/shipments/${target.id}/status`, { status })
        assert.deepEqual([refused.status, refused.body.error], [400, 'status_not_allowed'], status)
      }
      const noNumber = await api<{ error: string }>('POST', `/shipments/${seeded.awaiting.id}/status`, {
        status: 'DELIVERED',
      })
      assert.deepEqual([noNumber.status, noNumber.body.error], [400, 'no_tracking_number'])
      assert.equal(orderWrites(stack, seeded.awaiting.orderId, mark).length, 0)
    })

    void it('CSV export of the current filter', async () => {
      // No tz in the link: the store's zone (the emulated sales channel's, São Paulo by default).
      const response = await raw('/shipments.csv?carrier=correios')
      assert.equal(response.status, 200)
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8')
      assert.match(
        response.headers.get('content-disposition') ?? '',
        /^attachment; filename="shipments-\d{4}-\d{2}-\d{2}\.csv"$/
      )
      assert.equal(response.headers.get('x-export-truncated'), 'false')
      const text = (await response.text()).replace(/^\uFEFF/, '')
      const lines = text.trimEnd().split('\r\n')
      assert.ok(lines[0].startsWith('Shipment ID,Order,Invoice,Tracking number,Carrier,'), lines[0])
      assert.match(lines[0], /Invoiced at \(America\/Sao_Paulo\)/)
      assert.ok(lines[0].endsWith(',Tracking page,Order in the VTEX admin'))
      const rows = lines.slice(1)
      // delivered, stuckLate, exception, awaiting (courier mapped) and refreshMe.
      assert.equal(rows.length, 5, text)
      assert.ok(rows.every((row) => row.includes(',Correios,')))
      const late = rows.find((row) => row.startsWith(`${seeded.stuckLate.id},${seeded.stuckLate.orderId},`))
      assert.ok(late?.endsWith(`,https://acme.myvtex.com/admin/orders/${seeded.stuckLate.orderId}`), late)
      assert.ok(late?.includes(',https://rastreamento.correios.com.br/'), 'the tracking page')
      assert.match(late ?? '', /,2026-11-02 09:00,/, 'invoice time as a plain local time of the store')
      const utc = await raw('/shipments.csv?carrier=correios&tz=UTC')
      assert.match((await utc.text()).split('\r\n')[0], /Invoiced at \(UTC\)/, 'a tz in the link wins')

      // In Portuguese, in the store's zone, separated by semicolons: labels, not status codes.
      const pt = await raw(`/shipments.csv?carrier=correios&locale=pt&tz=America%2FSao_Paulo`)
      const ptLines = (await pt.text())
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n')
      assert.ok(ptLines[0].startsWith('ID do envio;Pedido;Nota fiscal;Código de rastreio;Transportadora;'), ptLines[0])
      const ptLate = ptLines.find((row) => row.startsWith(`${seeded.stuckLate.id};`)) ?? ''
      assert.match(ptLate, /;2026-11-02 09:00;/, 'invoiced at noon UTC = 09:00 in São Paulo')
      assert.ok(!/;(PENDING|INFO_RECEIVED|IN_TRANSIT|EXCEPTION|DELIVERED);/.test(ptLines.join('\n')), 'no status codes')
      const comma = await raw('/shipments.csv?carrier=correios&locale=es&sep=comma')
      assert.match((await comma.text()).split('\r\n')[0], /^\uFEFF?ID del envío,Pedido,Factura,/)

      const refused = await api<{ error: string }>('GET', '/shipments.csv?status=LOST')
      assert.deepEqual([refused.status, refused.body.error], [400, 'invalid_filter'])
    })

    void it('CSV export stops at 10,000 rows and says so', async () => {
      const docs = Array.from({ length: 10_005 }, (_, i) => ({
        id: `bulk${String(i).padStart(36, '0')}`,
        orderId: `B${i}-01`,
        invoiceNumber: `NF-B${i}`,
        trackingNumber: null,
        carrier: null,
        state: 'done',
        status: 'RETURNED',
        invoicedAt: new Date(Date.parse('2026-09-01T00:00:00Z') + i * 60_000).toISOString(),
        consecutiveErrors: 0,
        events: [],
      }))
      stack.platform.masterdata.bulkInsert({ account: stack.account, entity: SHIPMENT_ENTITY }, docs)
      const response = await raw('/shipments.csv?status=RETURNED')
      assert.equal(response.status, 200)
      assert.deepEqual(
        ['x-export-total', 'x-export-rows', 'x-export-truncated'].map((h) => response.headers.get(h)),
        ['10005', '10000', 'true']
      )
      const lines = (await response.text()).trimEnd().split('\r\n')
      bodies.push(lines.join('\n'))
      assert.equal(lines.length, 1 + 10_000 + 1)
      assert.equal(lines.at(-1), '# truncated: 10000 of 10005 shipments exported; narrow the filter to export the rest')
    })
  })

  void describe('identity', () => {
    void it('finds a number invoiced with spaces and lower case by its normalized form, and shows both', async () => {
      const typed = 'on 7310 00764 br'
      const spaced = await seed('spaced', { trackingNumber: typed, courier: 'Correios SEDEX' })
      const ids = async (q: string): Promise<string[]> =>
        (await list(`?q=${encodeURIComponent(q)}`)).items.map((s) => s.id)
      for (const q of ['ON731000764BR', 'on731000764br', typed, 'ON-7310-00764-BR', 'ON7310']) {
        assert.deepEqual(await ids(q), [spaced.id], q)
      }
      const shipment = await detail('spaced')
      assert.deepEqual([shipment.trackingNumber, shipment.trackingNumberRaw], ['ON731000764BR', typed])
      assert.equal(shipment.carrier, 'correios')
      // The invoice keeps what the store typed.
      assert.equal((await orderPackage(stack, spaced.orderId)).trackingNumber, typed)
    })
  })

  void describe('secrets', () => {
    void it('no response ever contains a carrier credential, even when a carrier echoes one', async () => {
      // Correios rejects a request and echoes the contract user and access code in its message.
      const { user, accessCode } = SIMULATOR_CREDENTIALS.correios
      await call(stack, 'POST', '/_emulator/faults', {
        host: 'api.correios.com.br',
        pathIncludes: '/srorastro/',
        status: 400,
        times: 1,
        body: { msgs: [`Usuário ${user} / código ${accessCode} sem acesso ao serviço de rastro`] },
      })
      const refreshed = await api<RefreshResult>('POST', '/refresh-shipments', { ids: [seeded.exception.id] })
      assert.equal(refreshed.body.results[0].error, 'carrier_rejected_request')
      const shipment = await detail('exception')
      assert.match(shipment.lastErrorMessage ?? '', /sem acesso/)
      const overview = await api<Overview>('GET', '/overview')
      assert.match(overview.body.carriers[0].lastError ?? '', /carrier_rejected_request/)
      await api('GET', '/shipments?carrier=correios')
      await api('GET', '/charts')
      bodies.push(await (await raw('/shipments.csv')).text())

      const secrets = Object.values(SIMULATOR_CREDENTIALS).flatMap((c) => Object.values(c) as string[])
      assert.ok(bodies.length > 80, `checked ${bodies.length} responses`)
      for (const secret of secrets) {
        const leaks = bodies.filter((body) => body.includes(secret))
        assert.equal(leaks.length, 0, `${secret} leaked in: ${leaks[0]?.slice(0, 300)}`)
      }
    })
  })
})
