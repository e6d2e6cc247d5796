import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import type { CourierSpecFile } from './shared/trackingNumberData'
import { CARRIERS } from '.'

/**
 * Detection is only a hint, but a number two modules both accept leaves the shipment without a
 * carrier. Every valid test number of every module's tracking_number_data entries is accepted by
 * that module and by no other, and every invalid one by none of the modules' own formats.
 */
void describe('tracking-number detection across the module list', () => {
  void it('has test numbers to check for every carrier whose data file brings them', () => {
    const withNumbers = CARRIERS.filter((carrier) =>
      readFileSync(path.join(__dirname, carrier.code, 'tracking-number-data.json'), 'utf8').includes('"valid"')
    )
    assert.deepEqual(withNumbers.map((c) => c.code).sort(), ['dhl', 'fedex', 'ups', 'usps'])
  })

  for (const carrier of CARRIERS) {
    void it(`${carrier.code}: its own test numbers, and nobody else's`, () => {
      const data = JSON.parse(
        readFileSync(path.join(__dirname, carrier.code, 'tracking-number-data.json'), 'utf8')
      ) as CourierSpecFile
      const valid = data.tracking_numbers.flatMap((spec) => spec.test_numbers?.valid ?? [])
      for (const number of valid) {
        const matching = CARRIERS.filter((c) => c.matchesTrackingNumber(number)).map((c) => c.code)
        assert.deepEqual(matching, [carrier.code], JSON.stringify(number))
      }
      for (const number of data.tracking_numbers.flatMap((spec) => spec.test_numbers?.invalid ?? [])) {
        assert.equal(carrier.matchesTrackingNumber(number), false, JSON.stringify(number))
      }
    })
  }
})
