import type { AppSettings } from '../settings/appSettings'
import { parseAppSettings } from '../settings/appSettings'
import type { AppContext } from '../typings/context'

/** Reads and validates the app settings once per request (never inside a loop). */
export async function loadSettings(ctx: AppContext): Promise<AppSettings> {
  const appId = process.env.VTEX_APP_ID
  if (!appId) throw new Error('VTEX_APP_ID is not set: the IO runtime always sets it')
  const raw: unknown = await ctx.clients.apps.getAppSettings(appId)
  return parseAppSettings(raw)
}
