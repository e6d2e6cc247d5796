/**
 * The store's calendar through the real runtime: the sales channel's time zone (Catalog) and the
 * store's holidays (Logistics) set per account in the emulator, read by the app, and used for the
 * business-day promise, the overdue queue, day filters, chart days and CSV times.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { SimClock } from '../../emulator/clock'
import type { Stack } from '../../emulator/stack'
import { DEMO_ADMIN_TOKEN } from '../../emulator/vtex/vtexid'
import type { Charts } from '../../node/services/admin/charts'
import type { ShipmentPageView } from '../../node/services/admin/listShipments'
import type { Overview } from '../../node/services/admin/overview'
import type { ShipmentDetail } from '../../node/services/admin/shipmentViews'
import { shipmentId } from '../../node/registry/shipmentId'
import { call, correiosNumber, platformRequest, startTestStack } from './harness'

const BASE = '/_v/private/order-tracking/admin'
const ADMIN = { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}`, 'x-order-tracking-admin': '1' }

void describe('store calendar: time zone and holidays from the account', () => {
  let stack: Stack & { clock: SimClock }
  let id = ''
  const api = async <T>(route: string): Promise<T> => {
    const response = await call<T>(stack, 'GET', BASE + route, undefined, ADMIN)
    assert.equal(response.status, 200, `${route}: ${JSON.stringify(response.body)}`)
    return response.body
  }
  const moveTo = async (iso: string): Promise<void> => {
    stack.clock.advance(Date.parse(iso) - Date.now())
    await stack.platform.scheduler.tick()
    await stack.platform.settle()
  }

  before(async () => {
    stack = await startTestStack()
    // Before the app first reads them (it caches them for an hour).
    const zone = await call(stack, 'PUT', '/_emulator/store/time-zone', { timeZone: 'America/Mexico_City' })
    assert.equal(zone.status, 200)
    // Monday 2026-11-16 is a store holiday, written through the Logistics API as the merchant's tools do.
    const holiday = await platformRequest(
      stack,
      'PUT',
      'portal.vtexcommercestable.com.br',
      '/api/logistics/pvt/configuration/holidays/revolucion',
      { name: 'Día de la Revolución', startDate: '2026-11-16' }
    )
    assert.equal(holiday.status, 200, JSON.stringify(holiday.body))

    // Friday 2026-11-13 at 20:00 in Mexico City (02:00 on Saturday in UTC).
    await moveTo('2026-11-13T20:00:00-06:00')
    const trackingNumber = correiosNumber(4242)
    const order = await call<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
      courier: 'Correios SEDEX',
      shippingEstimateDays: 3,
      shippingEstimateDated: false,
    })
    assert.equal(order.status, 201)
    await call(stack, 'POST', '/_emulator/shipments', { carrier: 'correios', trackingNumber, story: 'stuck' })
    const invoiceNumber = 'NF-4242'
    const invoiced = await call(stack, 'POST', `/_emulator/orders/${order.body.orderId}/invoice`, {
      courier: 'Correios SEDEX',
      trackingNumber,
      invoiceNumber,
    })
    assert.equal(invoiced.status, 200, JSON.stringify(invoiced.body))
    await stack.platform.settle()
    id = shipmentId(order.body.orderId, invoiceNumber)
  })

  after(async () => {
    await stack.stop()
  })

  void it("reads the store's zone from the sales channel", async () => {
    const overview = await api<Overview>('/overview')
    assert.equal(overview.store.timeZone, 'America/Mexico_City')
    assert.equal(overview.store.timeZoneSource, 'sales_channel')
    assert.deepEqual(overview.store.holidays, ['2026-11-16'])
  })

  void it('promises 3 business days after a Friday invoice past the Monday holiday: end of Thursday, store time', async () => {
    const { shipment } = await api<{ shipment: ShipmentDetail }>(`/shipments/${id}`)
    assert.equal(shipment.promisedDelivery, '2026-11-20T05:59:59.999Z')
  })

  void it("filters and charts invoice days in the store's zone", async () => {
    const friday = await api<ShipmentPageView>('/shipments?from=2026-11-13&to=2026-11-13')
    assert.equal(friday.total, 1, 'invoiced on Friday in Mexico City')
    const saturday = await api<ShipmentPageView>('/shipments?from=2026-11-14&to=2026-11-14')
    assert.equal(saturday.total, 0, 'although it was Saturday in UTC')
    const charts = await api<Charts>('/charts')
    assert.equal(charts.timeZone, 'America/Mexico_City')
    assert.equal(charts.days[charts.days.length - 1].date, '2026-11-13')
    const counted = charts.days.find((day) => day.date === '2026-11-13')
    assert.equal(
      Object.values(counted?.byStatus ?? {}).reduce((a, b) => a + (b ?? 0), 0),
      1
    )
  })

  void it('writes CSV times in the store zone when the link names none', async () => {
    const csv = await call<string>(stack, 'GET', `${BASE}/shipments.csv?locale=en`, undefined, ADMIN)
    assert.equal(csv.status, 200)
    assert.match(csv.body, /Invoiced at \(America\/Mexico_City\)/)
    assert.match(csv.body, /2026-11-13 20:00/)
  })

  void it('is not overdue on Wednesday morning, nor on Thursday evening; it is on Friday', async () => {
    await moveTo('2026-11-18T09:00:00-06:00')
    assert.equal((await api<ShipmentPageView>('/shipments?view=overdue')).total, 0, 'Wednesday morning')
    await moveTo('2026-11-19T21:00:00-06:00')
    assert.equal((await api<Overview>('/overview')).attention.overdue, 0, 'Thursday evening')
    await moveTo('2026-11-20T09:00:00-06:00')
    assert.equal((await api<ShipmentPageView>('/shipments?view=overdue')).total, 1, 'Friday morning')
    assert.equal((await api<Overview>('/overview')).attention.overdue, 1)
  })
})
