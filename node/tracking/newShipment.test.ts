import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { CARRIERS } from '../carriers'
import type { Order, OrderPackage } from '../typings/orders'
import { identityChange, newShipmentRecord } from './newShipment'
import { testRecord } from './testRecord'

const ctx = {
  now: Date.parse('2026-11-03T12:00:00Z'),
  pollingIntervalHours: 6,
  courierMappings: [],
  trackingLinks: [],
  carriers: CARRIERS,
  calendar: { timeZone: 'America/Sao_Paulo', holidays: new Set<string>() },
}
const pkg = (overrides: Partial<OrderPackage>): OrderPackage => ({
  courier: 'Transportadora X',
  invoiceNumber: 'NF-1',
  invoiceValue: 1000,
  issuanceDate: '2026-11-02T12:00:00Z',
  trackingNumber: 'DG049186226BR',
  trackingUrl: null,
  type: 'Output',
  ...overrides,
})

void describe('identityChange', () => {
  void it('changes nothing for a duplicate event', () => {
    assert.equal(identityChange(testRecord({ courierName: 'Transportadora X' }), pkg({}), ctx), undefined)
  })

  void it('starts over when the invoice got a new tracking number', () => {
    const change = identityChange(
      testRecord({ lastWrittenHash: 'h', events: [] }),
      pkg({ trackingNumber: 'DG049186230BR' }),
      ctx
    )
    assert.equal(change?.trackingNumber, 'DG049186230BR')
    assert.equal(change?.lastWrittenHash, null)
    assert.equal(change?.state, 'active')
  })

  void it('keeps a carrier an admin corrected by hand when the order says otherwise', () => {
    const corrected = testRecord({ carrier: 'ups', carrierSetBy: 'admin@orderly.example' })
    assert.equal(identityChange(corrected, pkg({}), ctx), undefined)
  })

  void it('leaves finished shipments alone', () => {
    assert.equal(
      identityChange(testRecord({ state: 'done' }), pkg({ trackingNumber: 'DG049186230BR' }), ctx),
      undefined
    )
  })
})

void describe('tracking number identity', () => {
  const typed = 'on 7310 00764 br'

  void it('stores the number normalized, keeps what the invoice says, and detects the carrier', () => {
    const order = { orderId: 'ORD-1', packageAttachment: { packages: [] } } as unknown as Order
    const record = newShipmentRecord('x', order, pkg({ trackingNumber: ` ${typed} ` }), ctx)
    assert.deepEqual([record.trackingNumber, record.trackingNumberRaw], ['ON731000764BR', typed])
    assert.equal(record.carrier, 'correios')
    assert.equal(record.state, 'active')
  })

  void it('sees the same number typed another way as no change', () => {
    const record = testRecord({
      trackingNumber: 'ON731000764BR',
      trackingNumberRaw: typed,
      courierName: 'Transportadora X',
    })
    for (const trackingNumber of [typed, 'ON731000764BR', 'ON-7310-00764-BR']) {
      assert.equal(identityChange(record, pkg({ trackingNumber }), ctx), undefined, trackingNumber)
    }
  })
})

void describe('invoice tracking URL', () => {
  const order = { orderId: 'ORD-2', packageAttachment: { packages: [] } } as unknown as Order

  void it('keeps an http(s) URL as the invoice link', () => {
    const url = 'https://transportadora.example/rastreio?c=DG049186226BR'
    const record = newShipmentRecord('y', order, pkg({ trackingUrl: url }), ctx)
    assert.deepEqual([record.trackingUrl, record.rejectedTrackingUrl], [url, null])
  })

  void it('never stores a javascript: URL as a link: kept aside as rejected text', () => {
    const record = newShipmentRecord('z', order, pkg({ trackingUrl: 'javascript:alert(document.domain)' }), ctx)
    assert.deepEqual([record.trackingUrl, record.rejectedTrackingUrl], [null, 'javascript:alert(document.domain)'])
  })
})

void describe('carrier candidates and link-only couriers', () => {
  const order = { orderId: 'ORD-3', packageAttachment: { packages: [] } } as unknown as Order
  // Two carriers whose formats both accept every 34-digit number (stand-ins for FedEx and USPS).
  const twins = ['fedex', 'usps'].map((code) => ({
    code,
    courierNameWords: [code],
    matchesTrackingNumber: (n: string) => /^\d{34}$/.test(n),
  }))
  const ambiguous = '4201028200009261290113185417468510'

  void it('registers an ambiguous number unresolved, with both candidates and nothing guessed', () => {
    const record = newShipmentRecord('a', order, pkg({ trackingNumber: ambiguous }), { ...ctx, carriers: twins })
    assert.equal(record.carrier, null)
    assert.equal(record.state, 'unresolved_carrier')
    assert.equal(record.nextCheckReason, 'ambiguous_carrier')
    assert.deepEqual(record.carrierCandidates, ['fedex', 'usps'])
  })

  void it('starts tracking once the merchant maps the courier, and drops the candidates', () => {
    const record = newShipmentRecord('b', order, pkg({ trackingNumber: ambiguous }), { ...ctx, carriers: twins })
    const mapped = { ...ctx, carriers: twins, courierMappings: [{ courierName: 'Transportadora X', carrier: 'usps' }] }
    const change = identityChange(record, pkg({ trackingNumber: ambiguous }), mapped)
    assert.deepEqual([change?.carrier, change?.state, change?.carrierCandidates], ['usps', 'active', []])
  })

  void it('makes a link-only courier due for its invoice link, or done when the invoice has one', () => {
    const links = {
      ...ctx,
      trackingLinks: [{ courierName: 'transportadora x', urlTemplate: 'https://t.example/{trackingNumber}' }],
    }
    const pending = newShipmentRecord('c', order, pkg({}), links)
    assert.deepEqual(
      [pending.state, pending.carrier, pending.nextCheckAt],
      ['link_only', null, new Date(ctx.now).toISOString()]
    )
    const own = newShipmentRecord('d', order, pkg({ trackingUrl: 'https://merchant.example/x' }), links)
    assert.deepEqual([own.state, own.nextCheckAt], ['link_only', null])
  })
})
