import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import Database from 'better-sqlite3'

import { MasterDataStore } from '../../../emulator/vtex/masterdata'
import { SHIPMENT_ENTITY, SHIPMENT_SCHEMA, shipmentSchema } from '../../registry/schema'
import type { AttentionCutoffs } from '../../tracking/attention'
import { attentionCutoffs } from '../../tracking/attention'
import type { IncidentKind } from '../../tracking/incidents'
import { ACK_FIELDS, incidentsOf, RESOLVED_UNTIL } from '../../tracking/incidents'
import type { ShipmentRecord, ShipmentState } from '../../tracking/shipment'
import { SHIPMENT_STATES } from '../../tracking/shipment'
import type { TrackingStatus } from '../../tracking/status'
import { testRecord } from '../../tracking/testRecord'
import { AdminRequestError } from './adminErrors'
import type { AttentionView, ShipmentFilter } from './shipmentQuery'
import { attentionWhere, maxPageFor, parseFilter, parseListQuery, sortFor, whereFor } from './shipmentQuery'

const NOW = Date.parse('2026-11-10T15:00:00.000Z')
const cutoffs = attentionCutoffs(NOW, 72)

const rejects = (fn: () => unknown, reason: string): void =>
  assert.throws(fn, (error: unknown) => error instanceof AdminRequestError && error.reason === reason)

void describe('parseListQuery', () => {
  void it('defaults to the newest invoices, 25 a page', () => {
    assert.deepEqual(parseListQuery({}), { filter: {}, sort: 'invoicedAt', dir: 'desc', page: 1, pageSize: 25 })
  })

  void it('reads every filter', () => {
    const query = parseListQuery({
      status: 'IN_TRANSIT',
      view: 'stuck',
      carrier: 'ups',
      from: '2026-11-01',
      to: '2026-11-03',
      q: ' 1Z5R 8939 ',
      sort: 'lastEventAt',
      dir: 'asc',
      page: '3',
      pageSize: '100',
    })
    assert.deepEqual(query, {
      filter: {
        status: 'IN_TRANSIT',
        view: 'stuck',
        carrier: 'ups',
        from: '2026-11-01',
        to: '2026-11-03',
        q: '1Z5R8939',
      },
      sort: 'lastEventAt',
      dir: 'asc',
      page: 3,
      pageSize: 100,
    })
  })

  void it('refuses values it does not know with a 400 reason', () => {
    rejects(() => parseFilter({ status: 'LOST' }), 'invalid_filter')
    rejects(() => parseFilter({ view: 'late' }), 'invalid_filter')
    rejects(() => parseFilter({ carrier: 'pigeon' }), 'invalid_filter')
    rejects(() => parseFilter({ from: '2026-02-30' }), 'invalid_filter')
    rejects(() => parseFilter({ from: '2026-11-05', to: '2026-11-01' }), 'invalid_filter')
    rejects(() => parseFilter({ q: 'a" OR status="DELIVERED' }), 'invalid_filter')
    rejects(() => parseListQuery({ sort: 'trackingUrl' }), 'invalid_filter')
    rejects(() => parseListQuery({ pageSize: '101' }), 'invalid_filter')
    rejects(() => parseListQuery({ page: '0' }), 'invalid_filter')
    rejects(() => parseListQuery({ page: '1.5' }), 'invalid_filter')
  })

  void it('refuses pages past the 10,000-document search window, saying what to do', () => {
    assert.equal(parseListQuery({ page: '100', pageSize: '100' }).page, 100)
    assert.equal(parseListQuery({ page: '400', pageSize: '25' }).page, 400)
    assert.throws(
      () => parseListQuery({ page: '101', pageSize: '100' }),
      (error: unknown) =>
        error instanceof AdminRequestError &&
        error.reason === 'page_too_deep' &&
        /narrow the filter/i.test(error.message)
    )
    rejects(() => parseListQuery({ page: '401' }), 'page_too_deep')
  })

  void it('reports the last reachable page', () => {
    assert.equal(maxPageFor(0, 25), 1)
    assert.equal(maxPageFor(51, 25), 3)
    assert.equal(maxPageFor(100_000, 25), 400)
    assert.equal(maxPageFor(100_000, 30), 333)
  })
})

