import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import Database from 'better-sqlite3'

import { ContractGate, MASTER_DATA_API, ORDERS_API } from './contractGate'
import type { EmuModule } from './http'
import { createMasterDataModule, MasterDataStore } from './vtex/masterdata'
import { createOmsModule, OrderStore } from './vtex/oms'
import { invoiceFor, omsRequest } from './vtex/oms/testing'

const setup = () => {
  const gate = new ContractGate()
  const store = new OrderStore(new Database(':memory:'))
  const oms = gate.wrap(createOmsModule({ store, onStateChange: () => undefined }), ORDERS_API)
  const md = gate.wrap(createMasterDataModule(new MasterDataStore(new Database(':memory:'))), MASTER_DATA_API)
  return { gate, store, oms, md }
}
const send = (module: EmuModule, method: string, path: string, body?: unknown, host?: string) =>
  Promise.resolve(module.handle(omsRequest(method, path, { body, host })))

void describe('ContractGate', () => {
  void it('serves requests the Orders API contract accepts, and records nothing', async () => {
    const { gate, store, oms } = setup()
    const order = store.createOrder('acme')
    assert.equal((await send(oms, 'GET', `/api/oms/pvt/orders/${order.orderId}`))?.status, 200)
    assert.equal(
      (await send(oms, 'POST', `/api/oms/pvt/orders/${order.orderId}/invoice`, invoiceFor(order)))?.status,
      200
    )
    assert.equal((await send(oms, 'GET', '/api/oms/pvt/orders?f_status=invoiced&per_page=100'))?.status, 200)
    assert.deepEqual(gate.violations(), [])
  })

  void it('refuses and records a body outside the schema, before the module sees it', async () => {
    const { gate, store, oms } = setup()
    const order = store.createOrder('acme')
    const { items: _items, ...withoutItems } = invoiceFor(order)
    const refused = await send(oms, 'POST', `/api/oms/pvt/orders/${order.orderId}/invoice`, withoutItems)
    assert.equal(refused?.status, 400)
    assert.match(JSON.stringify(refused?.body), /must have required property 'items'/)
    assert.equal(store.getOrder('acme', order.orderId)?.status, 'ready-for-handling', 'nothing was served')
    const [violation] = gate.violations()
    assert.equal(violation.module, 'oms')
    assert.equal(violation.method, 'POST')
    assert.match(violation.errors.join(), /items/)
  })

  void it('refuses operations the contract does not have, in the API error shape', async () => {
    const { gate, oms, md } = setup()
    const notInOms = await send(oms, 'DELETE', '/api/oms/pvt/orders/123-01')
    assert.equal(notInOms?.status, 400)
    assert.match((notInOms?.body as { error: { message: string } }).error.message, /not an operation/)
    // @vtex/api's createOrUpdateEntireDocument (PUT without an id) is not in the v2 contract.
    const notInMd = await send(md, 'PUT', '/api/dataentities/shipment/documents?an=acme', { id: 'x' }, 'api.vtex.com')
    assert.equal(notInMd?.status, 400)
    assert.match(
      (notInMd?.body as { Message: string }).Message,
      /not an operation of VTEX - Master Data API - v2\.json/
    )
    assert.equal(gate.take().length, 2)
    assert.deepEqual(gate.violations(), [], 'take() forgets what it returned')
  })

  void it('leaves requests outside its APIs to the module', async () => {
    const { gate, oms } = setup()
    assert.equal(await send(oms, 'GET', '/api/catalog/pvt/product/1', undefined, 'api.correios.com.br'), undefined)
    assert.deepEqual(gate.violations(), [])
  })
})
