import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CarrierResponseError } from '../../errors'
import type { TrackingResult } from '../../tracking/carrierResult'
import { parseCorreiosTracking } from './index'
import { brasiliaLocalToIso } from './parse'
import type { CorreiosEvento } from './parse'
import { CORREIOS_STATUS_TABLE, CORREIOS_SUBSTATUS_TABLE, mapCorreiosCode } from './statusMap'
import attemptFailed from './__fixtures__/attempt-failed.json'
import batch from './__fixtures__/batch-2.json'
import delivered from './__fixtures__/delivered.json'
import estCorrection from './__fixtures__/est-correction.json'
import inTransit from './__fixtures__/in-transit.json'
import international from './__fixtures__/international-customs.json'
import malformed from './__fixtures__/malformed.json'
import noEvents from './__fixtures__/no-events.json'
import notFound from './__fixtures__/not-found.json'
import outForDelivery from './__fixtures__/out-for-delivery.json'
import proxyapp from './__fixtures__/proxyapp-space-timestamp.json'
import returned from './__fixtures__/returned.json'
import tokenRejected from './__fixtures__/token-401.json'

const one = (raw: unknown, code: string): TrackingResult => {
  const [result] = parseCorreiosTracking(raw, [code])
  return result
}

/** A one-object response with the given events (newest first, as Correios sends them). */
const withEvents = (...eventos: CorreiosEvento[]) => ({ objetos: [{ codObjeto: 'SS123456785BR', eventos }] })
const event = (code: string, dtHrCriado: string, descricao = 'evento'): CorreiosEvento => {
  const [codigo, tipo] = code.split('/')
  return { codigo, tipo, dtHrCriado, descricao, unidade: { endereco: { cidade: 'SAO PAULO', uf: 'SP' } } }
}

void describe('brasiliaLocalToIso', () => {
  void it('attaches -03:00 to the T form and the space form', () => {
    assert.equal(brasiliaLocalToIso('2022-03-11T17:03:00'), '2022-03-11T17:03:00-03:00')
    assert.equal(brasiliaLocalToIso('2022-05-06 07:55:00'), '2022-05-06T07:55:00-03:00')
    assert.equal(brasiliaLocalToIso('2022-05-06T07:55'), '2022-05-06T07:55:00-03:00')
    assert.equal(Date.parse(brasiliaLocalToIso('2022-12-31T22:30:00') ?? ''), Date.parse('2023-01-01T01:30:00Z'))
    // Sao Paulo's zone, not a fixed -03:00: an event from the 2018-19 summer time keeps its -02:00.
    assert.equal(brasiliaLocalToIso('2018-12-01T10:00:00'), '2018-12-01T10:00:00-02:00')
  })

  void it('rejects impossible dates, offsets and other text', () => {
    assert.equal(brasiliaLocalToIso('2022-02-30T10:00:00'), undefined)
    assert.equal(brasiliaLocalToIso('2022-03-11T25:00:00'), undefined)
    assert.equal(brasiliaLocalToIso('2022-03-11T17:03:00Z'), undefined)
    assert.equal(brasiliaLocalToIso('11/03/2022 17:03'), undefined)
  })
})

