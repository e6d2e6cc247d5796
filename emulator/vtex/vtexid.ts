/**
 * VTEX ID and the sphinx admin check, as the admin API uses them to authenticate its caller:
 * - `GET /api/vtexid/pub/authenticated/user?authToken=` on portal.vtexcommercestable.com.br (`?an=`),
 *   {account}.vtexcommercestable.com.br and vtexid.vtex.com.br (where @vtex/api's @auth calls it).
 *   Known token: 200 `{ userId, user, userType, account }`. Unknown or missing token: 200 with a
 *   `null` body, one of the two answers VTEX documents for it (the other is 401; faults can play it).
 * - sphinx `GET http://infra.io.vtex.com/sphinx/v0/{account}/{workspace}/user/{email}/isAdmin` → `true`/`false`.
 */
import type { EmuModule, EmuRequest, EmuResponse } from '../http'
import { header, json } from '../http'

/** Admin of the emulated account: every admin route answers. */
export const DEMO_ADMIN_TOKEN = 'demo-admin-token'
export const DEMO_ADMIN_EMAIL = 'admin@orderly.example'
/** A signed-in user of the emulated account who is not an admin: 403. */
export const DEMO_VIEWER_TOKEN = 'demo-viewer-token'
export const DEMO_VIEWER_EMAIL = 'viewer@orderly.example'
/** An admin token issued for another account: 401 on this one. */
export const OTHER_ACCOUNT_TOKEN = 'other-account-token'
export const OTHER_ACCOUNT = 'other-store'
export const OTHER_ACCOUNT_EMAIL = 'admin@other-store.example'

interface TokenUser {
  userId: string
  user: string
  account: string
  admin: boolean
}

const VTEXID_PATH = '/api/vtexid/pub/authenticated/user'
const VTEXID_HOSTS =
  /^(portal\.vtexcommercestable\.com\.br|[a-z0-9-]+\.vtexcommercestable\.com\.br|vtexid\.vtex\.com\.br)$/
const SPHINX_PATH = /^\/sphinx\/v0\/([^/]+)\/([^/]+)\/user\/([^/]+)\/isAdmin$/

export function createVtexIdModule(options: { account: string }): EmuModule {
  const users = new Map<string, TokenUser>([
    [DEMO_ADMIN_TOKEN, user('0a1b2c3d-admin', DEMO_ADMIN_EMAIL, options.account, true)],
    [DEMO_VIEWER_TOKEN, user('0a1b2c3d-viewer', DEMO_VIEWER_EMAIL, options.account, false)],
    [OTHER_ACCOUNT_TOKEN, user('0a1b2c3d-other', OTHER_ACCOUNT_EMAIL, OTHER_ACCOUNT, true)],
  ])
  return {
    name: 'vtexid',
    handle: (req) => {
      if (req.method === 'GET' && req.path === VTEXID_PATH && VTEXID_HOSTS.test(req.host)) {
        return authenticatedUser(users, req)
      }
      const sphinx = req.host === 'infra.io.vtex.com' ? SPHINX_PATH.exec(req.path) : null
      if (sphinx && req.method === 'GET') return isAdmin(users, req, sphinx[1], sphinx[3])
      return undefined
    },
  }
}

function authenticatedUser(users: Map<string, TokenUser>, req: EmuRequest): EmuResponse {
  const found = users.get(req.query.get('authToken') ?? '')
  if (!found) return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: 'null' }
  return json(200, { userId: found.userId, user: found.user, userType: 'F', account: found.account })
}

function isAdmin(users: Map<string, TokenUser>, req: EmuRequest, account: string, email: string): EmuResponse {
  if (!header(req, 'authorization')) return json(401, { code: 'Unauthorized', message: 'missing app token' })
  const decoded = decodeURIComponent(email).toLowerCase()
  const admin = [...users.values()].some((u) => u.user === decoded && u.account === account && u.admin)
  return json(200, admin)
}

const user = (userId: string, email: string, account: string, admin: boolean): TokenUser => ({
  userId,
  user: email,
  account,
  admin,
})
