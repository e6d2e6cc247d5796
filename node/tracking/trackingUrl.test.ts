import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { checkTrackingUrl, isHttpUrl } from './trackingUrl'

void describe('checkTrackingUrl', () => {
  void it('keeps absolute http(s) URLs', () => {
    for (const url of ['https://rastreamento.correios.com.br/app/index.php?objeto=X', 'http://track.example/1']) {
      assert.deepEqual(checkTrackingUrl(` ${url} `), { url, rejected: null })
    }
    assert.deepEqual(checkTrackingUrl(''), { url: null, rejected: null })
    assert.deepEqual(checkTrackingUrl(null), { url: null, rejected: null })
  })

  void it('refuses everything a browser could run or that is not a web address, keeping it as text', () => {
    const hostile = [
      'javascript:alert(document.domain)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/relative/path',
      'https://',
      'ftp://files.example/x',
      'not a url',
    ]
    for (const url of hostile) {
      const checked = checkTrackingUrl(url)
      assert.equal(checked.url, null, url)
      assert.equal(checked.rejected, url.trim().slice(0, 300), url)
    }
    assert.equal(checkTrackingUrl(`javascript:${'x'.repeat(5000)}`).rejected?.length, 300)
    assert.equal(checkTrackingUrl(`https://a.example/${'x'.repeat(3000)}`).url, null, 'absurdly long')
  })

  void it('isHttpUrl agrees', () => {
    assert.equal(isHttpUrl('https://ups.com/track?tracknum=1Z'), true)
    assert.equal(isHttpUrl('javascript://ups.com/%0aalert(1)'), false)
  })
})