void describe('parseCorreiosTracking: recorded responses', () => {
  void it('normalises the CWS manual sample (delivered) completely', () => {
    const expected: TrackingResult = {
      carrier: 'correios',
      trackingNumber: 'DG049186226BR',
      found: true,
      status: 'DELIVERED',
      deliveredAt: '2022-03-11T17:03:00-03:00',
      estimatedDelivery: '2022-03-11T20:58:00-03:00',
      events: [
        {
          occurredAt: '2022-03-10T19:10:36-03:00',
          occurredAtLocal: '2022-03-10T19:10:36',
          status: 'IN_TRANSIT',
          substatus: 'accepted',
          carrierCode: 'PO/01',
          description: 'Objeto postado',
          location: { city: 'SAO PAULO', state: 'SP' },
        },
        {
          occurredAt: '2022-03-11T17:02:35-03:00',
          occurredAtLocal: '2022-03-11T17:02:35',
          status: 'IN_TRANSIT',
          substatus: 'departed_facility',
          carrierCode: 'RO/01',
          description: 'Objeto em trânsito',
          location: { city: 'BRASILIA', state: 'DF' },
        },
        {
          occurredAt: '2022-03-11T17:02:45-03:00',
          occurredAtLocal: '2022-03-11T17:02:45',
          status: 'OUT_FOR_DELIVERY',
          carrierCode: 'OEC/03',
          description: 'Objeto em rota de entrega',
          location: { city: 'SAO PAULO', state: 'SP' },
        },
        {
          occurredAt: '2022-03-11T17:03:00-03:00',
          occurredAtLocal: '2022-03-11T17:03:00',
          status: 'DELIVERED',
          carrierCode: 'BDE/01',
          description: 'Objeto entregue ao destinatário',
          location: { city: 'XAPURI', state: 'AC' },
        },
      ],
      messages: [],
    }
    assert.deepEqual(parseCorreiosTracking(delivered, ['DG049186226BR']), [expected])
  })

  void it('normalises the app-proxy sample with a space timestamp and foreign units', () => {
    const result = one(proxyapp, 'LB330827204HK')
    assert.equal(result.status, 'DELIVERED')
    assert.equal(result.deliveredAt, '2022-05-10T13:55:02-03:00')
    assert.equal(result.estimatedDelivery, undefined)
    assert.deepEqual(result.messages, [])
    assert.deepEqual(
      result.events.map((e) => [e.carrierCode, e.occurredAt, e.status, e.substatus]),
      [
        ['PO/01', '2022-04-25T11:25:00-03:00', 'IN_TRANSIT', 'accepted'],
        ['RO/01', '2022-04-26T15:09:00-03:00', 'IN_TRANSIT', 'departed_facility'],
        ['PAR/16', '2022-05-03T09:54:46-03:00', 'IN_TRANSIT', 'customs_processing'],
        ['PAR/10', '2022-05-06T07:55:00-03:00', 'IN_TRANSIT', 'customs_released'],
        ['RO/01', '2022-05-06T07:57:00-03:00', 'IN_TRANSIT', 'departed_facility'],
        ['RO/01', '2022-05-09T19:55:23-03:00', 'IN_TRANSIT', 'departed_facility'],
        ['OEC/01', '2022-05-10T07:54:12-03:00', 'OUT_FOR_DELIVERY', undefined],
        ['BDE/01', '2022-05-10T13:55:02-03:00', 'DELIVERED', undefined],
      ]
    )
    const customsReleased = result.events[3]
    assert.equal(customsReleased.occurredAtLocal, '2022-05-06 07:55:00')
    assert.deepEqual(customsReleased.location, { city: 'CURITIBA', state: 'PR' })
    assert.deepEqual(result.events[0].location, { country: 'HONG KONG' })
    assert.deepEqual(result.events[6].location, { city: 'BLUMENAU', state: 'SC', postalCode: '89015972' })
  })

  void it('reads an in-transit object', () => {
    const result = one(inTransit, 'DG049186230BR')
    assert.equal(result.status, 'IN_TRANSIT')
    assert.equal(result.substatus, 'departed_facility')
    assert.equal(result.deliveredAt, undefined)
    assert.equal(result.estimatedDelivery, '2025-03-14T23:59:59-03:00')
    assert.deepEqual(
      result.events.map((e) => e.carrierCode),
      ['PO/01', 'RO/01', 'RO/01']
    )
  })

  void it('reads out for delivery', () => {
    const result = one(outForDelivery, 'DG049186212BR')
    assert.equal(result.status, 'OUT_FOR_DELIVERY')
    assert.equal(result.substatus, undefined)
    assert.equal(result.events[2].substatus, 'arrived_at_facility')
  })

  void it('reads a failed attempt (BDE/02), which is not a delivery', () => {
    const result = one(attemptFailed, 'SS123456785BR')
    assert.equal(result.status, 'ATTEMPT_FAIL')
    assert.equal(result.substatus, 'recipient_unavailable')
    assert.equal(result.deliveredAt, undefined)
  })

  void it('reads a return to the sender that ends in BDE/23', () => {
    const result = one(returned, 'OY876543216BR')
    assert.equal(result.status, 'RETURNED')
    assert.equal(result.deliveredAt, undefined)
    assert.deepEqual(
      result.events.map((e) => e.status),
      ['IN_TRANSIT', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'RETURN_TO_SENDER', 'IN_TRANSIT', 'RETURNED']
    )
  })

  void it('applies an EST correction: the withdrawn delivery disappears and the status goes back', () => {
    const result = one(estCorrection, 'SS555123405BR')
    assert.deepEqual(result, {
      carrier: 'correios',
      trackingNumber: 'SS555123405BR',
      found: true,
      status: 'OUT_FOR_DELIVERY',
      estimatedDelivery: '2025-06-11T23:59:59-03:00',
      events: [
        {
          occurredAt: '2025-06-09T14:11:26-03:00',
          occurredAtLocal: '2025-06-09T14:11:26',
          status: 'IN_TRANSIT',
          substatus: 'accepted',
          carrierCode: 'PO/01',
          description: 'Objeto postado',
          location: { city: 'SAO PAULO', state: 'SP' },
        },
        {
          occurredAt: '2025-06-10T08:44:03-03:00',
          occurredAtLocal: '2025-06-10T08:44:03',
          status: 'OUT_FOR_DELIVERY',
          carrierCode: 'OEC/01',
          description: 'Objeto saiu para entrega ao destinatário',
          location: { city: 'CAMPINAS', state: 'SP' },
        },
        {
          occurredAt: '2025-06-10T16:05:12-03:00',
          occurredAtLocal: '2025-06-10T16:05:12',
          status: 'OUT_FOR_DELIVERY',
          substatus: 'correction',
          carrierCode: 'EST/01',
          description: 'Favor desconsiderar a informação anterior',
          location: { city: 'CAMPINAS', state: 'SP' },
        },
      ],
      messages: [],
    })
  })

  void it('reads SRO-020 as not found, pending', () => {
    assert.deepEqual(one(notFound, 'AB102030405BR'), {
      carrier: 'correios',
      trackingNumber: 'AB102030405BR',
      found: false,
      status: 'PENDING',
      events: [],
      messages: [{ code: 'NOT_FOUND', message: 'SRO-020: Objeto não encontrado na base de dados dos Correios.' }],
    })
  })

  void it('reads a known object with no events as info received', () => {
    assert.deepEqual(one(noEvents, 'DG987654326BR'), {
      carrier: 'correios',
      trackingNumber: 'DG987654326BR',
      found: true,
      status: 'INFO_RECEIVED',
      substatus: 'label_created',
      events: [],
      messages: [{ code: 'NO_EVENTS', message: 'Correios knows this object but has no events for it yet' }],
    })
  })

  void it('reads an international object held in customs with no dtPrevista', () => {
    const result = one(international, 'NL314159268CN')
    assert.equal(result.status, 'IN_TRANSIT')
    assert.equal(result.substatus, 'customs_processing')
    assert.equal(result.estimatedDelivery, undefined)
    assert.deepEqual(
      result.events.map((e) => e.location),
      [{ country: 'CHINA' }, { country: 'CHINA' }, { city: 'CURITIBA', state: 'PR' }]
    )
  })

  void it('answers a batch in request order and reports a code missing from the response', () => {
    const results = parseCorreiosTracking(batch, ['dg049186230br', 'QQ000000005BR', 'DG049186226BR'])
    assert.deepEqual(
      results.map((r) => [r.trackingNumber, r.found, r.status]),
      [
        ['DG049186230BR', true, 'IN_TRANSIT'],
        ['QQ000000005BR', false, 'PENDING'],
        ['DG049186226BR', true, 'DELIVERED'],
      ]
    )
    assert.deepEqual(results[1].messages, [{ code: 'NOT_FOUND', message: 'Correios returned no object for this code' }])
  })

  void it('throws CarrierResponseError for bodies that are not the documented shape', () => {
    assert.throws(() => parseCorreiosTracking(malformed, ['DG049186226BR']), CarrierResponseError)
    assert.throws(() => parseCorreiosTracking('<html>', ['DG049186226BR']), /not a JSON object/)
    assert.throws(() => parseCorreiosTracking(tokenRejected, ['X']), /error body instead of objects: Usuário/)
    assert.throws(() => parseCorreiosTracking({ objetos: [{ eventos: [] }] }, ['X']), /objetos\[0\] has no codObjeto/)
    assert.throws(
      () => parseCorreiosTracking(withEvents(event('PO/01', '10/03/2022 19:10')), ['SS123456785BR']),
      /unreadable dtHrCriado "10\/03\/2022 19:10"/
    )
  })
})

