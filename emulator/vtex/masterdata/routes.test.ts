/** The module's HTTP contract on the wire: hosts, auth, status codes, bodies and headers. */
import assert from 'node:assert/strict'
import http from 'node:http'
import { after, before, describe, it } from 'node:test'

import Database from 'better-sqlite3'

import { loadSpec, matchOperation, validateResponse } from '../../../test/openapi'
import type { RunningServer } from '../../proxy'
import { startProxyServer } from '../../proxy'
import { createMasterDataModule } from './module'
import { MasterDataStore } from './store'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: unknown
}

const AUTH = { VtexIdclientAutCookie: 'APP-TOKEN' }
const KEYS = { 'X-VTEX-API-AppKey': 'key', 'X-VTEX-API-AppToken': 'token' }

void describe('Master Data module over HTTP', () => {
  let server: RunningServer
  const store = new MasterDataStore(new Database(':memory:'))

  /** Sends an absolute-URI request through the proxy, as an app behind HTTP_PROXY does. */
  const call = (method: string, url: string, headers: Record<string, string> = AUTH, body?: unknown): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body)
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method,
          path: url,
          headers: { ...headers, 'content-type': 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: text ? (JSON.parse(text) as unknown) : undefined,
            })
          })
        }
      )
      req.on('error', reject)
      req.end(payload)
    })
  const api = (path: string): string => `http://api.vtex.com/api/dataentities/shipment/${path}`

  before(async () => {
    server = await startProxyServer({ modules: [createMasterDataModule(store)] })
  })
  after(() => server.close())

  void it('requires VtexIdclientAutCookie or an app key + token (401 otherwise)', async () => {
    assert.equal((await call('GET', api('search?an=acme'), {})).status, 401)
    assert.equal((await call('GET', api('search?an=acme'), { 'X-VTEX-API-AppKey': 'key' })).status, 401)
    assert.equal((await call('GET', api('search?an=acme'), KEYS)).status, 200)
    assert.equal((await call('GET', api('search?an=acme'), { cookie: 'VtexIdclientAutCookie=abc' })).status, 200)
  })

  void it('routes by account: ?an= on shared hosts, the subdomain on {account}.vtexcommercestable.com.br', async () => {
    const post = await call('POST', 'http://acme.vtexcommercestable.com.br/api/dataentities/shipment/documents', KEYS, {
      orderId: 'o-1',
    })
    assert.equal(post.status, 201)
    const { DocumentId } = post.body as { DocumentId: string }
    const viaPortal = await call(
      'GET',
      `http://portal.vtexcommercestable.com.br/api/dataentities/shipment/documents/${DocumentId}?an=acme&_fields=orderId`
    )
    assert.deepEqual(viaPortal, { ...viaPortal, status: 200, body: { orderId: 'o-1' } })
    assert.equal((await call('GET', api(`documents/${DocumentId}?an=other`))).status, 404)
    const noAccount = await call(
      'GET',
      `http://portal.vtexcommercestable.com.br/api/dataentities/shipment/documents/${DocumentId}`
    )
    assert.equal(noAccount.status, 400)
  })

  void it('answers the documented status codes and bodies for documents', async () => {
    const patch = await call('PATCH', api('documents?an=acme'), AUTH, { id: 'd-1', orderId: 'o-9' })
    assert.equal(patch.status, 200)
    assert.deepEqual(patch.body, {
      Id: 'shipment-d-1',
      Href: 'http://acme.vtexcommercestable.com.br/api/dataentities/shipment/documents/d-1',
      DocumentId: 'd-1',
    })
    assert.equal((await call('PUT', api('documents?an=acme'), AUTH, { id: 'd-2', orderId: 'o-2' })).status, 200)
    assert.equal((await call('PUT', api('documents/d-3?an=acme'), AUTH, { orderId: 'o-3' })).status, 204)
    assert.equal((await call('PATCH', api('documents/d-3?an=acme'), AUTH, { status: 'x' })).status, 204)
    assert.equal((await call('PATCH', api('documents/nope?an=acme'), AUTH, { status: 'x' })).status, 404)
    const all = await call('GET', api('documents/d-3?an=acme&_fields=_all'))
    assert.deepEqual(Object.keys(all.body as object).sort(), [
      'accountId',
      'accountName',
      'createdIn',
      'dataEntityId',
      'id',
      'orderId',
      'status',
      'updatedIn',
    ])
    const bare = await call('GET', api('documents/d-3?an=acme'))
    assert.deepEqual(Object.keys(bare.body as object), ['id', 'accountId', 'accountName', 'dataEntityId'])
    const invalid = await call('POST', api('documents?an=acme'), AUTH, ['not', 'an', 'object'])
    assert.deepEqual(invalid, {
      ...invalid,
      status: 400,
      body: { Message: 'Invalid information in JSON: expected a JSON object' },
    })
    assert.equal((await call('DELETE', api('documents/d-3?an=acme'))).status, 204)
    assert.equal((await call('DELETE', api('documents/d-3?an=acme'))).status, 404)
    assert.equal((await call('POST', api('documents/d-2?an=acme'), AUTH, {})).status, 405)
  })

  void it('sends REST-Content-Range on search and X-VTEX-MD-TOKEN + REST-Content-Total on scroll', async () => {
    store.bulkInsert({ account: 'acme', entity: 'shipment' }, [{ kind: 'a' }, { kind: 'a' }, { kind: 'b' }])
    const search = await call('GET', api('search?an=acme&kind=a&_fields=kind'), {
      ...AUTH,
      'REST-Range': 'resources=0-1',
    })
    assert.equal(search.status, 200)
    assert.equal(search.headers['rest-content-range'], 'resources 0-1/2')
    assert.deepEqual(search.body, [{ kind: 'a' }])
    const bad = await call('GET', api('search?an=acme'), { ...AUTH, 'REST-Range': 'resources=0-500' })
    assert.equal(bad.status, 400)
    assert.match((bad.body as { Message: string }).Message, /100/)
    for (const op of ['<=', '>=']) {
      const where = encodeURIComponent(`nextCheckAt${op}2026-11-02T12:00:00.000Z`)
      const refused = await call('GET', api(`search?an=acme&_where=${where}`), {
        ...AUTH,
        'REST-Range': 'resources=0-1',
      })
      assert.equal(refused.status, 400, `${op} is not in the documented _where grammar`)
      assert.match(
        (refused.body as { Message: string }).Message,
        new RegExp(`'${op}' is not part of the _where grammar`)
      )
      assert.deepEqual(
        validateResponse(
          loadSpec('VTEX - Master Data API - v2.json'),
          'get',
          '/api/dataentities/{dataEntityName}/search',
          400,
          refused.body
        ),
        []
      )
    }
    const scroll = await call('GET', api('scroll?an=acme&_where=kind%3Da&_size=1&_fields=kind'))
    assert.equal(scroll.headers['rest-content-total'], '2')
    const token = scroll.headers['x-vtex-md-token']
    assert.equal(typeof token, 'string')
    const next = await call('GET', api(`scroll?an=acme&_token=${String(token)}`))
    assert.deepEqual([next.body, next.headers['x-vtex-md-token']], [[{ kind: 'a' }], token])
    assert.deepEqual((await call('GET', api(`scroll?an=acme&_token=${String(token)}`))).body, [])
    const gone = await call('GET', api('scroll?an=acme&_token=XYZ'))
    assert.deepEqual([gone.status, gone.body], [400, { Message: "Operation not found for this token: 'XYZ'" }])
  })

  void it('saves, reads and lists schemas (one schema lists as the bare object, per the spec)', async () => {
    const body = { properties: { kind: { type: 'string' } }, 'v-indexed': ['kind'] }
    const put = await call('PUT', 'http://api.vtex.com/api/dataentities/box/schemas/s1?an=acme', AUTH, body)
    assert.deepEqual(
      [put.status, put.body],
      [200, { Message: 'JSON Schema persisted successfully. Revalidation and indexing process running in background.' }]
    )
    assert.deepEqual((await call('GET', 'http://api.vtex.com/api/dataentities/box/schemas?an=acme')).body, body)
    await call('PUT', 'http://api.vtex.com/api/dataentities/box/schemas/s2?an=acme', AUTH, body)
    const list = await call('GET', 'http://api.vtex.com/api/dataentities/box/schemas?an=acme')
    assert.deepEqual(list.body, [
      { name: 's1', schema: body },
      { name: 's2', schema: body },
    ])
    assert.equal((await call('GET', 'http://api.vtex.com/api/dataentities/box/schemas/s9?an=acme')).status, 404)
    const filtered = await call(
      'GET',
      'http://api.vtex.com/api/dataentities/box/search?an=acme&_schema=s1&_where=other%3D1'
    )
    assert.deepEqual(
      [filtered.status, filtered.body],
      [400, { Message: "Field 'other' not found in schema 's1' v-indexed fields" }]
    )
    assert.equal((await call('DELETE', 'http://api.vtex.com/api/dataentities/box/schemas/s2?an=acme')).status, 204)
  })

  void it('answers in the shapes the official v2 OpenAPI documents (status and body schema)', async () => {
    const spec = loadSpec('VTEX - Master Data API - v2.json')
    const box = 'http://api.vtex.com/api/dataentities/crate'
    const schemaBody = { properties: { kind: { type: 'string' } }, 'v-indexed': ['kind'] }
    const calls: [string, string, unknown?, Record<string, string>?][] = [
      ['PUT', `${box}/schemas/s1?an=acme`, schemaBody],
      ['PUT', `${box}/schemas/s2?an=acme`, schemaBody],
      ['GET', `${box}/schemas/s1?an=acme`],
      ['GET', `${box}/schemas?an=acme`],
      ['POST', `${box}/documents?an=acme&_schema=s1`, { id: 'c-1', kind: 'a' }],
      ['PATCH', `${box}/documents?an=acme&_schema=s1`, { id: 'c-2', kind: 'b' }],
      ['PUT', `${box}/documents/c-3?an=acme&_schema=s1`, { kind: 'a' }],
      ['PATCH', `${box}/documents/c-3?an=acme&_schema=s1`, { kind: 'c' }],
      ['GET', `${box}/documents/c-3?an=acme&_fields=_all`],
      ['GET', `${box}/documents/c-3?an=acme`],
      [
        'GET',
        `${box}/search?an=acme&_schema=s1&_where=kind%3Da&_sort=kind%20ASC`,
        undefined,
        { 'REST-Range': 'resources=0-10' },
      ],
      ['GET', `${box}/search?an=acme&_schema=s1&_where=nope%3D1`],
      ['GET', `${box}/scroll?an=acme&_size=1`],
      ['GET', `${box}/scroll?an=acme&_token=bad`],
      ['DELETE', `${box}/documents/c-3?an=acme`],
      ['DELETE', `${box}/schemas/s2?an=acme`],
    ]
    for (const [method, url, body, headers] of calls) {
      const reply = await call(method, url, { ...AUTH, ...headers }, body)
      const path = new URL(url).pathname
      const operation = matchOperation(spec, method, path)
      assert.ok(operation, `${method} ${path} is in the spec`)
      assert.deepEqual(
        validateResponse(spec, method, operation.pathTemplate, reply.status, reply.body ?? {}),
        [],
        `${method} ${url}`
      )
    }
  })

  void it('leaves other hosts and paths to other modules', async () => {
    const other = await call('GET', 'http://api.vtex.com/api/oms/pvt/orders?an=acme')
    assert.match(JSON.stringify(other.body), /nothing answers/)
    const host = await call('GET', 'http://example.com/api/dataentities/shipment/search')
    assert.match(JSON.stringify(host.body), /nothing answers/)
  })
})
