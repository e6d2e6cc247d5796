import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { TrackingEvent } from '../tracking/carrierResult'
import type { TrackingStatus } from '../tracking/status'
import { testRecord } from '../tracking/testRecord'
import { defaultEmailSettings } from '../settings/emailSettings'
import type { NoticeInput, OrderFacts } from './decide'
import { decideNotices } from './decide'
import type { NoticeLedger } from './ledger'
import { upsertEntries } from './ledger'
import { milestonesOf } from './milestones'

const T0 = Date.parse('2026-11-02T12:00:00Z')
const at = (hours: number): string => new Date(T0 + hours * 3600_000).toISOString()
const event = (hours: number, status: TrackingStatus, description: string = status): TrackingEvent => ({
  occurredAt: at(hours),
  status,
  carrierCode: status,
  description,
})
const REGULAR: OrderFacts = { fulfillment: false, hasEmail: true }
const FULFILLMENT: OrderFacts = { fulfillment: true, hasEmail: true }

const input = (events: TrackingEvent[], ledger: NoticeLedger, nowHours: number, changed = true): NoticeInput => ({
  record: testRecord({ events, trackingUrl: 'https://t.example/1', invoicePatchedAt: at(0) }),
  ledger,
  changed,
  now: T0 + nowHours * 3600_000,
  policy: defaultEmailSettings(),
})

void describe('milestonesOf', () => {
  void it('keys the link, the first event and each change to a status that matters; scans in between are not milestones', () => {
    const events = [
      event(0, 'INFO_RECEIVED'),
      event(4, 'IN_TRANSIT'),
      event(28, 'IN_TRANSIT'),
      event(46, 'OUT_FOR_DELIVERY'),
      event(53, 'ATTEMPT_FAIL'),
      event(70, 'OUT_FOR_DELIVERY'),
      event(75, 'DELIVERED'),
    ]
    const keys = milestonesOf({ ...testRecord({ events, trackingUrl: 'https://t/1' }) }).map((m) => m.key)
    assert.deepEqual(keys, [
      'shipped',
      `first_update@${at(0)}`,
      `in_transit@${at(4)}`,
      `out_for_delivery@${at(46)}`,
      `attempt_fail@${at(53)}`,
      `out_for_delivery@${at(70)}`,
      `delivered@${at(75)}`,
    ])
  })

  void it('a first event that says more than "news" keeps its own kind', () => {
    const [, first] = milestonesOf(testRecord({ events: [event(1, 'OUT_FOR_DELIVERY')], trackingUrl: 'https://t/1' }))
    assert.equal(first.kind, 'out_for_delivery')
  })
})

void describe('decideNotices', () => {
  void it('leaves to VTEX what VTEX sends on a regular order and sends the first update it swallows', () => {
    const decision = decideNotices(input([event(0, 'INFO_RECEIVED')], { entries: [] }, 0.1), REGULAR)
    assert.equal(decision.send?.kind, 'first_update')
    assert.deepEqual(
      decision.record.map((e) => [e.kind, e.reason]),
      [['shipped', 'vtex_sends']]
    )
    const inTransit = decideNotices(
      input([event(0, 'INFO_RECEIVED'), event(4, 'IN_TRANSIT')], sentAll(0.1), 4.5),
      REGULAR
    )
    assert.equal(inTransit.send, null)
    assert.deepEqual(
      inTransit.record.map((e) => e.reason),
      ['vtex_sends']
    )
  })

  void it('sends everything itself for a fulfillment order, which VTEX never emails', () => {
    const events = [event(0, 'INFO_RECEIVED'), event(4, 'IN_TRANSIT')]
    assert.equal(decideNotices(input(events, sentAll(0.1), 4.5), FULFILLMENT).send?.kind, 'in_transit')
  })

  void it('records scan noise once and sends nothing for it', () => {
    const events = [event(0, 'INFO_RECEIVED'), event(4, 'IN_TRANSIT'), event(28, 'IN_TRANSIT', 'Arrived')]
    const ledger = sentAll(5, events.slice(0, 2))
    const decision = decideNotices(input(events, ledger, 29), FULFILLMENT)
    assert.equal(decision.send, null)
    assert.deepEqual(
      decision.record.map((e) => [e.kind, e.reason, e.eventDescription]),
      [['update', 'scan_noise', 'Arrived']]
    )
    const again = decideNotices(input(events, upsertEntries(ledger, decision.record), 30), FULFILLMENT)
    assert.deepEqual(again.record, [], 'the same scan is not recorded twice')
  })

  void it('a backfill tells only the newest news, and nothing older than the configured age', () => {
    const events = [event(0, 'INFO_RECEIVED'), event(4, 'IN_TRANSIT'), event(46, 'OUT_FOR_DELIVERY')]
    const fresh = decideNotices(input(events, { entries: [] }, 47), FULFILLMENT)
    assert.equal(fresh.send?.kind, 'out_for_delivery')
    assert.deepEqual(
      fresh.record.map((e) => e.reason),
      ['superseded', 'superseded', 'superseded']
    )
    const late = decideNotices(input(events, { entries: [] }, 46 + 49), FULFILLMENT)
    assert.equal(late.send, null)
    assert.equal(late.record.at(-1)?.reason, 'too_old')
  })

  void it('nothing but "delivered" once a shipment is delivered; nothing at all for an expired one', () => {
    const events = [event(0, 'INFO_RECEIVED'), event(46, 'OUT_FOR_DELIVERY'), event(50, 'DELIVERED')]
    const decision = decideNotices(input(events, sentAll(1, events.slice(0, 1)), 51), FULFILLMENT)
    assert.equal(decision.send?.kind, 'delivered')
    assert.equal(decision.record.find((e) => e.kind === 'out_for_delivery')?.reason, 'already_delivered')
    const stale = input([event(0, 'INFO_RECEIVED')], { entries: [] }, 1)
    stale.record = { ...stale.record, state: 'expired' }
    assert.deepEqual(
      decideNotices(stale, FULFILLMENT).record.map((e) => e.reason),
      ['shipment_stale', 'shipment_stale']
    )
  })

  void it('respects the settings switch and a customer without an email', () => {
    const disabled = input([event(0, 'INFO_RECEIVED')], { entries: [] }, 1)
    disabled.policy.kinds.first_update = false
    assert.equal(decideNotices(disabled, REGULAR).record.at(-1)?.reason, 'disabled')
    const noEmail = decideNotices(input([event(0, 'INFO_RECEIVED')], { entries: [] }, 1), {
      fulfillment: true,
      hasEmail: false,
    })
    assert.equal(noEmail.record.at(-1)?.reason, 'no_customer_email')
  })

  void it('retries a failed send, never an unknown one, and does not repeat the same news within hours', () => {
    const events = [event(0, 'INFO_RECEIVED')]
    const failed = sentAll(0.1, events, 'failed')
    assert.equal(decideNotices(input(events, failed, 2, false), FULFILLMENT).send?.kind, 'first_update')
    const unknown = sentAll(0.1, events, 'unknown')
    assert.equal(decideNotices(input(events, unknown, 2, false), FULFILLMENT).send, null)
    const repeats = [
      event(0, 'INFO_RECEIVED'),
      event(40, 'OUT_FOR_DELIVERY'),
      event(41, 'IN_TRANSIT'),
      event(42, 'OUT_FOR_DELIVERY'),
    ]
    const decision = decideNotices(input(repeats, sentAll(40.5, repeats.slice(0, 3)), 42.5), FULFILLMENT)
    assert.equal(decision.send, null)
    assert.equal(decision.record.at(-1)?.reason, 'already_sent')
  })
})

