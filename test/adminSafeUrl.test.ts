import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { safeAdminPath, safeHttpUrl } from '../react/admin/shared/safeUrl'

/** The admin page's own guard (react/admin/shared/safeUrl.ts): every link it renders passes here. */
void describe('admin page link guard', () => {
  void it('links only absolute http(s) URLs', () => {
    assert.equal(safeHttpUrl('https://www.ups.com/track?tracknum=1Z'), 'https://www.ups.com/track?tracknum=1Z')
    assert.equal(safeHttpUrl('http://example.com'), 'http://example.com')
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,x',
      '//evil.example',
      '/x',
      '',
      null,
      undefined,
    ]) {
      assert.equal(safeHttpUrl(url), null, String(url))
    }
  })

  void it('links admin paths only on this origin', () => {
    assert.equal(safeAdminPath('/admin/orders/123-01'), '/admin/orders/123-01')
    for (const path of [
      '//evil.example/admin',
      '/\\evil.example',
      'javascript:alert(1)',
      'https://evil.example',
      '/ad min',
      '',
      null,
    ]) {
      assert.equal(safeAdminPath(path), null, String(path))
    }
  })
})