void describe('status rules', () => {
  void it('maps every status family', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['PO/09', 'IN_TRANSIT', 'accepted'],
      ['CO/01', 'IN_TRANSIT', 'picked_up'],
      ['DO/02', 'IN_TRANSIT', 'departed_facility'],
      ['TRI/00', 'IN_TRANSIT', 'departed_facility'],
      ['CUN/01', 'IN_TRANSIT', 'arrived_at_facility'],
      ['PAR/16', 'IN_TRANSIT', 'customs_processing'],
      ['PAR/21', 'IN_TRANSIT', 'customs_processing'],
      ['PAR/17', 'EXCEPTION', 'payment_required'],
      ['PAR/31', 'IN_TRANSIT', 'customs_released'],
      ['PAR/10', 'IN_TRANSIT', 'customs_released'],
      ['OEC/00', 'OUT_FOR_DELIVERY', undefined],
      ['OEC/09', 'RETURN_TO_SENDER', undefined],
      ['BDE/21', 'RETURN_TO_SENDER', 'recipient_unavailable'],
      ['BDE/42', 'EXCEPTION', 'held_by_carrier'],
      ['BDE/66', 'IN_TRANSIT', 'delayed'],
      ['LDI/14', 'AVAILABLE_FOR_PICKUP', undefined],
      ['BDI/24', 'AVAILABLE_FOR_PICKUP', undefined],
      ['BDR/00', 'DELIVERED', undefined],
      ['BDE/25', 'ATTEMPT_FAIL', 'business_closed'],
      ['BDE/07', 'EXCEPTION', 'address_issue'],
      ['BDE/28', 'EXCEPTION', 'damaged'],
      ['BDE/54', 'EXCEPTION', 'payment_required'],
      ['BDE/12', 'EXCEPTION', 'unclaimed'],
      ['BLQ/01', 'EXCEPTION', 'held_by_sender_request'],
      ['BDE/04', 'RETURN_TO_SENDER', 'refused'],
      ['BDE/10', 'RETURN_TO_SENDER', 'recipient_moved'],
      ['FC/01', 'RETURN_TO_SENDER', undefined],
      ['LDE/09', 'RETURN_TO_SENDER', undefined],
      ['BDR/23', 'RETURNED', undefined],
      ['BDE/50', 'FAILURE', 'stolen'],
      ['BDE/09', 'FAILURE', 'lost'],
      ['IDC/05', 'FAILURE', 'lost'],
      ['BDE/43', 'FAILURE', 'seized'],
    ]
    for (const [code, status, substatus] of cases) {
      const result = one(withEvents(event(code, '2025-01-02T10:00:00')), 'SS123456785BR')
      assert.deepEqual([code, result.status, result.substatus], [code, status, substatus])
    }
  })

  void it('follows an import through customs: waiting for payment needs attention, paid moves on', () => {
    // The sequence real import responses show (PAR/21 and PAR/31 are recent codes).
    const steps = [
      event('PAR/16', '2025-03-01T09:00:00', 'Objeto recebido pelos Correios do Brasil'),
      event('PAR/21', '2025-03-01T15:00:00', 'Encaminhado para fiscalização aduaneira'),
      event('PAR/17', '2025-03-03T10:00:00', 'Aguardando pagamento'),
    ]
    const waiting = one(withEvents(...steps), 'SS123456785BR')
    assert.deepEqual([waiting.status, waiting.substatus], ['EXCEPTION', 'payment_required'])
    assert.deepEqual(waiting.messages, [])
    const paid = one(
      withEvents(...steps, event('PAR/31', '2025-03-04T11:00:00', 'Pagamento confirmado')),
      'SS123456785BR'
    )
    assert.deepEqual([paid.status, paid.substatus], ['IN_TRANSIT', 'customs_released'])
  })

  void it('leaves a PAR tipo the table does not know UNKNOWN, never guessed from its family', () => {
    assert.deepEqual(mapCorreiosCode('PAR', '99'), { status: 'UNKNOWN', mapped: false })
  })

  void it('maps every PAR, LDI, OEC and BDE/BDI/BDR code of the SRO tables', () => {
    const dir = path.resolve(__dirname, '../../../../shared/contracts/carriers/correios/status-tables')
    const rows = ['status_correios_from_manual.csv', 'status_correios_from_site.csv'].flatMap((file) =>
      readFileSync(path.join(dir, file), 'utf8').split('\n').slice(1)
    )
    const codes = new Set<string>()
    for (const row of rows) {
      const [families, tipo] = row.split(',')
      if (!/^\d+$/.test(tipo ?? '')) continue
      for (const family of (families ?? '').split(' ')) {
        if (['PAR', 'LDI', 'OEC', 'BDE', 'BDI', 'BDR'].includes(family)) codes.add(`${family}/${tipo}`)
      }
    }
    assert.ok(codes.size > 100)
    for (const code of codes) {
      const [codigo, tipo] = code.split('/')
      assert.equal(mapCorreiosCode(codigo, tipo).mapped, true, code)
    }
  })

  void it('pads one-digit tipos the way the manual writes them', () => {
    assert.deepEqual(mapCorreiosCode('bde', '1'), { status: 'DELIVERED', mapped: true })
  })

  void it('maps DELIVERED only from BDE/BDI/BDR with tipo 00 or 01', () => {
    assert.deepEqual([...(CORREIOS_STATUS_TABLE.DELIVERED ?? [])].sort(), [
      'BDE/00',
      'BDE/01',
      'BDI/00',
      'BDI/01',
      'BDR/00',
      'BDR/01',
    ])
    for (const family of ['BDE', 'BDI', 'BDR']) {
      for (let tipo = 2; tipo < 100; tipo += 1) {
        const mapping = mapCorreiosCode(family, String(tipo).padStart(2, '0'))
        assert.notEqual(mapping.status, 'DELIVERED', `${family}/${tipo}`)
      }
    }
  })

  void it('gives every code with a substatus a status as well', () => {
    for (const [substatus, codes] of Object.entries(CORREIOS_SUBSTATUS_TABLE)) {
      for (const code of codes ?? []) {
        const [codigo, tipo] = code.split('/')
        assert.equal(mapCorreiosCode(codigo, tipo === '*' ? '77' : tipo).mapped, true, `${substatus} ${code}`)
      }
    }
  })

  void it('turns unmapped codes into UNKNOWN with one UNMAPPED_CODE message each, never DELIVERED', () => {
    const result = one(
      withEvents(
        event('XYZ/01', '2025-01-03T09:00:00'),
        event('BDE/99', '2025-01-02T11:00:00'),
        event('BDE/99', '2025-01-02T10:30:00'),
        event('PO/01', '2025-01-02T10:00:00')
      ),
      'SS123456785BR'
    )
    assert.equal(result.status, 'UNKNOWN')
    assert.equal(result.deliveredAt, undefined)
    assert.deepEqual(result.messages, [
      { code: 'UNMAPPED_CODE', message: 'Correios event BDE/99 is not in the status table' },
      { code: 'UNMAPPED_CODE', message: 'Correios event XYZ/01 is not in the status table' },
    ])
  })

  void it('does not reopen a terminal status with a later non-terminal scan', () => {
    const result = one(
      withEvents(
        event('RO/01', '2025-01-04T08:00:00'),
        event('BDE/01', '2025-01-03T15:00:00'),
        event('OEC/01', '2025-01-03T08:00:00')
      ),
      'SS123456785BR'
    )
    assert.equal(result.status, 'DELIVERED')
    assert.equal(result.deliveredAt, '2025-01-03T15:00:00-03:00')
    assert.equal(result.events.length, 3)
    assert.equal(result.events[2].status, 'IN_TRANSIT')
  })

  void it('lets an unknown code after delivery be recorded without undoing the delivery', () => {
    const result = one(
      withEvents(event('ZZZ/01', '2025-01-04T08:00:00'), event('BDE/01', '2025-01-03T15:00:00')),
      'SS123456785BR'
    )
    assert.equal(result.status, 'DELIVERED')
    assert.equal(result.messages[0].code, 'UNMAPPED_CODE')
  })

  void it('sorts events ascending whatever order they arrive in, keeping the carrier order for ties', () => {
    const result = one(
      withEvents(
        event('RO/01', '2025-01-02T12:00:00', 'second'),
        event('OEC/01', '2025-01-03T08:00:00', 'fourth'),
        event('CD/01', '2025-01-02T12:00:00', 'third'),
        event('PO/01', '2025-01-02T10:00:00', 'first')
      ),
      'SS123456785BR'
    )
    assert.deepEqual(
      result.events.map((e) => e.description),
      ['first', 'third', 'second', 'fourth']
    )
  })

  void it('withdraws one event per EST, even two in a row', () => {
    const result = one(
      withEvents(
        event('EST/02', '2025-01-03T16:02:00'),
        event('EST/01', '2025-01-03T16:01:00'),
        event('BDE/01', '2025-01-03T16:00:00'),
        event('OEC/01', '2025-01-03T08:00:00'),
        event('PO/01', '2025-01-02T10:00:00')
      ),
      'SS123456785BR'
    )
    assert.equal(result.status, 'IN_TRANSIT')
    assert.deepEqual(
      result.events.map((e) => [e.carrierCode, e.status]),
      [
        ['PO/01', 'IN_TRANSIT'],
        ['EST/01', 'IN_TRANSIT'],
        ['EST/02', 'IN_TRANSIT'],
      ]
    )
  })

  void it('reports a non-SRO-020 mensagem without events as a carrier message', () => {
    const result = one({ objetos: [{ codObjeto: 'XX1', mensagem: 'SRO-019: Objeto inválido' }] }, 'XX1')
    assert.equal(result.found, false)
    assert.deepEqual(result.messages, [{ code: 'CARRIER_MESSAGE', message: 'SRO-019: Objeto inválido' }])
  })
})
