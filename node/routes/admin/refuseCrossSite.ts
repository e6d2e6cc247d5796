import { RequestRefusedError } from '../../errors'
import type { RouteContext } from '../../typings/context'

/**
 * Header the admin page sends on every state-changing request (react/admin/api/client.ts sends
 * the same name and value). A page on another origin cannot add it without a CORS preflight,
 * which this app never answers; an HTML form cannot add it at all.
 */
export const ADMIN_REQUEST_HEADER = 'x-order-tracking-admin'
export const ADMIN_REQUEST_VALUE = '1'

/**
 * Runs before requireAdmin on every POST admin route. The admin cookie rides along with any
 * request the browser makes to the account's host, so these routes accept only what the app's own
 * page sends: a JSON body (forms and `text/plain` need no preflight), the custom header, and,
 * when the browser says where the request comes from, the same origin as the host it reached.
 * `Sec-Fetch-Site: same-site` is refused too: another host under the same site (another store on
 * myvtex.com, a subdomain) is not the admin.
 */
export async function refuseCrossSite(ctx: RouteContext, next: () => Promise<void>): Promise<void> {
  ctx.set('Cache-Control', 'no-store')
  const problem = crossSiteProblem({
    contentType: ctx.get('content-type'),
    customHeader: ctx.get(ADMIN_REQUEST_HEADER),
    secFetchSite: ctx.get('sec-fetch-site'),
    origin: ctx.get('origin'),
    host: ctx.vtex.host || ctx.get('x-forwarded-host'),
  })
  if (problem !== undefined) {
    ctx.vtex.logger.warn({ message: 'admin write refused', route: ctx.vtex.route.id, reason: problem.reason })
    throw new RequestRefusedError(problem.reason, problem.message, problem.status)
  }
  await next()
}

export interface WriteRequestHeaders {
  contentType: string
  customHeader: string
  secFetchSite: string
  /** Empty when the browser sent none. */
  origin: string
  /** The account host the request came to (the IO router's x-forwarded-host). */
  host: string
}

export interface CrossSiteProblem {
  status: 403 | 415
  reason: string
  message: string
}

/** Why a write request is not the admin page's own, or undefined when it is. */
export function crossSiteProblem(headers: WriteRequestHeaders): CrossSiteProblem | undefined {
  const mediaType = headers.contentType.split(';')[0].trim().toLowerCase()
  if (mediaType !== 'application/json') {
    return {
      status: 415,
      reason: 'unsupported_media_type',
      message: `admin actions take application/json only (got ${mediaType ? JSON.stringify(mediaType.slice(0, 100)) : 'no content type'})`,
    }
  }
  if (headers.customHeader !== ADMIN_REQUEST_VALUE) {
    return {
      status: 403,
      reason: 'cross_site_refused',
      message: `admin actions must come from the admin page (the ${ADMIN_REQUEST_HEADER} header is missing)`,
    }
  }
  const site = headers.secFetchSite.trim().toLowerCase()
  if (site !== '' && site !== 'same-origin') {
    return {
      status: 403,
      reason: 'cross_site_refused',
      message: `admin actions are same-origin only (Sec-Fetch-Site: ${site.slice(0, 40)})`,
    }
  }
  if (headers.origin !== '' && !sameHost(headers.origin, headers.host)) {
    return { status: 403, reason: 'cross_site_refused', message: 'admin actions are same-origin only (foreign Origin)' }
  }
  return undefined
}

/** Whether an Origin header names the host the request came to ("null" and garbage never do). */
function sameHost(origin: string, host: string): boolean {
  if (host === '') return false
  try {
    const url = new URL(origin)
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && url.host.toLowerCase() === host.trim().toLowerCase()
    )
  } catch {
    return false
  }
}
