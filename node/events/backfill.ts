import { InvalidInputError } from '../errors'
import { runBackfillSlice } from '../services/backfill/runBackfill'
import { parseBackfillEvent } from '../services/backfill/state'
import type { AppEventContext } from '../typings/context'

/** `backfill` event (the app to itself): one slice of the run, which asks for the next one. */
export async function backfill(ctx: AppEventContext): Promise<void> {
  let runId: string
  try {
    runId = parseBackfillEvent(ctx.body).runId
  } catch (error) {
    throw new InvalidInputError(error instanceof Error ? error.message : String(error))
  }
  const outcome = await runBackfillSlice(ctx, runId)
  if (outcome !== 'continued') ctx.vtex.logger.info({ message: 'backfill event handled', runId, outcome })
}
