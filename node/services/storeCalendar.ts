import type { AppSettings } from '../settings/appSettings'
import type { StoreCalendar } from '../tracking/businessDays'
import type { StoreZoneSource } from '../tracking/storeZone'
import { holidayDates, resolveStoreZone } from '../tracking/storeZone'
import type { AppContext } from '../typings/context'

/** Sales channels and holidays change rarely: read them at most once an hour per account. */
const CACHE_TTL_MS = 60 * 60_000
/** After a failed read, try again sooner. */
const RETRY_AFTER_MS = 5 * 60_000

export interface StoreCalendarInfo extends StoreCalendar {
  source: StoreZoneSource
  /** What could not be read (the calendar then uses what it has), for logs and the admin. */
  problems: string[]
}

interface Cached {
  channels: Awaited<ReturnType<AppContext['clients']['storeSetup']['salesChannels']>>
  holidays: string[]
  problems: string[]
  until: number
}

const cache = new Map<string, Cached>()

/**
 * The store's time zone (the `storeTimeZone` setting, else the main sales channel's) and its
 * holidays. A failed read never blocks tracking: the zone falls back, holidays are empty, and
 * the problem is logged and reported.
 */
export async function loadStoreCalendar(ctx: AppContext, settings: AppSettings): Promise<StoreCalendarInfo> {
  const cached = await readCached(ctx)
  const zone = resolveStoreZone(settings.storeTimeZone, cached.channels)
  return { ...zone, holidays: new Set(cached.holidays), problems: cached.problems }
}

/** Only the zone: what the admin's displays, filters, charts and CSV need. */
export async function loadStoreTimeZone(ctx: AppContext, settings: AppSettings): Promise<string> {
  if (settings.storeTimeZone) return settings.storeTimeZone
  return (await loadStoreCalendar(ctx, settings)).timeZone
}

async function readCached(ctx: AppContext): Promise<Cached> {
  const key = ctx.vtex.account
  const hit = cache.get(key)
  if (hit && hit.until > monotonicNow()) return hit
  const problems: string[] = []
  const [channels, holidays] = await Promise.all([
    ctx.clients.storeSetup.salesChannels().catch((error: unknown) => {
      problems.push(`sales channels: ${String(error)}`)
      return []
    }),
    ctx.clients.storeSetup
      .holidays()
      .then(holidayDates)
      .catch((error: unknown) => {
        problems.push(`holidays: ${String(error)}`)
        return []
      }),
  ])
  if (problems.length > 0) {
    ctx.vtex.logger.warn({ message: 'store calendar read failed', account: key, problems })
  }
  const fresh: Cached = {
    channels: Array.isArray(channels) ? channels : [],
    holidays,
    problems,
    until: monotonicNow() + (problems.length > 0 ? RETRY_AFTER_MS : CACHE_TTL_MS),
  }
  cache.set(key, fresh)
  return fresh
}

/** Cache ages on the process's monotonic clock, not on the wall clock. */
const monotonicNow = (): number => performance.now()

/** Tests: forget what was read. */
export function clearStoreCalendarCache(): void {
  cache.clear()
}
