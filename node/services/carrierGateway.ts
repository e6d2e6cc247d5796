import { adapterFor } from '../carriers/registry'
import type { CarrierCode, TrackingResult } from '../carriers/types'
import { CarrierAuthError, CarrierUnavailableError } from '../errors'
import type { AppSettings } from '../settings/appSettings'
import type { AppContext } from '../typings/context'

/**
 * Fetches and normalises one batch (at most the carrier's batch size) from one carrier. The client
 * does HTTP and throws typed transport/auth errors; the adapter's pure parser does the rest.
 */
export async function trackBatch(
  ctx: AppContext,
  settings: AppSettings,
  carrier: CarrierCode,
  trackingNumbers: string[],
  options: { timeoutMs?: number } = {}
): Promise<TrackingResult[]> {
  const adapter = adapterFor(carrier)
  if (trackingNumbers.length > adapter.maxBatchSize) {
    throw new RangeError(`${carrier} takes at most ${adapter.maxBatchSize} numbers per request`)
  }
  const request = fetchRaw(ctx, settings, carrier, trackingNumbers)
  const raw = options.timeoutMs === undefined ? await request : await withTimeout(request, carrier, options.timeoutMs)
  return adapter.parseTrackingResponse(raw, trackingNumbers)
}

function fetchRaw(ctx: AppContext, settings: AppSettings, carrier: CarrierCode, numbers: string[]): Promise<unknown> {
  switch (carrier) {
    case 'correios': {
      if (!settings.correios) throw missingCredentials('Correios')
      return ctx.clients.correios.fetchTracking(settings.correios, numbers)
    }
    case 'ups': {
      if (!settings.ups) throw missingCredentials('UPS')
      return ctx.clients.ups.fetchTracking(settings.ups, numbers)
    }
  }
}

const missingCredentials = (name: string): CarrierAuthError =>
  new CarrierAuthError(name.toLowerCase(), `no ${name} credentials in the app settings`)

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
