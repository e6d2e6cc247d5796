import { emailPreviews } from '../../services/admin/emailPreviews'
import type { RouteContext } from '../../typings/context'

/** GET /_v/private/order-tracking/admin/email-previews */
export async function emailPreviewList(ctx: RouteContext): Promise<void> {
  ctx.body = { previews: await emailPreviews(ctx) }
}
