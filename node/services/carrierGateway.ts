import { adapterFor } from '../carriers/registry'
import type { CarrierCode, TrackingResult } from '../carriers/types'
import { CarrierAuthError } from '../errors'
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
  trackingNumbers: string[]
): Promise<TrackingResult[]> {
  const adapter = adapterFor(carrier)
  if (trackingNumbers.length > adapter.maxBatchSize) {
    throw new RangeError(`${carrier} takes at most ${adapter.maxBatchSize} numbers per request`)
  }
  const raw = await fetchRaw(ctx, settings, carrier, trackingNumbers)
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
