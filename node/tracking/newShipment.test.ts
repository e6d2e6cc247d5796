import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { CARRIER_ADAPTERS } from '../carriers/registry'
import type { OrderPackage } from '../typings/orders'
import { identityChange } from './newShipment'
import { testRecord } from './testRecord'

const ctx = {
  now: Date.parse('2026-11-03T12:00:00Z'),
  pollingIntervalHours: 6,
  courierMappings: [],
  adapters: Object.values(CARRIER_ADAPTERS),
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
