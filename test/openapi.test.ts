import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { loadSpec, matchOperation, toJsonSchema, validateRequestBody, validateResponse } from './openapi'

const ORDERS = 'VTEX - Orders API.json'
const GET_ORDER = '/api/oms/pvt/orders/{orderId}'
const INVOICE = '/api/oms/pvt/orders/{orderId}/invoice'
const PATCH_INVOICE = '/api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}'
const TRACKING = '/api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}/tracking'

type Json = Record<string, unknown>

/** The spec's own example for an operation's response or request, used as a known-valid sample. */
function specExample(path: string, method: string, where: 'response' | 'request'): Json {
  const paths = loadSpec(ORDERS).document.paths as Record<string, Record<string, Json>>
  const operation = paths[path][method]
  const holder = where === 'request' ? (operation.requestBody as Json) : ((operation.responses as Json)['200'] as Json)
  const content = holder.content as Record<string, Json>
  return structuredClone(content[Object.keys(content)[0]].example) as Json
}

void describe('loadSpec', () => {
  void it('parses a vendored spec once and caches it', () => {
    const spec = loadSpec(ORDERS)
    assert.equal(spec.fileName, ORDERS)
    assert.match(String(spec.document.openapi), /^3\./)
    assert.equal(loadSpec(ORDERS), spec)
  })

  void it('fails loudly for a file that is not there', () => {
    assert.throws(() => loadSpec('VTEX - Nope API.json'), /ENOENT/)
  })
})

void describe('matchOperation', () => {
  const spec = loadSpec(ORDERS)

  void it('finds the template and params of a concrete tracking path', () => {
    assert.deepEqual(matchOperation(spec, 'PUT', '/api/oms/pvt/orders/123-01/invoice/NF1/tracking'), {
      pathTemplate: TRACKING,
      method: 'put',
      operationId: 'UpdateTrackingStatus',
      params: { orderId: '123-01', invoiceNumber: 'NF1' },
    })
  })

  void it('prefers literal segments over parameters', () => {
    assert.equal(
      matchOperation(spec, 'GET', '/api/oms/pvt/orders/order-group/1415461749731')?.pathTemplate,
      '/api/oms/pvt/orders/order-group/{orderGroup}'
    )
    assert.equal(matchOperation(spec, 'GET', '/api/oms/pvt/orders/1415461749731-01')?.operationId, 'GetOrder')
  })

  void it('ignores the query string and decodes parameters', () => {
    const match = matchOperation(spec, 'GET', '/api/oms/pvt/orders?f_status=invoiced&an=acme')
    assert.equal(match?.operationId, 'ListOrders')
    assert.equal(matchOperation(spec, 'PATCH', '/api/oms/pvt/orders/1-01/invoice/NF%201')?.params.invoiceNumber, 'NF 1')
  })

  void it('answers undefined for unknown paths and for methods the path does not have', () => {
    assert.equal(matchOperation(spec, 'GET', '/api/oms/pvt/nothing/here'), undefined)
    assert.equal(matchOperation(spec, 'DELETE', '/api/oms/pvt/orders/1-01'), undefined)
    assert.equal(matchOperation(spec, 'GET', '/api/oms/pvt/orders/1-01/invoice/NF1/tracking'), undefined)
  })
})

void describe('validateRequestBody', () => {
  const spec = loadSpec(ORDERS)

  void it('accepts the spec examples', () => {
    assert.deepEqual(validateRequestBody(spec, 'put', TRACKING, specExample(TRACKING, 'put', 'request')), [])
    assert.deepEqual(validateRequestBody(spec, 'post', INVOICE, specExample(INVOICE, 'post', 'request')), [])
    assert.deepEqual(
      validateRequestBody(spec, 'patch', PATCH_INVOICE, specExample(PATCH_INVOICE, 'patch', 'request')),
      []
    )
  })

  void it('explains what is wrong, with the path of the bad field', () => {
    const errors = validateRequestBody(spec, 'put', TRACKING, {
      isDelivered: 'yes',
      events: [{ city: 'Rio de Janeiro', state: 'RJ', description: 'Coletado' }],
    })
    assert.deepEqual(errors.sort(), [
      "body must have required property 'deliveredDate'",
      "body.events[0] must have required property 'date'",
      'body.isDelivered must be boolean (got string "yes")',
    ])
  })

  void it('flags invoiceValue sent as a number (it is a string of cents)', () => {
    const body = { ...specExample(INVOICE, 'post', 'request'), invoiceValue: 2499 }
    assert.deepEqual(validateRequestBody(spec, 'post', INVOICE, body), [
      'body.invoiceValue must be string (got number 2499)',
    ])
  })

  void it('handles OpenAPI 3.0 nullable: null passes where nullable, fails where not', () => {
    const example = specExample(TRACKING, 'put', 'request')
    assert.deepEqual(validateRequestBody(spec, 'put', TRACKING, { ...example, deliveredDate: null }), [])
    assert.deepEqual(validateRequestBody(spec, 'put', TRACKING, { ...example, isDelivered: null }), [
      'body.isDelivered must be boolean (got null)',
    ])
    const patch = specExample(PATCH_INVOICE, 'patch', 'request')
    assert.deepEqual(validateRequestBody(spec, 'patch', PATCH_INVOICE, { ...patch, courier: null }), [])
    assert.deepEqual(validateRequestBody(spec, 'patch', PATCH_INVOICE, { ...patch, trackingNumber: null }), [
      'body.trackingNumber must be string (got null)',
    ])
  })

  void it('reports operations that are not in the spec or take no body', () => {
    assert.match(validateRequestBody(spec, 'post', '/api/nope', {})[0], /not in VTEX - Orders API\.json/)
    assert.match(validateRequestBody(spec, 'get', GET_ORDER, { a: 1 })[0], /takes no request body/)
    assert.deepEqual(validateRequestBody(spec, 'get', GET_ORDER, undefined), [])
  })
})