void describe('whereFor', () => {
  void it('turns filters into one _where on indexed fields', () => {
    const filter: ShipmentFilter = {
      status: 'DELIVERED',
      carrier: 'correios',
      from: '2026-11-01',
      to: '2026-11-30',
      q: 'dg0491',
    }
    assert.equal(
      whereFor(filter, cutoffs),
      '(status="DELIVERED") AND (carrier="correios") AND (invoicedAt>2026-10-31T23:59:59.999Z) AND ' +
        '(invoicedAt<2026-12-01T00:00:00.000Z) AND ((orderId=dg0491* OR trackingNumber=DG0491*))'
    )
    assert.equal(whereFor({}, cutoffs), undefined)
    assert.equal(whereFor({ carrier: 'none' }, cutoffs), 'carrier is null')
    assert.equal(sortFor('promisedDelivery', 'asc'), 'promisedDelivery ASC')
  })

  void it("reads invoice dates as days of the store's time zone", () => {
    const mexico = attentionCutoffs(NOW, 72, 'America/Mexico_City') // UTC-6, no daylight saving
    assert.equal(
      whereFor({ from: '2026-11-01', to: '2026-11-30' }, mexico),
      '(invoicedAt>2026-11-01T05:59:59.999Z) AND (invoicedAt<2026-12-01T06:00:00.000Z)'
    )
    // 02:00 UTC on the 11th is still the 10th in Mexico City: a carrier estimate for the 10th has not passed.
    assert.equal(attentionCutoffs(Date.parse('2026-11-11T02:00:00Z'), 72, 'America/Mexico_City').today, '2026-11-10')
  })

  void it('finds a tracking number by its normalized form, however it is typed', () => {
    for (const typed of ['ON731000764BR', 'on 7310 00764 br', 'on-7310-00764-br']) {
      const q = parseFilter({ q: typed }).q ?? ''
      assert.match(whereFor({ q }, cutoffs) ?? '', / OR trackingNumber=ON731000764BR\*\)$/, typed)
    }
  })
})

/** Every combination of the fields the rules read, around each cutoff. */
function recordGrid(): ShipmentRecord[] {
  const states: ShipmentState[] = [...SHIPMENT_STATES]
  const statuses: TrackingStatus[] = [
    'PENDING',
    'INFO_RECEIVED',
    'IN_TRANSIT',
    'ATTEMPT_FAIL',
    'EXCEPTION',
    'DELIVERED',
    'RETURNED',
    'FAILURE',
  ]
  /** No acknowledgement, a snooze that ended, one still running, resolved. */
  const acks = [null, '2026-11-10T14:00:00.000Z', '2026-11-10T16:00:00.000Z', RESOLVED_UNTIL]
  const promised = [null, '2026-11-10T14:00:00.000Z', '2026-11-10T16:00:00.000Z']
  const estimates = [null, '2026-11-09', '2026-11-10', '2026-11-09T23:59:00-03:00', '2026-11-11T10:00:00-03:00']
  const lastEvents = [null, '2026-11-07T14:00:00.000Z', '2026-11-07T16:00:00.000Z']
  const invoiced = ['2026-11-08T14:00:00.000Z', '2026-11-08T16:00:00.000Z']
  const records: ShipmentRecord[] = []
  for (const state of states)
    for (const status of statuses)
      for (const promisedDelivery of promised)
        for (const estimatedDelivery of estimates)
          for (const lastEventAt of lastEvents)
            for (const invoicedAt of invoiced) {
              const n = records.length
              const ack = acks[Math.floor(n / 7) % acks.length]
              const kinds = Object.keys(ACK_FIELDS) as IncidentKind[]
              records.push(
                testRecord({
                  // A different kind acknowledged on each record, so every kind meets every ack.
                  [ACK_FIELDS[kinds[n % kinds.length]]]: ack,
                  id: `r${n}`,
                  state,
                  status,
                  promisedDelivery,
                  estimatedDelivery,
                  lastEventAt,
                  invoicedAt,
                  consecutiveErrors: n % 3,
                  carrier: n % 5 === 0 ? null : n % 2 === 0 ? 'ups' : 'correios',
                })
              )
            }
  return records
}

