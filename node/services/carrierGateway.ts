import { carrierModule } from '../carriers'
import { CarrierAuthError, CarrierUnavailableError } from '../errors'
import type { AppSettings } from '../settings/appSettings'
import type { CarrierCode, TrackingResult } from '../tracking/carrierResult'
import type { AppContext } from '../typings/context'

/**
 * Fetches and normalises one batch (at most the carrier's batch size) from one carrier, through
 * its module: the client does HTTP and throws typed transport/auth errors, the pure parser does
 * the rest.
 */
export async function trackBatch(
  ctx: AppContext,
  settings: AppSettings,
  carrier: CarrierCode,
  trackingNumbers: string[],
  options: { timeoutMs?: number } = {}
): Promise<TrackingResult[]> {
  const module = carrierModule(carrier)
  const section = settings.carriers[carrier]
  if (!section) {
    throw new CarrierAuthError(carrier, `no ${module.displayName} credentials in the app settings`)
  }
  const request = module.track(ctx.clients.carrier(carrier), section, trackingNumbers)
  return options.timeoutMs === undefined ? request : withTimeout(request, carrier, options.timeoutMs)
}

/**
 * The carrier's answer, or a CarrierUnavailableError once `ms` have passed: a run with little time
 * left must not wait on a hanging carrier (the HTTP request itself still ends at its own timeout).
 */
async function withTimeout<T>(request: Promise<T>, carrier: CarrierCode, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CarrierUnavailableError(carrier, `no answer within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([request, expired])
  } finally {
    clearTimeout(timer)
    // The losing request may still fail later; its rejection is expected and must not go unhandled.
    request.catch(() => undefined)
  }
}

/**
 * Registers numbers with an aggregator that needs it before it can answer (AfterShip create,
 * 17TRACK register); nothing for carriers without the hook. Failures throw the module's typed
 * errors, like a track call.
 */
export async function registerBatch(
  ctx: AppContext,
  settings: AppSettings,
  carrier: CarrierCode,
  trackingNumbers: string[],
  courierNames: ReadonlyArray<string | null>
): Promise<void> {
  const module = carrierModule(carrier)
  const section = settings.carriers[carrier]
  if (!module.register || !section || trackingNumbers.length === 0) return
  await module.register(ctx.clients.carrier(carrier), section, trackingNumbers, courierNames)
}

/**
 * Tells an aggregator to stop following numbers whose shipments ended here. Best effort: the
 * aggregator stops by itself eventually, so a failure is logged, never thrown.
 */
export async function stopBatch(
  ctx: AppContext,
  settings: AppSettings,
  carrier: CarrierCode,
  trackingNumbers: string[]
): Promise<void> {
  const module = carrierModule(carrier)
  const section = settings.carriers[carrier]
  if (!module.stop || !section || trackingNumbers.length === 0) return
  try {
    await module.stop(ctx.clients.carrier(carrier), section, trackingNumbers)
    ctx.vtex.logger.info({ message: 'tracking stopped at the aggregator', carrier, count: trackingNumbers.length })
  } catch (error) {
    ctx.vtex.logger.warn({
      message: 'could not stop tracking at the aggregator',
      carrier,
      count: trackingNumbers.length,
      error: error instanceof Error ? error.message : String(error),
    })
  }
}