/** A ledger in which every milestone of `events` was decided with `state`. */
function sentAll(
  hours: number,
  events: TrackingEvent[] = [event(0, 'INFO_RECEIVED')],
  state: 'sent' | 'failed' | 'unknown' = 'sent'
): NoticeLedger {
  const record = testRecord({ events, trackingUrl: 'https://t/1', invoicePatchedAt: at(0) })
  return {
    entries: milestonesOf(record).map((m) => ({
      key: m.key,
      kind: m.kind,
      state,
      reason: null,
      eventAt: m.at,
      eventDescription: m.event?.description ?? null,
      decidedAt: at(hours),
      locale: 'en',
      templateName: null,
      attempts: 1,
      error: null,
    })),
  }
}

void describe('decideNotices for backfilled shipments', () => {
  const backfilled = (events: TrackingEvent[], emailsFrom: string): NoticeInput => ({
    record: testRecord({ events, trackingUrl: 'https://t.example/1', invoicedAt: at(0), emailsFrom }),
    ledger: { entries: [] },
    changed: true,
    now: T0 + 30 * 3600_000,
    policy: defaultEmailSettings(),
  })

  void it('never emails news from before the backfill started, however recent (not only past 48 h)', () => {
    const events = [event(2, 'IN_TRANSIT'), event(20, 'OUT_FOR_DELIVERY')]
    const decision = decideNotices(backfilled(events, at(25)), FULFILLMENT)
    assert.equal(decision.send, null)
    assert.deepEqual(
      decision.record.map((entry) => [entry.kind, entry.reason]),
      [
        ['shipped', 'before_backfill'],
        ['first_update', 'before_backfill'],
        ['out_for_delivery', 'before_backfill'],
      ]
    )
  })

  void it('emails what happens after the backfill started, as for any shipment', () => {
    const events = [event(2, 'IN_TRANSIT'), event(29, 'OUT_FOR_DELIVERY')]
    const decision = decideNotices(backfilled(events, at(25)), FULFILLMENT)
    assert.equal(decision.send?.kind, 'out_for_delivery')
  })

  void it('dates "shipped" from the invoice, not from the app writing the link after the backfill', () => {
    const input = backfilled([], at(25))
    input.record = { ...input.record, invoicePatchedAt: at(26) }
    const decision = decideNotices(input, FULFILLMENT)
    assert.equal(decision.send, null)
    assert.deepEqual(
      decision.record.map((entry) => entry.reason),
      ['before_backfill']
    )
  })

  void it('a shipment registered by its own event (no cut-off) keeps the 48 h rule only', () => {
    const events = [event(2, 'IN_TRANSIT'), event(20, 'OUT_FOR_DELIVERY')]
    const plain = backfilled(events, at(25))
    plain.record = { ...plain.record, emailsFrom: null }
    assert.equal(decideNotices(plain, FULFILLMENT).send?.kind, 'out_for_delivery')
  })
})
