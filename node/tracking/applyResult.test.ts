import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { TrackingEvent, TrackingResult } from './carrierResult'
import { applyCheckFailure, applyTrackingResult } from './applyResult'
import { eventsHash } from './eventsHash'
import { testRecord } from './testRecord'

const NOW = Date.parse('2026-11-03T12:00:00Z')
const ctx = {
  now: NOW,
  pollingIntervalHours: 6,
  trackingWindowDays: 12.5,
  trackingUrl: 'https://rastreamento.correios.com.br/app/index.php?objeto=DG049186226BR',
  carrierDisplayName: 'Correios',
}

const posted: TrackingEvent = {
  occurredAt: '2026-11-02T14:00:00-03:00',
  status: 'IN_TRANSIT',
  substatus: 'accepted',
  carrierCode: 'PO/01',
  description: 'Objeto postado',
  location: { city: 'SAO PAULO', state: 'SP' },
}
const delivered: TrackingEvent = {
  occurredAt: '2026-11-03T08:30:00-03:00',
  status: 'DELIVERED',
  carrierCode: 'BDE/01',
  description: 'Objeto entregue ao destinatário',
  location: { city: 'CAMPINAS', state: 'SP' },
}
const result = (overrides: Partial<TrackingResult>): TrackingResult => ({
  carrier: 'correios',
  trackingNumber: 'DG049186226BR',
  found: true,
  status: 'IN_TRANSIT',
  events: [posted],
  messages: [],
  ...overrides,
})

