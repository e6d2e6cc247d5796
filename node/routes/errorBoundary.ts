import { AppError, ForbiddenError, RequestRefusedError } from '../errors'
import type { RouteContext } from '../typings/context'

/**
 * First step of every route. Typed errors become clear JSON answers with the right status; any
 * other error is a 500 with a request id, and its details stay in the logs, never in the body.
 */
export async function routeErrorBoundary(ctx: RouteContext, next: () => Promise<void>): Promise<void> {
  try {
    await next()
  } catch (error) {
    ctx.set('Cache-Control', 'no-store')
    if (error instanceof ForbiddenError || error instanceof RequestRefusedError) {
      ctx.status = error.status
      ctx.body = { error: error.reason, message: error.message }
      return
    }
    if (error instanceof AppError) {
      ctx.status = error.transient ? 503 : 400
      ctx.body = { error: error.reason, message: error.message }
      ctx.vtex.logger.warn({ message: 'route failed', route: ctx.vtex.route.id, reason: error.reason })
      return
    }
    ctx.vtex.logger.error({ message: 'route crashed', route: ctx.vtex.route.id, error: String(error) })
    ctx.status = 500
    ctx.body = { error: 'internal_error', requestId: ctx.vtex.requestId }
  }
}
