import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { deliveryTimes } from './deliveryTimes'

const at = (day: number, hours = 0): string => new Date(Date.UTC(2026, 10, day, hours)).toISOString()

void describe('deliveryTimes', () => {
  void it('averages invoice-to-delivery days and takes the nearest-rank 90th percentile', () => {
    // 1..10 days: average 5.5, p90 = the 9th of 10.
    const samples = Array.from({ length: 10 }, (_, i) => ({ invoicedAt: at(1), deliveredAt: at(2 + i) }))
    assert.deepEqual(deliveryTimes(samples), { count: 10, averageDays: 5.5, p90Days: 9 })
  })

  void it('rounds to a tenth of a day and leaves out undated or impossible deliveries', () => {
    assert.deepEqual(
      deliveryTimes([
        { invoicedAt: at(1), deliveredAt: at(2, 12) },
        { invoicedAt: at(1), deliveredAt: null },
        { invoicedAt: at(5), deliveredAt: at(4) },
      ]),
      { count: 1, averageDays: 1.5, p90Days: 1.5 }
    )
  })

  void it('says nothing when nothing was delivered', () => {
    assert.deepEqual(deliveryTimes([]), { count: 0, averageDays: null, p90Days: null })
  })
})