void describe('applyTrackingResult', () => {
  void it('patches the invoice with number, URL and courier when the invoice has no URL, and writes events', () => {
    const outcome = applyTrackingResult(testRecord(), result({}), ctx)
    assert.deepEqual(outcome.invoicePatch, {
      trackingNumber: 'DG049186226BR',
      trackingUrl: ctx.trackingUrl,
      dispatchedDate: null,
      courier: 'Correios SEDEX',
    })
    assert.deepEqual(outcome.trackingUpdate, {
      isDelivered: false,
      deliveredDate: null,
      events: [{ city: 'SAO PAULO', state: 'SP', description: 'Objeto postado', date: '2026-11-02T14:00:00-03:00' }],
    })
    assert.equal(outcome.changed, true)
    assert.equal(outcome.patch.status, 'IN_TRANSIT')
    assert.equal(outcome.patch.lastEventAt, '2026-11-02T17:00:00.000Z')
    // The store promised delivery days ahead: the adaptive schedule looks once a day (plus jitter).
    assert.equal(outcome.patch.nextCheckReason, 'long_transit')
    const next = Date.parse(outcome.patch.nextCheckAt ?? '')
    assert.ok(next >= NOW + 24 * 3600_000 && next < NOW + 24 * 3600_000 + 10 * 60_000)
    assert.equal(
      applyTrackingResult(testRecord(), result({}), { ...ctx, scheduleMode: 'vtex_fixed' }).patch.nextCheckAt,
      new Date(NOW + 6 * 3600_000).toISOString()
    )
    assert.equal(outcome.patch.lastWrittenHash, eventsHash('IN_TRANSIT', [posted]))
  })

  void it('never overwrites a tracking URL the merchant already put on the invoice', () => {
    const outcome = applyTrackingResult(testRecord({ trackingUrl: 'https://merchant.example/t' }), result({}), ctx)
    assert.equal(outcome.invoicePatch, undefined)
  })

  void it("replaces a refused javascript: URL on the invoice with the carrier's page, in the number the store typed", () => {
    const record = testRecord({
      trackingNumber: 'ON731000764BR',
      trackingNumberRaw: 'on 7310 00764 br',
      trackingUrl: null,
      rejectedTrackingUrl: 'javascript:alert(1)',
    })
    const outcome = applyTrackingResult(record, result({}), ctx)
    assert.equal(outcome.invoicePatch?.trackingUrl, ctx.trackingUrl)
    assert.equal(outcome.invoicePatch?.trackingNumber, 'on 7310 00764 br')
  })

  void it('writes nothing when the carrier reports nothing new', () => {
    const record = testRecord({ trackingUrl: 'x', lastWrittenHash: eventsHash('IN_TRANSIT', [posted]) })
    const outcome = applyTrackingResult(record, result({}), ctx)
    assert.equal(outcome.changed, false)
    assert.equal(outcome.trackingUpdate, undefined)
    assert.equal(outcome.patch.lastWrittenHash, undefined)
    assert.equal(outcome.patch.checkCount, 1)
  })

  void it('marks delivered with the carrier wall-clock time and stops polling', () => {
    const outcome = applyTrackingResult(
      testRecord({ trackingUrl: 'x' }),
      result({ status: 'DELIVERED', deliveredAt: delivered.occurredAt, events: [posted, delivered] }),
      ctx
    )
    assert.equal(outcome.trackingUpdate?.isDelivered, true)
    assert.equal(outcome.trackingUpdate?.deliveredDate, '2026-11-03 08:30')
    assert.equal(outcome.patch.state, 'done')
    assert.equal(outcome.patch.nextCheckAt, null)
    assert.equal(outcome.patch.deliveredAt, '2026-11-03T11:30:00.000Z')
  })

  void it('does not mark delivered from an UNKNOWN status', () => {
    const unknown: TrackingEvent = { ...delivered, status: 'UNKNOWN', carrierCode: 'BDE/99' }
    const outcome = applyTrackingResult(
      testRecord(),
      result({
        status: 'UNKNOWN',
        events: [posted, unknown],
        messages: [{ code: 'UNMAPPED_CODE', message: 'BDE/99' }],
      }),
      ctx
    )
    assert.equal(outcome.trackingUpdate?.isDelivered, false)
    assert.equal(outcome.patch.state, undefined)
    assert.equal(outcome.patch.deliveredAt, null)
  })

  void it('records a not-found number as an error with back-off, keeping the shipment', () => {
    const outcome = applyTrackingResult(
      testRecord({ consecutiveErrors: 1 }),
      result({ found: false, status: 'PENDING', events: [], messages: [{ code: 'NOT_FOUND', message: 'SRO-020' }] }),
      ctx
    )
    assert.equal(outcome.trackingUpdate, undefined)
    assert.equal(outcome.patch.lastErrorReason, 'tracking_number_not_found')
    assert.equal(outcome.patch.lastErrorMessage, 'SRO-020')
    assert.equal(outcome.patch.consecutiveErrors, 2)
    assert.equal(outcome.patch.nextCheckAt, new Date(NOW + 30 * 60_000).toISOString())
    assert.equal(outcome.patch.state, undefined)
  })

  void it('expires a shipment whose window closed without a terminal status', () => {
    const late = { ...ctx, now: Date.parse('2026-11-15T00:00:00Z') }
    const outcome = applyTrackingResult(testRecord({ trackingUrl: 'x' }), result({}), late)
    assert.equal(outcome.patch.state, 'expired')
    assert.equal(outcome.patch.status, 'EXPIRED')
    assert.equal(outcome.patch.nextCheckAt, null)
  })
})

void describe('applyCheckFailure', () => {
  void it('keeps the shipment active, records the reason and honours Retry-After', () => {
    const patch = applyCheckFailure(
      testRecord(),
      { reason: 'carrier_rate_limited', message: 'slow down', retryAfterMs: 3600_000 },
      ctx
    )
    assert.equal(patch.state, undefined)
    assert.equal(patch.consecutiveErrors, 1)
    assert.equal(patch.lastErrorReason, 'carrier_rate_limited')
    assert.equal(patch.nextCheckAt, new Date(NOW + 3600_000).toISOString())
    assert.equal(patch.nextCheckReason, 'retry_after')
  })
})
