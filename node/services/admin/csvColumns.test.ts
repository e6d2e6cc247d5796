import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { AdminRequestError } from './adminErrors'
import { csvLine } from './csv'
import type { CsvRow } from './csvColumns'
import { csvHeader, csvValues } from './csvColumns'
import { parseCsvOptions } from './csvOptions'

const row: CsvRow = {
  id: 'abc',
  orderId: '1234-01',
  invoiceNumber: 'NF-1',
  trackingNumber: 'DG049186226BR',
  trackingNumberRaw: null,
  carrier: 'correios',
  carrierName: 'Correios',
  courierName: 'Correios SEDEX',
  status: 'INFO_RECEIVED',
  substatus: null,
  state: 'active',
  lastEventAt: '2026-11-02T12:00:00.000Z',
  lastEventDescription: 'Objeto postado',
  lastEventLocation: 'SAO PAULO, SP',
  promisedDelivery: '2026-11-06T02:59:59.000Z',
  estimatedDelivery: '2026-11-05',
  invoicedAt: '2026-11-02T10:30:00.000Z',
  deliveredAt: null,
  nextCheckAt: null,
  consecutiveErrors: 0,
  lastErrorReason: null,
  overdue: true,
  stuck: false,
  orderAdminUrl: '/admin/orders/1234-01',
  trackingUrl: 'https://rastreamento.correios.com.br/app/index.php?objetos=DG049186226BR',
  orderUrl: 'https://acme.myvtex.com/admin/orders/1234-01',
}

void describe('CSV columns', () => {
  void it('writes Portuguese labels, local times and `;` for a Brazilian admin', () => {
    const options = { timeZone: 'UTC', ...parseCsvOptions({ locale: 'pt', tz: 'America/Sao_Paulo' }) }
    assert.equal(options.separator, ';')
    const header = csvHeader(options)
    assert.equal(header[6], 'Status')
    assert.equal(header[8], 'Faturado em (America/Sao_Paulo)')
    const values = csvValues(row, options)
    assert.equal(values[6], 'Etiqueta criada', 'a status label, not INFO_RECEIVED')
    assert.equal(values[7], 'Em rastreamento')
    assert.equal(values[8], '2026-11-02 07:30', 'invoiced at, in São Paulo time')
    assert.equal(values[9], '2026-11-05 23:59')
    assert.equal(values[15], 'sim')
    assert.equal(values[16], 'não')
    assert.deepEqual(values.slice(-2), [row.trackingUrl, row.orderUrl])
    assert.ok(csvLine(values, options.separator).startsWith('abc;1234-01;NF-1;DG049186226BR;Correios;'))
  })

  void it('keeps commas for English unless asked, and semicolons on request', () => {
    assert.equal(parseCsvOptions({}).separator, ',')
    assert.equal(parseCsvOptions({ locale: 'en', sep: 'semicolon' }).separator, ';')
    assert.equal(parseCsvOptions({ locale: 'es', sep: 'comma' }).separator, ',')
    assert.equal(parseCsvOptions({ locale: 'es' }).timeZone, undefined, "no tz: the store's zone")
    assert.equal(csvValues(row, { timeZone: 'UTC', ...parseCsvOptions({ locale: 'es' }) })[6], 'Etiqueta creada')
  })

  void it('refuses unknown languages, separators and zones', () => {
    for (const params of [{ locale: 'fr' }, { sep: 'tab' }, { tz: 'Mars/Olympus' }]) {
      assert.throws(
        () => parseCsvOptions(params),
        (error: unknown) => error instanceof AdminRequestError && error.reason === 'invalid_filter'
      )
    }
  })
})
