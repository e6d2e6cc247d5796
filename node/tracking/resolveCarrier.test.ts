import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { CARRIER_ADAPTERS } from '../carriers/registry'
import { resolveCarrier } from './resolveCarrier'

const adapters = Object.values(CARRIER_ADAPTERS)
const mappings = [{ courierName: 'Transportadora Expressa', carrier: 'ups' as const }]

void describe('resolveCarrier', () => {
  void it("prefers the merchant's courier mapping, ignoring case and accents", () => {
    assert.deepEqual(resolveCarrier('TRANSPORTADORA EXPRÉSSA', 'DG049186226BR', mappings, adapters), {
      carrier: 'ups',
      via: 'courier_mapping',
    })
  })

  void it('recognises a courier name that names a carrier', () => {
    assert.deepEqual(resolveCarrier('Correios SEDEX', null, [], adapters), { carrier: 'correios', via: 'courier_name' })
    assert.deepEqual(resolveCarrier('UPS Ground', null, [], adapters), { carrier: 'ups', via: 'courier_name' })
  })

  void it('falls back to the tracking-number format', () => {
    assert.deepEqual(resolveCarrier('Loja Própria', 'DG049186226BR', [], adapters), {
      carrier: 'correios',
      via: 'tracking_number',
    })
  })

  void it('leaves unknown couriers with unknown formats unresolved instead of guessing', () => {
    assert.deepEqual(resolveCarrier('Jadlog', '12345678901234', [], adapters), { carrier: null, via: 'unresolved' })
    assert.deepEqual(resolveCarrier('Correiosx', 'DG049186227BR', [], adapters), { carrier: null, via: 'unresolved' })
  })
})
