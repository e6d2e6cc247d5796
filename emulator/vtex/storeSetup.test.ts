import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { ContractGate, LOGISTICS_API } from '../contractGate'
import type { EmuRequest, EmuResponse } from '../http'
import { createStoreSetup } from './storeSetup'

const AUTH = { vtexidclientautcookie: 'app-token' }

const request = (method: string, path: string, headers: Record<string, string> = AUTH, body?: unknown): EmuRequest => {
  const url = new URL(`http://portal.vtexcommercestable.com.br${path}`)
  return {
    method,
    host: url.host,
    path: url.pathname,
    query: url.searchParams,
    headers,
    rawBody: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
    body,
  }
}

void describe('emulated store calendar (Catalog sales channels, Logistics holidays)', () => {
  const setup = createStoreSetup()
  const gate = new ContractGate()
  const module = gate.wrap(setup.module, LOGISTICS_API)
  const call = async (req: EmuRequest): Promise<EmuResponse> => {
    const response = await module.handle(req)
    assert.ok(response, `${req.method} ${req.path} is served`)
    return response
  }

  void it('refuses calls without the app token or the account, as VTEX does', async () => {
    assert.equal((await call(request('GET', '/api/catalog_system/pvt/saleschannel/list?an=store', {}))).status, 401)
    assert.equal((await call(request('GET', '/api/logistics/pvt/configuration/holidays?an=store', {}))).status, 401)
    assert.equal((await call(request('GET', '/api/logistics/pvt/configuration/holidays'))).status, 400)
  })

  void it("answers each account's sales channel with its Windows zone name", async () => {
    const before = await call(request('GET', '/api/catalog_system/pvt/saleschannel/list?an=store'))
    assert.equal((before.body as Array<{ TimeZone: string }>)[0].TimeZone, 'E. South America Standard Time')
    assert.equal(setup.setTimeZone('store', 'America/Mexico_City'), 'Central Standard Time (Mexico)')
    const after = await call(request('GET', '/api/catalog_system/pvt/saleschannel/list?an=store'))
    assert.equal((after.body as Array<{ TimeZone: string }>)[0].TimeZone, 'Central Standard Time (Mexico)')
    const other = await call(request('GET', '/api/catalog_system/pvt/saleschannel/list?an=other'))
    assert.equal((other.body as Array<{ TimeZone: string }>)[0].TimeZone, 'E. South America Standard Time')
    assert.throws(() => setup.setTimeZone('store', 'Mars/Olympus'), /unknown zone/)
  })

  void it('keeps holidays per account through the documented PUT, GET and DELETE', async () => {
    const put = await call(
      request('PUT', '/api/logistics/pvt/configuration/holidays/finados?an=store', AUTH, {
        name: 'Finados',
        startDate: '2026-11-02',
      })
    )
    assert.equal(put.status, 200)
    const list = await call(request('GET', '/api/logistics/pvt/configuration/holidays?an=store'))
    assert.deepEqual(list.body, [{ id: 'finados', name: 'Finados', startDate: '2026-11-02T00:00:00' }])
    assert.deepEqual((await call(request('GET', '/api/logistics/pvt/configuration/holidays?an=other'))).body, [])
    assert.equal((await call(request('GET', '/api/logistics/pvt/configuration/holidays/nope?an=store'))).status, 404)
    assert.equal(
      (await call(request('DELETE', '/api/logistics/pvt/configuration/holidays/finados?an=store'))).status,
      204
    )
    assert.deepEqual((await call(request('GET', '/api/logistics/pvt/configuration/holidays?an=store'))).body, [])
  })

  void it('refuses what the Logistics contract does not document', async () => {
    const missing = await call(
      request('PUT', '/api/logistics/pvt/configuration/holidays/x?an=store', AUTH, { name: 'X' })
    )
    assert.equal(missing.status, 400)
    const post = await call(request('POST', '/api/logistics/pvt/configuration/holidays?an=store', AUTH, {}))
    assert.equal(post.status, 400)
    assert.equal(gate.take().length, 2)
  })
})
