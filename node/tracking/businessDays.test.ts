import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Order } from '../typings/orders'
import { attentionCutoffs, isOverdue } from './attention'
import type { StoreCalendar } from './businessDays'
import { addBusinessDays, endOfLocalDay, parseShippingEstimate, promiseFromEstimate } from './businessDays'
import { promisedDelivery } from './newShipment'
import { testRecord } from './testRecord'

const SAO_PAULO = 'America/Sao_Paulo' // UTC-3 all year
const noHolidays: StoreCalendar = { timeZone: SAO_PAULO, holidays: new Set() }
/** Monday 2026-11-16 is a store holiday. */
const withHoliday: StoreCalendar = { timeZone: SAO_PAULO, holidays: new Set(['2026-11-16']) }
/** Friday 2026-11-13, 15:00 in São Paulo. */
const FRIDAY_INVOICE = Date.parse('2026-11-13T15:00:00-03:00')

const order = (estimate: string, date: string | null = null): Order =>
  ({
    orderId: 'o-1',
    status: 'invoiced',
    creationDate: '2026-11-12T10:00:00Z',
    shippingData: {
      logisticsInfo: [{ itemIndex: 0, selectedSla: 'PAC', shippingEstimate: estimate, shippingEstimateDate: date }],
    },
  }) as unknown as Order

const overdueAt = (promised: string | null, at: string): boolean =>
  isOverdue(
    testRecord({ state: 'active', status: 'IN_TRANSIT', promisedDelivery: promised, estimatedDelivery: null }),
    attentionCutoffs(Date.parse(at), 72)
  )

void describe('parseShippingEstimate', () => {
  void it('reads business days, calendar days, hours and minutes', () => {
    assert.deepEqual(parseShippingEstimate('5bd'), { amount: 5, unit: 'bd' })
    assert.deepEqual(parseShippingEstimate(' 3D '), { amount: 3, unit: 'd' })
    assert.deepEqual(parseShippingEstimate('12h'), { amount: 12, unit: 'h' })
    assert.deepEqual(parseShippingEstimate('30m'), { amount: 30, unit: 'm' })
    for (const bad of [null, undefined, '', 'bd', '5 business days', '-2d', '3w']) {
      assert.equal(parseShippingEstimate(bad), null, String(bad))
    }
  })
})

void describe('business days', () => {
  void it('skip weekends and store holidays, in the store time zone', () => {
    assert.equal(addBusinessDays(FRIDAY_INVOICE, 3, noHolidays), '2026-11-18')
    assert.equal(addBusinessDays(FRIDAY_INVOICE, 3, withHoliday), '2026-11-19')
    // 23:30 on Friday in São Paulo is already Saturday in UTC: the local date counts.
    assert.equal(addBusinessDays(Date.parse('2026-11-14T02:30:00Z'), 1, noHolidays), '2026-11-16')
    assert.equal(
      addBusinessDays(Date.parse('2026-11-14T02:30:00Z'), 1, { ...noHolidays, timeZone: 'UTC' }),
      '2026-11-16'
    )
  })

  void it('end the promise at the last millisecond of the local day', () => {
    assert.equal(new Date(endOfLocalDay('2026-11-19', SAO_PAULO)).toISOString(), '2026-11-20T02:59:59.999Z')
    assert.equal(new Date(endOfLocalDay('2026-11-19', 'America/Mexico_City')).toISOString(), '2026-11-20T05:59:59.999Z')
    // A daylight-saving day (New York, 2026-11-01 falls back at 02:00): still the local midnight.
    assert.equal(new Date(endOfLocalDay('2026-11-01', 'America/New_York')).toISOString(), '2026-11-02T04:59:59.999Z')
  })

  void it('count calendar days for `d`, and hours as they are', () => {
    const calendar = withHoliday
    assert.equal(
      new Date(promiseFromEstimate(FRIDAY_INVOICE, { amount: 3, unit: 'd' }, calendar) ?? 0).toISOString(),
      '2026-11-17T02:59:59.999Z'
    )
    assert.equal(
      promiseFromEstimate(FRIDAY_INVOICE, { amount: 12, unit: 'h' }, calendar),
      FRIDAY_INVOICE + 12 * 3600_000
    )
    assert.equal(promiseFromEstimate(FRIDAY_INVOICE, null, calendar), null)
  })
})

void describe('business-day promises and overdue', () => {
  void it('3bd invoiced on a Friday before a Monday holiday: not overdue on Wednesday morning, overdue on Friday', () => {
    const promised = promisedDelivery(order('3bd'), FRIDAY_INVOICE, withHoliday)
    assert.equal(promised, '2026-11-20T02:59:59.999Z') // end of Thursday 19 in São Paulo
    assert.equal(overdueAt(promised, '2026-11-18T09:00:00-03:00'), false, 'Wednesday morning')
    assert.equal(overdueAt(promised, '2026-11-19T18:00:00-03:00'), false, 'Thursday evening, the promised day')
    assert.equal(overdueAt(promised, '2026-11-20T09:00:00-03:00'), true, 'Friday morning')
  })

  void it('without the holiday the same order is due on Wednesday, overdue on Thursday', () => {
    const promised = promisedDelivery(order('3bd'), FRIDAY_INVOICE, noHolidays)
    assert.equal(overdueAt(promised, '2026-11-18T20:00:00-03:00'), false)
    assert.equal(overdueAt(promised, '2026-11-19T09:00:00-03:00'), true)
  })

  void it('a calendar-day estimate ignores weekends', () => {
    const promised = promisedDelivery(order('3d'), FRIDAY_INVOICE, withHoliday)
    assert.equal(overdueAt(promised, '2026-11-17T09:00:00-03:00'), true, 'Tuesday: 3 calendar days were Monday')
  })

  void it("the order's shippingEstimateDate wins when VTEX dated it", () => {
    assert.equal(
      promisedDelivery(order('3bd', '2026-11-24T12:00:00.0000000+00:00'), FRIDAY_INVOICE, withHoliday),
      '2026-11-24T12:00:00.000Z'
    )
  })

  void it('no estimate, no promise', () => {
    assert.equal(promisedDelivery(order(''), FRIDAY_INVOICE, withHoliday), null)
  })
})
