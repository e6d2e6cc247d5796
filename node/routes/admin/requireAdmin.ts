import type { AdminUser } from '../../services/admin/adminAuth'
import { authenticateAdmin } from '../../services/admin/adminAuth'
import type { RouteContext, State } from '../../typings/context'

const COOKIE = 'VtexIdclientAutCookie'

interface AdminState extends State {
  /** Set by requireAdmin. */
  admin?: AdminUser
}

/**
 * Second step of every admin route (after the error boundary). The routes are `public` so the
 * admin page can fetch them same-origin; this is what keeps them private: the caller's own admin
 * token (cookie, or a header of the same name) must belong to an admin of this account.
 */
export async function requireAdmin(ctx: RouteContext, next: () => Promise<void>): Promise<void> {
  // Nothing an admin route answers may be cached by the edge or the browser, refusals included.
  ctx.set('Cache-Control', 'no-store')
  const token = ctx.vtex.adminUserAuthToken ?? ctx.cookies.get(COOKIE) ?? (ctx.get(COOKIE) || undefined)
  ;(ctx.state as AdminState).admin = await authenticateAdmin(ctx, token)
  await next()
}

/** The admin requireAdmin authenticated for this request. */
export function adminOf(ctx: RouteContext): AdminUser {
  const admin = (ctx.state as AdminState).admin
  if (!admin) throw new Error('requireAdmin must run before this step')
  return admin
}
