import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'

import { AppGateway } from './gateway'

void describe('AppGateway route timeout', () => {
  let worker: http.Server
  let url = ''
  before(async () => {
    // A worker that answers /fast at once and never answers /slow.
    worker = http.createServer((req, res) => {
      if (req.url?.startsWith('/fast')) res.end('ok')
    })
    await new Promise<void>((resolve) => worker.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(worker.address() as AddressInfo).port}`
  })
  after(() => {
    worker.closeAllConnections()
    worker.close()
  })

  const gateway = (timeout: number) =>
    new AppGateway({
      serviceJson: { timeout, routes: { fast: { path: '/fast' }, slow: { path: '/slow' } } },
      account: 'acme',
      workspace: 'master',
      appToken: 't',
      workerUrl: () => url,
    })

  void it("answers 504 once service.json's timeout (in real seconds) has passed", async () => {
    const started = Date.now()
    const response = await gateway(0.2).callPublicRoute('POST', '/slow', {})
    const waited = Date.now() - started
    assert.equal(response?.status, 504)
    assert.ok(waited >= 190 && waited < 2000, `waited ${waited} ms`)
  })

  void it('passes answers that come in time through', async () => {
    const response = await gateway(0.2).callPublicRoute('GET', '/fast', {})
    assert.equal(response?.status, 200)
    assert.equal(response?.body.toString(), 'ok')
  })
})
