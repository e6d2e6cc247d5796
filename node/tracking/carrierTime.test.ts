import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { calendarDate, formatInZone, parseOffset, readCarrierTimestamp } from './carrierTime'
import { zoneOfPlace } from './placeZones'

void describe('readCarrierTimestamp', () => {
  void it('keeps the offset the carrier sent', () => {
    assert.equal(
      readCarrierTimestamp('2018-02-02T12:01:00-07:00', 'Europe/Berlin')?.occurredAt,
      '2018-02-02T12:01:00-07:00'
    )
    assert.equal(readCarrierTimestamp('2024-04-04T14:03:12.041Z', undefined)?.occurredAt, '2024-04-04T14:03:12+00:00')
    assert.equal(readCarrierTimestamp('2024-04-04T14:03:12+0530', undefined)?.occurredAt, '2024-04-04T14:03:12+05:30')
  })

  void it('reads a zoneless wall time in the zone of the place, DST included', () => {
    // Amsterdam is +01:00 in winter and +02:00 in summer.
    assert.equal(
      readCarrierTimestamp('2018-03-02T07:53:47', 'Europe/Amsterdam')?.occurredAt,
      '2018-03-02T07:53:47+01:00'
    )
    assert.equal(
      readCarrierTimestamp('2018-07-02T07:53:47', 'Europe/Amsterdam')?.occurredAt,
      '2018-07-02T07:53:47+02:00'
    )
    // Manaus is -04:00 all year: not the -03:00 of Sao Paulo.
    const manaus = readCarrierTimestamp('2026-11-03 10:00:00', zoneOfPlace({ country: 'BR', state: 'AM' }))
    assert.equal(manaus?.occurredAt, '2026-11-03T10:00:00-04:00')
    assert.equal(manaus?.instant, Date.parse('2026-11-03T14:00:00Z'))
  })

  void it('handles the skipped and the repeated hour of a DST change', () => {
    // 2024-03-10 02:30 does not exist in Chicago; 2024-11-03 01:30 happens twice (earlier wins).
    assert.equal(
      readCarrierTimestamp('2024-03-10T02:30:00', 'America/Chicago')?.occurredAt,
      '2024-03-10T03:30:00-05:00'
    )
    assert.equal(
      readCarrierTimestamp('2024-11-03T01:30:00', 'America/Chicago')?.occurredAt,
      '2024-11-03T01:30:00-05:00'
    )
    assert.equal(
      readCarrierTimestamp('2024-10-27T02:30:00', 'Europe/Amsterdam')?.occurredAt,
      '2024-10-27T02:30:00+02:00'
    )
  })

  void it('refuses to guess: no offset and no zone is undefined, as are impossible dates', () => {
    assert.equal(readCarrierTimestamp('2018-03-02T07:53:47', undefined), undefined)
    assert.equal(readCarrierTimestamp('2024-02-30T10:00:00Z', 'UTC'), undefined)
    assert.equal(readCarrierTimestamp('yesterday', 'UTC'), undefined)
  })
})

void describe('time helpers', () => {
  void it('parses the offset forms carriers use', () => {
    assert.equal(parseOffset('-7:00'), -420)
    assert.equal(parseOffset('+05:45'), 345)
    assert.equal(parseOffset('Z'), 0)
    assert.equal(parseOffset('-15:00'), undefined)
  })

  void it('formats an instant in a zone with that zone offset', () => {
    assert.equal(
      formatInZone(Date.parse('2026-07-01T12:00:00Z'), 'America/Los_Angeles').occurredAt,
      '2026-07-01T05:00:00-07:00'
    )
  })

  void it('resolves zones by state in multi-zone countries and by country otherwise', () => {
    assert.equal(zoneOfPlace({ country: 'US', state: 'az' }), 'America/Phoenix')
    assert.equal(zoneOfPlace({ country: 'USA' }), 'America/New_York')
    assert.equal(zoneOfPlace({ country: 'NL' }), 'Europe/Amsterdam')
    assert.equal(zoneOfPlace({ country: 'XX' }), undefined)
    assert.equal(zoneOfPlace({}), undefined)
  })

  void it('takes the calendar date as written', () => {
    assert.equal(calendarDate('2021-10-15T00:00:00-06:00'), '2021-10-15')
    assert.equal(calendarDate('2021-02-30'), undefined)
  })
})
