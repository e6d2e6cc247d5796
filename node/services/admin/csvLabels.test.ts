import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CSV_LABELS, CSV_LOCALES } from './csvLabels'

const catalog = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'messages', `${locale}.json`), 'utf8')) as Record<
    string,
    string
  >

void describe('CSV labels', () => {
  void it('are exactly the texts of messages/<locale>.json, which translators edit', () => {
    for (const locale of CSV_LOCALES) {
      const messages = catalog(locale)
      for (const [id, text] of Object.entries(CSV_LABELS[locale])) assert.equal(text, messages[id], `${locale} ${id}`)
    }
  })

  void it('cover the same ids in every language, every status and state included', () => {
    const ids = Object.keys(CSV_LABELS.en).sort()
    assert.deepEqual(Object.keys(CSV_LABELS.pt).sort(), ids)
    assert.deepEqual(Object.keys(CSV_LABELS.es).sort(), ids)
    assert.ok(ids.includes('admin/order-tracking.status.INFO_RECEIVED'))
    assert.ok(ids.includes('admin/order-tracking.state.awaiting_tracking'))
  })
})
