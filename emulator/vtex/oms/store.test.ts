import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, it } from 'node:test'

import Database from 'better-sqlite3'

import { loadSpec, validateResponse } from '../../../test/openapi'
import { installClock, SimClock, uninstallClock } from '../../clock'
import { OrderStore } from './store'
import { invoiceFor, trackingBody, trackingNumberBody } from './testing'
import type { OmsError, OrderDocument } from './types'

const spec = loadSpec('VTEX - Orders API.json')
const newStore = (): OrderStore => new OrderStore(new Database(':memory:'))

/** Every order the store hands out must be a valid GetOrder response. */
function assertValidOrder(order: OrderDocument | undefined): OrderDocument {
  assert.ok(order, 'order exists')
  assert.deepEqual(validateResponse(spec, 'get', '/api/oms/pvt/orders/{orderId}', 200, order), [])
  return order
}

const omsError = (status: number, message: RegExp) => (error: unknown) => {
  assert.equal((error as OmsError).name, 'OmsError')
  assert.equal((error as OmsError).status, status)
  assert.match((error as OmsError).message, message)
  return true
}

void describe('OrderStore.createOrder', () => {
  afterEach(() => uninstallClock())

  void it('builds a full, spec-valid order ready for handling', () => {
    const store = newStore()
    const order = assertValidOrder(store.createOrder('acme'))
    assert.match(order.orderId, /^\d{13}-01$/)
    assert.match(order.sequence, /^\d{6}$/)
    assert.ok(order.orderId.startsWith(`${order.orderId.slice(0, 7)}${order.sequence}`))
    assert.equal(order.status, 'ready-for-handling')
    assert.equal(order.origin, 'Fulfillment')
    assert.equal(order.hostname, 'acme')
    assert.equal(order.invoicedDate, null)
    assert.deepEqual(order.packageAttachment, { packages: [] })
    assert.match(order.clientProfileData.email, /@/)
    const info = order.shippingData.logisticsInfo[0]
    assert.equal(info.deliveryCompany, 'Correios SEDEX')
    assert.equal(info.shippingEstimate, '5bd')
    assert.equal(
      order.value,
      order.totals.reduce((sum, total) => sum + total.value, 0)
    )
  })

  void it('uses what the test chooses: items, courier, estimate, address, email, origin', () => {
    const store = newStore()
    const order = assertValidOrder(
      store.createOrder('acme', {
        orderId: '1268540501456-01',
        origin: 'Marketplace',
        status: 'handling',
        items: [
          { id: 'sku-1', name: 'Boots', quantity: 2, price: 10000 },
          { id: 'sku-2', name: 'Socks', quantity: 1, price: 990 },
        ],
        courier: 'UPS Ground',
        shippingEstimateDays: 3,
        shippingPrice: 2500,
        country: 'USA',
        city: 'Denver',
        state: 'CO',
        email: 'buyer@example.com',
        firstName: 'Jane',
        lastName: 'Doe',
        creationDate: '2024-03-01T12:00:00.000Z',
      })
    )
    assert.equal(order.orderId, '1268540501456-01')
    assert.equal(order.status, 'handling')
    assert.equal(order.origin, 'Marketplace')
    assert.deepEqual(
      order.items.map((item) => [item.id, item.quantity, item.price]),
      [
        ['sku-1', 2, 10000],
        ['sku-2', 1, 990],
      ]
    )
    assert.equal(order.value, 20000 + 990 + 2500)
    assert.equal(order.storePreferencesData.currencyCode, 'USD')
    assert.deepEqual(
      [order.shippingData.address.city, order.shippingData.address.state, order.shippingData.address.country],
      ['Denver', 'CO', 'USA']
    )
    assert.equal(order.clientProfileData.email, 'buyer@example.com')
    assert.equal(order.shippingData.logisticsInfo.length, 2)
    for (const info of order.shippingData.logisticsInfo) {
      assert.equal(info.deliveryCompany, 'UPS Ground')
      assert.equal(info.shippingEstimate, '3bd')
      // Friday 2024-03-01 + 3 business days = Wednesday 2024-03-06.
      assert.equal(info.shippingEstimateDate, '2024-03-06T12:00:00.0000000+00:00')
    }
    assert.equal(order.creationDate, '2024-03-01T12:00:00.0000000+00:00')
  })

  void it('dates the order with the simulated clock when one is installed', () => {
    installClock(new SimClock(Date.parse('2030-01-02T03:04:05.678Z')))
    const order = newStore().createOrder('acme')
    assert.ok(order.creationDate.startsWith('2030-01-02T03:04:0'), order.creationDate)
    assert.equal(order.lastChange, order.creationDate)
  })

  void it('numbers orders per account and refuses a duplicate id', () => {
    const store = newStore()
    const first = store.createOrder('acme')
    const second = store.createOrder('acme')
    const other = store.createOrder('globex')
    assert.equal(Number(second.sequence), Number(first.sequence) + 1)
    assert.equal(other.sequence, first.sequence)
    assert.notEqual(other.orderId, first.orderId)
    assert.throws(() => store.createOrder('acme', { orderId: first.orderId }), omsError(409, /already exists/))
    assert.throws(() => store.createOrder('acme', { items: [{ quantity: 0 }] }), omsError(400, /quantity/))
  })

  void it('finds orders by id or by seq{sequence}, only in their own account', () => {
    const store = newStore()
    const order = store.createOrder('acme')
    assert.equal(store.getOrder('acme', `seq${order.sequence}`)?.orderId, order.orderId)
    assert.equal(store.getOrder('globex', order.orderId), undefined)
    assert.equal(store.getOrder('acme', 'nope-01'), undefined)
  })

  void it('persists in SQLite: a new store over the same file sees the orders and goes on numbering', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-store-'))
    const file = path.join(dir, 'oms.sqlite')
    try {
      const db = new Database(file)
      const created = new OrderStore(db).createOrder('acme')
      db.close()
      const reopened = new Database(file)
      const store = new OrderStore(reopened)
      assert.deepEqual(store.getOrder('acme', created.orderId), created)
      assert.equal(Number(store.createOrder('acme').sequence), Number(created.sequence) + 1)
      const tables = reopened.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
      assert.ok(tables.every((table) => table.name.startsWith('oms_')))
      reopened.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

void describe('OrderStore write endpoints', () => {
  void it('invoice: Output moves the order to invoiced and reports the transition', () => {
    const store = newStore()
    const order = store.createOrder('acme')
    const result = store.invoice('acme', order.orderId, invoiceFor(order))
    assert.equal(result.receipt.orderId, order.orderId)
    assert.match(result.receipt.receipt, /^[0-9a-f]{32}$/)
    assert.equal(result.transition?.lastState, 'ready-for-handling')
    assert.equal(result.transition?.currentState, 'invoiced')
    const saved = assertValidOrder(store.getOrder('acme', order.orderId))
    assert.equal(saved.status, 'invoiced')
    assert.ok(saved.invoicedDate)
    assert.equal(result.transition?.lastChangeDate.slice(0, 23), saved.creationDate.slice(0, 23))
    const [pkg] = saved.packageAttachment.packages
    assert.equal(pkg.invoiceValue, order.value)
    assert.equal(pkg.invoiceNumber, 'NF-000123')
    assert.equal(pkg.type, 'Output')
    assert.equal(pkg.trackingNumber, '')
    assert.equal(pkg.courierStatus, null)
    assert.deepEqual(pkg.items, [
      { itemIndex: 0, quantity: 1, price: order.items[0].price, description: null, unitMultiplier: 1 },
    ])
  })

  void it('invoice: the same number again overrides; other invoices add packages without a new transition', () => {
    const store = newStore()
    const order = store.createOrder('acme')
    store.invoice('acme', order.orderId, invoiceFor(order))
    const again = store.invoice('acme', order.orderId, invoiceFor(order, { invoiceValue: '100', courier: 'Jadlog' }))
    assert.equal(again.transition, undefined)
    const input = store.invoice('acme', order.orderId, invoiceFor(order, { type: 'Input', invoiceNumber: 'RET-1' }))
    assert.equal(input.transition, undefined)
    const packages = assertValidOrder(store.getOrder('acme', order.orderId)).packageAttachment.packages
    assert.deepEqual(
      packages.map((pkg) => [pkg.invoiceNumber, pkg.invoiceValue, pkg.type, pkg.courier]),
      [
        ['NF-000123', 100, 'Output', 'Jadlog'],
        ['RET-1', order.value, 'Input', ''],
      ]
    )
  })

  void it('invoice: partial Output invoices leave the order in its state until they reach its value', () => {
    const store = newStore()
    const order = store.createOrder('acme')
    const first = Math.floor(order.value / 3)
    const one = store.invoice(
      'acme',
      order.orderId,
      invoiceFor(order, { invoiceNumber: 'NF-1', invoiceValue: String(first) })
    )
    assert.equal(one.transition, undefined, 'no broadcast for a partial invoice')
    const afterOne = assertValidOrder(store.getOrder('acme', order.orderId))
    assert.equal(afterOne.status, 'ready-for-handling')
    assert.equal(afterOne.invoicedDate, null)
    assert.equal(afterOne.packageAttachment.packages.length, 1)
    // A return invoice does not count towards the order value.
    const input = invoiceFor(order, { type: 'Input', invoiceNumber: 'RET-1', invoiceValue: String(order.value) })
    assert.equal(store.invoice('acme', order.orderId, input).transition, undefined)
    const rest = String(order.value - first)
    const two = store.invoice('acme', order.orderId, invoiceFor(order, { invoiceNumber: 'NF-2', invoiceValue: rest }))
    assert.equal(two.transition?.currentState, 'invoiced')
    assert.equal(two.transition?.lastState, 'ready-for-handling')
    const saved = assertValidOrder(store.getOrder('acme', order.orderId))
    assert.equal(saved.status, 'invoiced')
    assert.deepEqual(
      saved.packageAttachment.packages.map((pkg) => pkg.invoiceNumber),
      ['NF-1', 'RET-1', 'NF-2']
    )
  })

  void it('invoice: an Input (return) invoice alone does not invoice the order', () => {
    const store = newStore()
    const order = store.createOrder('acme')
    const result = store.invoice('acme', order.orderId, invoiceFor(order, { type: 'Input' }))
    assert.equal(result.transition, undefined)
    assert.equal(store.getOrder('acme', order.orderId)?.status, 'ready-for-handling')
  })

  void it('invoice: rejects what OMS rejects, and changes nothing', () => {
    const store = newStore()
    const order = store.createOrder('acme')
    const reject = (overrides: Parameters<typeof invoiceFor>[1], status: number, message: RegExp): void =>
      assert.throws(() => store.invoice('acme', order.orderId, invoiceFor(order, overrides)), omsError(status, message))
    reject({ invoiceValue: '24.99' }, 400, /invoiceValue must be a string of cents greater than 0/)
    reject({ invoiceValue: '0' }, 400, /greater than 0/)
    reject({ invoiceNumber: null }, 400, /invoiceNumber is required/)
    reject({ issuanceDate: 'yesterday' }, 400, /issuanceDate is not a valid date/)
    reject({ items: [{ id: 'ghost', price: 1, quantity: 1 }] }, 400, /Item ghost is not part of order/)
    assert.throws(() => store.invoice('acme', 'nope-01', invoiceFor(order)), omsError(404, /not found/))
    assert.deepEqual(store.getOrder('acme', order.orderId), order)
  })

  void it('patchInvoice: sets the tracking number without a status change; unknown invoice is 404', () => {
    const store = newStore()
    const order = store.createOrder('acme')
    store.invoice('acme', order.orderId, invoiceFor(order))
    const receipt = store.patchInvoice('acme', order.orderId, 'NF-000123', trackingNumberBody)
    assert.equal(receipt.orderId, order.orderId)
    const saved = assertValidOrder(store.getOrder('acme', order.orderId))
    assert.equal(saved.status, 'invoiced')
    const [pkg] = saved.packageAttachment.packages
    assert.deepEqual(
      [pkg.trackingNumber, pkg.trackingUrl, pkg.courier],
      [trackingNumberBody.trackingNumber, trackingNumberBody.trackingUrl, trackingNumberBody.courier]
    )
    store.patchInvoice('acme', order.orderId, 'NF-000123', { ...trackingNumberBody, courier: null, trackingUrl: null })
    const kept = store.getOrder('acme', order.orderId)?.packageAttachment.packages[0]
    assert.deepEqual([kept?.courier, kept?.trackingUrl], [trackingNumberBody.courier, null])
    assert.throws(
      () => store.patchInvoice('acme', order.orderId, 'NF-404', trackingNumberBody),
      omsError(404, /Invoice Not Found/)
    )
  })

  void it('putTracking: needs a tracking number first, then stores the events as courierStatus', () => {
    const store = newStore()
    const order = store.createOrder('acme')
    store.invoice('acme', order.orderId, invoiceFor(order))
    assert.throws(
      () => store.putTracking('acme', order.orderId, 'NF-000123', trackingBody),
      omsError(409, /has no tracking number yet/)
    )
    store.patchInvoice('acme', order.orderId, 'NF-000123', trackingNumberBody)
    store.putTracking('acme', order.orderId, 'NF-000123', trackingBody)
    let status = assertValidOrder(store.getOrder('acme', order.orderId)).packageAttachment.packages[0].courierStatus
    assert.equal(status?.finished, false)
    assert.equal(status?.deliveredDate, undefined)
    assert.deepEqual(
      status?.data.map((event) => [event.city, event.state, event.description, event.createDate]),
      [
        ['Rio de Janeiro', 'RJ', 'Coletado pela transportadora', '2015-06-23T00:00:00.0000000+00:00'],
        ['Sao Paulo', 'SP', 'A caminho de Curitiba', '2015-06-24T00:00:00.0000000+00:00'],
      ]
    )
    store.putTracking('acme', order.orderId, 'NF-000123', {
      ...trackingBody,
      isDelivered: true,
      deliveredDate: '2015-06-26 14:05',
    })
    const delivered = assertValidOrder(store.getOrder('acme', order.orderId))
    status = delivered.packageAttachment.packages[0].courierStatus
    assert.equal(status?.finished, true)
    assert.equal(status?.deliveredDate, '2015-06-26T14:05:00.0000000+00:00')
    assert.equal(delivered.status, 'invoiced')
    assert.throws(
      () => store.putTracking('acme', order.orderId, 'NF-000123', { ...trackingBody, deliveredDate: 'soon' }),
      omsError(400, /deliveredDate is not a valid date/)
    )
  })
})