void describe('attention views against the Master Data emulator', () => {
  const store = new MasterDataStore(new Database(':memory:'))
  const scope = { account: 'acme', entity: SHIPMENT_ENTITY, schema: SHIPMENT_SCHEMA }
  store.saveSchema(scope, SHIPMENT_SCHEMA, shipmentSchema)
  const records = recordGrid()
  for (const record of records) store.create(scope, { ...record })

  const matching = (where: string): string[] => {
    const ids: string[] = []
    for (let from = 0; ; from += 100) {
      const page = store.search({ ...scope, where, fields: ['id'], sort: 'id ASC', from, to: from + 100 })
      ids.push(...page.docs.map((d) => String(d.id)))
      if (from + 100 >= page.total) return ids.sort()
    }
  }
  const expected = (rule: (r: ShipmentRecord, c: AttentionCutoffs) => boolean): string[] =>
    records
      .filter((r) => rule(r, cutoffs))
      .map((r) => r.id)
      .sort()

  /** Open incident of `kind` (neither resolved nor snoozed past now), as the detail shows it. */
  const open =
    (kind: IncidentKind, neverPickedUp = false) =>
    (r: ShipmentRecord, c: AttentionCutoffs): boolean =>
      incidentsOf(r, c).some(
        (incident) =>
          incident.kind === kind && incident.silencedUntil === null && (!neverPickedUp || incident.neverPickedUp)
      )
  const rules: Record<AttentionView, (r: ShipmentRecord, c: AttentionCutoffs) => boolean> = {
    overdue: open('overdue'),
    stuck: open('stuck'),
    neverPickedUp: open('stuck', true),
    attempts: open('attempt'),
    exceptions: open('exception'),
    returned: open('returned'),
    failing: open('failing'),
    expired: open('expired'),
    awaiting: open('awaiting'),
    unresolved: open('unresolved'),
  }

  for (const [view, rule] of Object.entries(rules) as Array<[AttentionView, (typeof rules)[AttentionView]]>) {
    void it(`"${view}" finds exactly the open incidents the shipment detail shows`, () => {
      const ids = matching(attentionWhere[view](cutoffs))
      assert.ok(ids.length > 0 && ids.length < records.length, `${view} should split the grid (got ${ids.length})`)
      assert.deepEqual(ids, expected(rule))
    })
  }

  void it('leaves resolved and still-snoozed incidents out of every queue, and brings back ended snoozes', () => {
    const stuckIds = new Set(matching(attentionWhere.stuck(cutoffs)))
    const stuckProblem = records.filter((r) => incidentsOf(r, cutoffs).some((i) => i.kind === 'stuck'))
    const byAck = (ack: string | null) => stuckProblem.filter((r) => (r.ackStuck ?? null) === ack)
    for (const ack of [null, '2026-11-10T14:00:00.000Z', '2026-11-10T16:00:00.000Z', RESOLVED_UNTIL])
      assert.ok(byAck(ack).length > 0, `grid has stuck shipments with ack ${ack}`)
    assert.ok(
      byAck(RESOLVED_UNTIL).every((r) => !stuckIds.has(r.id)),
      'resolved: out'
    )
    assert.ok(
      byAck('2026-11-10T16:00:00.000Z').every((r) => !stuckIds.has(r.id)),
      'snoozed until later: out'
    )
    assert.ok(
      byAck('2026-11-10T14:00:00.000Z').every((r) => stuckIds.has(r.id)),
      'snooze over: back'
    )
    assert.ok(
      byAck(null).every((r) => stuckIds.has(r.id)),
      'never dealt with: in'
    )
  })

  void it('combines a view with the other filters', () => {
    const where = whereFor({ view: 'stuck', carrier: 'ups', status: 'PENDING' }, cutoffs) ?? ''
    const want = records.filter((r) => rules.stuck(r, cutoffs) && r.carrier === 'ups' && r.status === 'PENDING')
    assert.deepEqual(matching(where), want.map((r) => r.id).sort())
    assert.deepEqual(
      matching(whereFor({ carrier: 'none' }, cutoffs) ?? ''),
      expected((r) => r.carrier === null)
    )
  })
})
