import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { TrackingEvent, TrackingResult } from './carrierResult'
import type { AdminLogEntry } from './adminLog'
import { appendAdminLog, MAX_ADMIN_LOG } from './adminLog'
import { applyTrackingResult } from './applyResult'
import {
  boundText,
  MAX_CODE,
  MAX_DESCRIPTION,
  MAX_DOCUMENT_BYTES,
  MAX_EVENTS,
  MAX_LOCATION_PART,
  MAX_MESSAGE,
} from './bounds'
import type { ShipmentRecord } from './shipment'
import { testRecord } from './testRecord'

const NOW = Date.parse('2026-11-20T12:00:00Z')
const ctx = {
  now: NOW,
  pollingIntervalHours: 6,
  trackingWindowDays: 12.5,
  trackingUrl: 'https://rastreamento.correios.com.br/app/index.php?objeto=DG049186226BR',
  carrierDisplayName: 'Correios',
}
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8')

/** `count` ascending events, one a minute from 2026-11-02 09:00 -03:00. */
function events(count: number, text: (i: number) => string): TrackingEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    occurredAt: new Date(Date.parse('2026-11-02T12:00:00Z') + i * 60_000).toISOString().replace('Z', '+00:00'),
    status: 'IN_TRANSIT' as const,
    carrierCode: `RO/${text(i).slice(0, 5000)}`,
    description: text(i),
    location: { city: text(i), state: text(i), country: text(i), postalCode: text(i) },
  }))
}

const carrierSays = (list: TrackingEvent[], message = ''): TrackingResult => ({
  carrier: 'correios',
  trackingNumber: 'DG049186226BR',
  found: true,
  status: 'IN_TRANSIT',
  events: list,
  messages: message ? [{ code: 'CARRIER_MESSAGE', message }] : [],
})

void describe('bounded carrier data', () => {
  void it('keeps the newest 50 of 10,000 events, counts the rest, and stays small', () => {
    const outcome = applyTrackingResult(testRecord(), carrierSays(events(10_000, (i) => `Evento ${i}`)), ctx)
    const kept = outcome.patch.events ?? []
    assert.equal(kept.length, MAX_EVENTS)
    assert.equal(kept[0].description, `Evento ${10_000 - MAX_EVENTS}`)
    assert.equal(kept.at(-1)?.description, 'Evento 9999')
    assert.equal(outcome.patch.droppedEvents, 10_000 - MAX_EVENTS)
    assert.equal(outcome.patch.firstEventAt, '2026-11-02T12:00:00.000Z', 'the real first scan')
    assert.equal(outcome.trackingUpdate?.events.length, MAX_EVENTS)
    assert.ok(bytes({ ...testRecord(), ...outcome.patch }) < 16 * 1024)
    assert.ok(bytes(outcome.trackingUpdate) < 16 * 1024)
  })

  void it('cuts a 1 MB description and every other carrier string to its cap', () => {
    const huge = 'x'.repeat(1024 * 1024)
    const outcome = applyTrackingResult(testRecord(), carrierSays(events(1, () => huge)), ctx)
    const [event] = outcome.patch.events ?? []
    assert.equal(event.description.length, MAX_DESCRIPTION)
    assert.ok(event.description.endsWith('…'))
    assert.equal(event.carrierCode.length, MAX_CODE)
    for (const part of Object.values(event.location ?? {})) assert.equal(part.length, MAX_LOCATION_PART)
    assert.equal(outcome.patch.lastEventDescription?.length, MAX_DESCRIPTION)
    assert.ok((outcome.patch.lastEventLocation?.length ?? 0) <= 3 * MAX_LOCATION_PART + 4)
    assert.equal(outcome.trackingUpdate?.events[0].description.length, MAX_DESCRIPTION)

    const notFound = applyTrackingResult(testRecord(), { ...carrierSays([], huge), found: false }, ctx)
    assert.equal(notFound.patch.lastErrorMessage?.length, MAX_MESSAGE)
  })

  void it(`keeps the worst-case registry document under ${MAX_DOCUMENT_BYTES / 1024} KB`, () => {
    // 3-byte UTF-8 characters everywhere, quotes and backslashes (escaped by JSON), control characters.
    const nasty = (i: number) => `€"\\\u0000\u0007${'€'.repeat(20_000)}${i}`
    const outcome = applyTrackingResult(testRecord(), carrierSays(events(500, nasty), nasty(0)), ctx)
    const failed = applyTrackingResult(testRecord(), { ...carrierSays([], nasty(1)), found: false }, ctx)
    const worst: ShipmentRecord = {
      ...testRecord(),
      ...outcome.patch,
      lastErrorMessage: failed.patch.lastErrorMessage ?? null,
      courierName: 'c'.repeat(100),
      trackingNumber: 'N'.repeat(100),
      trackingNumberRaw: 'n'.repeat(100),
      trackingUrl: `https://a.example/${'€'.repeat(2000)}`,
      rejectedTrackingUrl: '€'.repeat(300),
      // Every admin action at its caps (the customer message is an event description).
      adminLog: Array.from({ length: MAX_ADMIN_LOG + 5 }).reduce<AdminLogEntry[]>(
        (log) =>
          appendAdminLog(log, {
            action: 'set_status',
            at: '2026-11-02T12:00:00.000Z',
            by: `${'a'.repeat(240)}@example.com`,
            status: 'DELIVERED',
            note: nasty(2),
            customerMessage: '€'.repeat(MAX_DESCRIPTION),
          }),
        []
      ),
    }
    const size = bytes(worst)
    assert.ok(size < MAX_DOCUMENT_BYTES, `${size} bytes`)
    assert.ok(!JSON.stringify(worst.events).includes('\\u0000'), 'control characters removed')
  })

  void it('boundText folds whitespace and never cuts a short text', () => {
    assert.equal(boundText('  Objeto   em\ttrânsito \n', 100), 'Objeto em trânsito')
    assert.equal(boundText('abc', 3), 'abc')
    assert.equal(boundText('abcd', 3), 'ab…')
  })
})
