import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { FALLBACK_TIME_ZONE, holidayDates, ianaZone, resolveStoreZone } from './storeZone'

void describe('store time zone', () => {
  void it('maps VTEX Windows zone names to IANA, and keeps IANA names', () => {
    assert.equal(ianaZone('E. South America Standard Time'), 'America/Sao_Paulo')
    assert.equal(ianaZone('Central Standard Time (Mexico)'), 'America/Mexico_City')
    assert.equal(ianaZone('SA Pacific Standard Time'), 'America/Bogota')
    assert.equal(ianaZone('America/Lima'), 'America/Lima')
    assert.equal(ianaZone('Mars/Olympus'), null)
    assert.equal(ianaZone('Martian Standard Time'), null)
    assert.equal(ianaZone(null), null)
  })

  void it('takes the setting, else the main active sales channel, else the fallback', () => {
    const channels = [
      { Id: 2, IsActive: true, TimeZone: 'Pacific Standard Time' },
      { Id: 1, IsActive: true, TimeZone: 'Central Standard Time (Mexico)' },
      { Id: 0, IsActive: false, TimeZone: 'Tokyo Standard Time' },
    ]
    assert.deepEqual(resolveStoreZone('Europe/Lisbon', channels), { timeZone: 'Europe/Lisbon', source: 'setting' })
    assert.deepEqual(resolveStoreZone(undefined, channels), {
      timeZone: 'America/Mexico_City',
      source: 'sales_channel',
    })
    assert.deepEqual(resolveStoreZone(undefined, [{ Id: 1, TimeZone: 'Unknown Time' }]), {
      timeZone: FALLBACK_TIME_ZONE,
      source: 'fallback',
    })
  })

  void it('reads holiday dates from the Logistics list', () => {
    const raw = [
      { id: 'natal', name: 'Natal', startDate: '2026-12-25T00:00:00' },
      { id: 'x', name: 'X', startDate: '2026-11-16' },
      { id: 'bad', name: 'Bad' },
      'noise',
    ]
    assert.deepEqual(holidayDates(raw), ['2026-11-16', '2026-12-25'])
    assert.deepEqual(holidayDates({ error: 'nope' }), [])
  })
})
