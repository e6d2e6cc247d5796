import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

// First: sets VTEX_IO before @vtex/api reads it (infra clients then use http, through the proxy).
import { fakeIOContext, useEmulatorProxy } from '../../test/ioContext'

import { Sphinx } from '@vtex/api'

import { Faults } from '../../emulator/faults'
import type { RunningServer } from '../../emulator/proxy'
import { startProxyServer } from '../../emulator/proxy'
import {
  createVtexIdModule,
  DEMO_ADMIN_EMAIL,
  DEMO_ADMIN_TOKEN,
  DEMO_VIEWER_EMAIL,
  DEMO_VIEWER_TOKEN,
  OTHER_ACCOUNT,
  OTHER_ACCOUNT_TOKEN,
} from '../../emulator/vtex/vtexid'
import { VtexIdClient } from './vtexId'

void describe('VtexIdClient and sphinx against the emulated VTEX ID', () => {
  const faults = new Faults()
  let server: RunningServer
  const vtexId = (): VtexIdClient => new VtexIdClient(fakeIOContext(), { retries: 0, timeout: 3000 })

  before(async () => {
    server = await startProxyServer({ modules: [createVtexIdModule({ account: 'acme' })], faults })
    useEmulatorProxy(server.url)
  })
  after(async () => server.close())
  beforeEach(() => faults.clear())

  void it('returns the user behind a token, with the account it was issued for', async () => {
    assert.deepEqual(await vtexId().authenticatedUser(DEMO_ADMIN_TOKEN), {
      userId: '0a1b2c3d-admin',
      user: DEMO_ADMIN_EMAIL,
      userType: 'F',
      account: 'acme',
    })
    assert.equal((await vtexId().authenticatedUser(OTHER_ACCOUNT_TOKEN))?.account, OTHER_ACCOUNT)
  })

  void it('returns null for a token VTEX ID does not know (200 null) or rejects (401)', async () => {
    assert.equal(await vtexId().authenticatedUser('forged-token'), null)
    faults.add({
      host: 'portal.vtexcommercestable.com.br',
      pathIncludes: '/api/vtexid/',
      times: 1,
      response: { status: 401 },
    })
    assert.equal(await vtexId().authenticatedUser(DEMO_ADMIN_TOKEN), null)
  })

  void it('throws on an outage, so the caller answers 503 rather than 401', async () => {
    faults.add({
      host: 'portal.vtexcommercestable.com.br',
      pathIncludes: '/api/vtexid/',
      times: 1,
      response: { status: 503 },
    })
    await assert.rejects(vtexId().authenticatedUser(DEMO_ADMIN_TOKEN), /503/)
  })

  void it('answers sphinx isAdmin per account', async () => {
    const sphinx = new Sphinx(fakeIOContext(), { retries: 0, timeout: 3000 })
    assert.equal(await sphinx.isAdmin(DEMO_ADMIN_EMAIL), true)
    assert.equal(await sphinx.isAdmin(DEMO_VIEWER_EMAIL), false)
    assert.equal(await sphinx.isAdmin('admin@other-store.example'), false)
    assert.equal(DEMO_VIEWER_TOKEN, 'demo-viewer-token')
  })
})