void describe('validateResponse', () => {
  const spec = loadSpec(ORDERS)

  void it('accepts the spec examples, including nullable fields set to null', () => {
    const order = specExample(GET_ORDER, 'get', 'response')
    assert.deepEqual(validateResponse(spec, 'get', GET_ORDER, 200, order), [])
    assert.deepEqual(validateResponse(spec, 'get', GET_ORDER, 200, { ...order, invoicedDate: null }), [])
    const list = specExample('/api/oms/pvt/orders', 'get', 'response')
    assert.deepEqual(validateResponse(spec, 'get', '/api/oms/pvt/orders', 200, list), [])
  })

  void it('finds type errors deep inside the order (package invoiceValue is integer cents)', () => {
    const order = specExample(GET_ORDER, 'get', 'response')
    const packages = (order.packageAttachment as { packages: Json[] }).packages
    packages[0].invoiceValue = '1015'
    packages[0].type = 'Outbound'
    assert.deepEqual(validateResponse(spec, 'get', GET_ORDER, 200, order), [
      'body.packageAttachment.packages[0].invoiceValue must be integer (got string "1015")',
      'body.packageAttachment.packages[0].type must be one of ["Output","Input"] (got string "Outbound")',
    ])
  })

  void it('resolves $ref response schemas', () => {
    const receipt = { date: '2019-02-08T13:16:13.4617653+00:00', orderId: '1-01', receipt: 'abc' }
    assert.deepEqual(validateResponse(spec, 'patch', PATCH_INVOICE, 200, receipt), [])
    assert.deepEqual(validateResponse(spec, 'put', TRACKING, '200', { date: 'x', orderId: '1-01' }), [
      "body must have required property 'receipt'",
    ])
  })

  void it('reports statuses the operation does not document', () => {
    assert.match(
      validateResponse(spec, 'get', GET_ORDER, 404, {})[0],
      /status 404 is not documented \(documented: 200\)/
    )
  })

  void it('works for other VTEX specs too (Master Data v2)', () => {
    const md = loadSpec('VTEX - Master Data API - v2.json')
    const match = matchOperation(md, 'POST', '/api/dataentities/tracking/documents')
    assert.equal(match?.pathTemplate, '/api/dataentities/{dataEntityName}/documents')
    const created = { Id: 'tracking-abc', Href: 'http://acme.vtexcommercestable.com.br/api/x', DocumentId: 'abc' }
    assert.deepEqual(validateResponse(md, 'post', match?.pathTemplate ?? '', 201, created), [])
    assert.notDeepEqual(validateResponse(md, 'post', match?.pathTemplate ?? '', 201, { ...created, Id: 42 }), [])
  })
})

void describe('toJsonSchema', () => {
  void it('adds null to enums and wraps nullable schemas without a type', () => {
    assert.deepEqual(toJsonSchema({ type: 'string', enum: ['a'], nullable: true }, 'id'), {
      type: ['string', 'null'],
      enum: ['a', null],
    })
    assert.deepEqual(toJsonSchema({ $ref: '#/components/schemas/X', nullable: true }, 'id'), {
      anyOf: [{ $ref: 'id#/components/schemas/X' }, { type: 'null' }],
    })
  })

  void it('drops OpenAPI-only keywords and malformed required lists', () => {
    assert.deepEqual(toJsonSchema({ type: 'object', required: true, example: { a: 1 }, properties: {} }, 'id'), {
      type: 'object',
      properties: {},
    })
  })
})
