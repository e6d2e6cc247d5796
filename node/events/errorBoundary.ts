import { AppError } from '../errors'
import type { AppEventContext } from '../typings/context'

/**
 * First step of every event pipeline. Permanent problems (a malformed event, an order that does
 * not exist) are logged and acknowledged, since retrying cannot fix them. Transient ones are
 * rethrown, so the runtime answers 500 and the platform redelivers the event later.
 */
export async function eventErrorBoundary(ctx: AppEventContext, next: () => Promise<void>): Promise<void> {
  try {
    await next()
  } catch (error) {
    const body = ctx.body as { orderId?: unknown } | undefined
    const log = {
      sender: ctx.sender,
      key: ctx.key,
      orderId: typeof body?.orderId === 'string' ? body.orderId : undefined,
      error: error instanceof Error ? error.message : String(error),
    }
    if (error instanceof AppError && !error.transient) {
      ctx.vtex.logger.warn({ message: 'event acknowledged without effect', reason: error.reason, ...log })
      return
    }
    ctx.vtex.logger.error({ message: 'event failed, will be redelivered', ...log })
    throw error
  }
}
