import { readFileSync } from 'node:fs'
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CARRIERS } from '../carriers'
import { compileTrackingNumberSpecs } from '../carriers/shared/trackingNumberData'
import type { CourierSpecFile } from '../carriers/shared/trackingNumberData'
import type { ResolutionRules } from './resolveCarrier'
import { resolveCarrier } from './resolveCarrier'

const rules: ResolutionRules = {
  courierMappings: [{ courierName: 'Transportadora Expressa', carrier: 'ups' }],
  trackingLinks: [{ courierName: 'Loggi', urlTemplate: 'https://carrier.example/track?n={trackingNumber}' }],
  carriers: CARRIERS,
}

void describe('resolveCarrier', () => {
  void it("prefers the merchant's courier mapping, ignoring case and accents", () => {
    assert.deepEqual(resolveCarrier('TRANSPORTADORA EXPRÉSSA', 'DG049186226BR', rules), {
      carrier: 'ups',
      via: 'courier_mapping',
    })
  })

  void it('links a courier the merchant gave a tracking page for, whatever its number looks like', () => {
    assert.deepEqual(resolveCarrier(' loggi ', 'DG049186226BR', rules), {
      carrier: null,
      via: 'tracking_link',
      urlTemplate: 'https://carrier.example/track?n={trackingNumber}',
    })
  })

  void it('recognises a courier name that names a carrier', () => {
    assert.deepEqual(resolveCarrier('Correios SEDEX', null, rules), { carrier: 'correios', via: 'courier_name' })
    assert.deepEqual(resolveCarrier('PAC', null, rules), { carrier: 'correios', via: 'courier_name' })
    assert.deepEqual(resolveCarrier('UPS Ground', null, rules), { carrier: 'ups', via: 'courier_name' })
  })

  void it('falls back to the tracking-number format and check digit', () => {
    assert.deepEqual(resolveCarrier('Loja Própria', 'DG049186226BR', rules), {
      carrier: 'correios',
      via: 'tracking_number',
    })
    assert.deepEqual(resolveCarrier(null, '1Z5R89390357567127', rules), { carrier: 'ups', via: 'tracking_number' })
  })

  void it('leaves unknown couriers with unknown formats unresolved instead of guessing', () => {
    assert.deepEqual(resolveCarrier('Jadlog', '12345678901234', rules), { carrier: null, via: 'unresolved' })
    assert.deepEqual(resolveCarrier('Correiosx', 'DG049186227BR', rules), { carrier: null, via: 'unresolved' })
  })

  void it('never guesses between two carriers whose formats both accept the number', () => {
    // FedEx and USPS as tracking_number_data describes them: this 34-digit number passes both.
    const dir = path.resolve(__dirname, '../../../shared/contracts/carriers/tracking-number-data/couriers')
    const detectable = (code: string) => {
      const file = JSON.parse(readFileSync(path.join(dir, `${code}.json`), 'utf8')) as CourierSpecFile
      return {
        code,
        courierNameWords: [code],
        matchesTrackingNumber: compileTrackingNumberSpecs(file.tracking_numbers),
      }
    }
    const others = CARRIERS.filter((c) => c.code !== 'fedex' && c.code !== 'usps')
    const both = { ...rules, carriers: [...others, detectable('fedex'), detectable('usps')] }
    assert.deepEqual(resolveCarrier('Loja Própria', '4201028200009261290113185417468510', both), {
      carrier: null,
      via: 'ambiguous',
      candidates: ['fedex', 'usps'],
    })
    // The app's own FedEx module leaves the 34-digit barcode form out, so with the real modules the
    // number is USPS's alone.
    assert.deepEqual(resolveCarrier('Loja Própria', '4201028200009261290113185417468510', rules), {
      carrier: 'usps',
      via: 'tracking_number',
    })
    // The courier mapping still settles it.
    const mapped = { ...both, courierMappings: [{ courierName: 'Loja Própria', carrier: 'usps' }] }
    assert.equal(resolveCarrier('Loja Própria', '4201028200009261290113185417468510', mapped).carrier, 'usps')
  })
})
