import assert from 'node:assert/strict'
import { beforeEach, describe, it } from 'node:test'

import { parseAppSettings } from '../settings/appSettings'
import type { AppContext } from '../typings/context'
import { clearStoreCalendarCache, loadStoreCalendar, loadStoreTimeZone } from './storeCalendar'

interface Fake {
  ctx: AppContext
  calls: { channels: number; holidays: number }
  warnings: unknown[]
}

function fakeContext(answers: { channels?: () => Promise<unknown>; holidays?: () => Promise<unknown> }): Fake {
  const calls = { channels: 0, holidays: 0 }
  const warnings: unknown[] = []
  const storeSetup = {
    salesChannels: () => {
      calls.channels++
      return (
        answers.channels?.() ?? Promise.resolve([{ Id: 1, IsActive: true, TimeZone: 'Central Standard Time (Mexico)' }])
      )
    },
    holidays: () => {
      calls.holidays++
      return answers.holidays?.() ?? Promise.resolve([{ id: 'h', name: 'H', startDate: '2026-11-16T00:00:00' }])
    },
  }
  const ctx = {
    clients: { storeSetup },
    vtex: { account: 'store', logger: { warn: (entry: unknown) => warnings.push(entry) } },
  } as unknown as AppContext
  return { ctx, calls, warnings }
}

void describe('loadStoreCalendar', () => {
  beforeEach(() => clearStoreCalendarCache())

  void it("reads the sales channel's zone and the holidays once, then from the cache", async () => {
    const fake = fakeContext({})
    const settings = parseAppSettings({})
    const first = await loadStoreCalendar(fake.ctx, settings)
    assert.equal(first.timeZone, 'America/Mexico_City')
    assert.equal(first.source, 'sales_channel')
    assert.deepEqual([...first.holidays], ['2026-11-16'])
    await loadStoreCalendar(fake.ctx, settings)
    await loadStoreTimeZone(fake.ctx, settings)
    assert.deepEqual(fake.calls, { channels: 1, holidays: 1 })
  })

  void it('lets the setting win, and needs no read for the zone alone', async () => {
    const fake = fakeContext({})
    const settings = parseAppSettings({ storeTimeZone: 'America/Bogota' })
    assert.equal(await loadStoreTimeZone(fake.ctx, settings), 'America/Bogota')
    assert.deepEqual(fake.calls, { channels: 0, holidays: 0 })
    const calendar = await loadStoreCalendar(fake.ctx, settings)
    assert.equal(calendar.source, 'setting')
    assert.deepEqual([...calendar.holidays], ['2026-11-16'], 'holidays still come from Logistics')
  })

  void it('falls back and says why when VTEX cannot be read, without failing', async () => {
    const fake = fakeContext({
      channels: () => Promise.reject(new Error('403 Forbidden')),
      holidays: () => Promise.reject(new Error('timeout')),
    })
    const calendar = await loadStoreCalendar(fake.ctx, parseAppSettings({}))
    assert.equal(calendar.timeZone, 'America/Sao_Paulo')
    assert.equal(calendar.source, 'fallback')
    assert.equal(calendar.holidays.size, 0)
    assert.equal(calendar.problems.length, 2)
    assert.equal(fake.warnings.length, 1)
  })
})
