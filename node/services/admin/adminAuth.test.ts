import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { fakeIOContext } from '../../../test/ioContext'
import type { Clients } from '../../clients'
import type { AuthenticatedUser } from '../../clients/vtexId'
import { ForbiddenError, PlatformUnavailableError } from '../../errors'
import type { AppContext } from '../../typings/context'
import { authenticateAdmin } from './adminAuth'

const httpError = (status: number): Error => Object.assign(new Error(`HTTP ${status}`), { response: { status } })

/** Stateful fakes of the two upstreams, recording what they were asked. */
function context(users: Record<string, AuthenticatedUser | Error>, admins: Record<string, boolean | Error>) {
  const asked = { tokens: [] as string[], emails: [] as string[] }
  const clients = {
    vtexId: {
      authenticatedUser: async (token: string) => {
        asked.tokens.push(token)
        const user = users[token]
        if (user instanceof Error) throw user
        return user ?? null
      },
    },
    sphinx: {
      isAdmin: async (email: string) => {
        asked.emails.push(email)
        const admin = admins[email]
        if (admin instanceof Error) throw admin
        return admin ?? false
      },
    },
  } as unknown as Clients
  const ctx: AppContext = { clients, vtex: fakeIOContext() }
  return { ctx, asked }
}

const status = (expected: 401 | 403) => (error: unknown) => error instanceof ForbiddenError && error.status === expected

const ADMIN: AuthenticatedUser = { userId: 'u-1', user: 'admin@acme.example', account: 'acme' }

void describe('authenticateAdmin', () => {
  void it('accepts an admin of this account', async () => {
    const { ctx, asked } = context({ t: ADMIN }, { 'admin@acme.example': true })
    assert.deepEqual(await authenticateAdmin(ctx, 't'), { email: 'admin@acme.example', userId: 'u-1' })
    assert.deepEqual(asked, { tokens: ['t'], emails: ['admin@acme.example'] })
  })

  void it('answers 401 without a token, for a token VTEX ID rejects, and for another account', async () => {
    const { ctx, asked } = context({ other: { ...ADMIN, account: 'globex' } }, { 'admin@acme.example': true })
    await assert.rejects(authenticateAdmin(ctx, undefined), status(401))
    await assert.rejects(authenticateAdmin(ctx, ''), status(401))
    await assert.rejects(authenticateAdmin(ctx, 'unknown'), status(401))
    await assert.rejects(authenticateAdmin(ctx, 'other'), status(401))
    assert.deepEqual(asked.emails, [], 'no admin check for a token that does not authenticate')
  })

  void it('answers 403 for a user who is not an admin, or whom sphinx does not know', async () => {
    const { ctx } = context(
      { viewer: { ...ADMIN, user: 'viewer@acme.example' }, ghost: { ...ADMIN, user: 'ghost@acme.example' } },
      { 'ghost@acme.example': httpError(404) }
    )
    await assert.rejects(authenticateAdmin(ctx, 'viewer'), status(403))
    await assert.rejects(authenticateAdmin(ctx, 'ghost'), status(403))
  })

  void it('trusts the account check to the admin check when VTEX ID does not name an account', async () => {
    const { userId, user } = ADMIN
    const { ctx } = context({ t: { userId, user } }, { 'admin@acme.example': true })
    assert.equal((await authenticateAdmin(ctx, 't')).email, 'admin@acme.example')
  })

  void it('reports VTEX ID or sphinx outages as transient (503), not as a refusal', async () => {
    const down = context({ t: httpError(502) }, {})
    await assert.rejects(authenticateAdmin(down.ctx, 't'), PlatformUnavailableError)
    const sphinxDown = context({ t: ADMIN }, { 'admin@acme.example': httpError(503) })
    await assert.rejects(authenticateAdmin(sphinxDown.ctx, 't'), PlatformUnavailableError)
  })
})
