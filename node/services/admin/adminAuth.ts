import { ForbiddenError } from '../../errors'
import type { AppContext } from '../../typings/context'
import { asPlatformError, httpStatusOf } from '../platformErrors'

/** The admin a request acts for, as VTEX ID and sphinx vouched for them. */
export interface AdminUser {
  email: string
  userId: string
}

/**
 * Checks an admin token the way the IO platform's own @auth directive does: VTEX ID says whose
 * token it is (and for which account, when it says), then an admin check for this account.
 * The admin check is sphinx `isAdmin` (policy sphinx-is-admin, as return-app does): it needs no
 * License Manager product/resource codes, which VTEX does not document for third-party apps.
 *
 * 401: no token, a token VTEX ID does not accept, or one issued for another account.
 * 403: a valid user of this account who is not an admin. VTEX ID or sphinx down: 503.
 */
export async function authenticateAdmin(ctx: AppContext, token: string | undefined): Promise<AdminUser> {
  if (!token) throw new ForbiddenError('Sign in to the VTEX admin: the VtexIdclientAutCookie token is missing', 401)
  const user = await callPlatform('vtexid', () => ctx.clients.vtexId.authenticatedUser(token))
  if (!user) throw new ForbiddenError('The admin token is invalid or expired: sign in again', 401)
  if (user.account !== undefined && user.account !== ctx.vtex.account) {
    throw new ForbiddenError(`The admin token was issued for another account, not ${ctx.vtex.account}`, 401)
  }
  if (!(await isAdmin(ctx, user.user))) {
    ctx.vtex.logger.warn({ message: 'admin API refused a non-admin user', user: user.user })
    throw new ForbiddenError(`${user.user} is not an administrator of ${ctx.vtex.account}`, 403)
  }
  return { email: user.user, userId: user.userId }
}

async function isAdmin(ctx: AppContext, email: string): Promise<boolean> {
  try {
    return (await ctx.clients.sphinx.isAdmin(email)) === true
  } catch (error) {
    const status = httpStatusOf(error)
    // sphinx answers 4xx for emails it does not know: not an admin here.
    if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) return false
    throw asPlatformError('sphinx', error)
  }
}

async function callPlatform<T>(upstream: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw asPlatformError(upstream, error)
  }
}
