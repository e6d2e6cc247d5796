import type { AppContext } from '../../typings/context'
import type { BackfillState } from './state'
import { BACKFILL_BUCKET, BACKFILL_FILE } from './state'

export const readBackfill = (ctx: AppContext): Promise<BackfillState | null> =>
  ctx.clients.vbase.getJSON<BackfillState | null>(BACKFILL_BUCKET, BACKFILL_FILE, true)

export async function saveBackfill(ctx: AppContext, state: BackfillState): Promise<void> {
  await ctx.clients.vbase.saveJSON<BackfillState>(BACKFILL_BUCKET, BACKFILL_FILE, state)
}
