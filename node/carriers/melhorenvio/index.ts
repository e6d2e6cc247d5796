import { defineCarrier } from '../shared/module'
import { MelhorEnvioClient } from './client'
import type { MelhorEnvioAnswer } from './contract'
import { parseMelhorEnvioTracking } from './parse'
import { melhorEnvioPush } from './push'
import { MELHOR_ENVIO_MAX_BATCH } from './request'
import { MELHOR_ENVIO_SETTINGS, melhorEnvioCredentials } from './settings'
import { isMelhorEnvioTrackingNumber } from './trackingNumber'

export type * from './contract'
export { melhorEnvioErrorMessage, parseEntry, parseMelhorEnvioTracking, MELHOR_ENVIO_ZONE } from './parse'
export { MELHOR_ENVIO_SIGNATURE_HEADER, melhorEnvioPush, parseMelhorEnvioPush, verifyMelhorEnvioPush } from './push'
export {
  buildSearchRequest,
  buildTrackingRequest,
  isMelhorEnvioOrderId,
  MELHOR_ENVIO_HOSTS,
  MELHOR_ENVIO_MAX_BATCH,
} from './request'
export type { MelhorEnvioCredentials } from './request'
export { mapMelhorEnvioStatus } from './statusMap'

/**
 * Melhor Envio (Brazilian label aggregator): up to 20 orders per tracking call (the limit is not
 * documented), every request of the worker spaced to stay under the 250 a minute of Melhor Envio's
 * FAQ. Melhor Envio caches the tracking route for an hour, so checking more often than hourly
 * gains nothing. It reports the label's life (posted, delivered, ...), not carrier scans. No
 * registration is needed (the merchant bought the label there) and no "stop" call exists.
 */
export const melhorenvio = defineCarrier<MelhorEnvioClient, MelhorEnvioAnswer>({
  code: 'melhorenvio',
  displayName: 'Melhor Envio',
  courierNameWords: ['melhorenvio'],
  limits: { batchSize: MELHOR_ENVIO_MAX_BATCH, concurrency: 1, requestsPerSecond: 2 },
  settings: MELHOR_ENVIO_SETTINGS,
  client: { implementation: MelhorEnvioClient, options: { retries: 0, timeout: 15000 } },
  matchesTrackingNumber: isMelhorEnvioTrackingNumber,
  // Melhor Rastreio: Melhor Envio's public tracking page for the codes of its labels.
  trackingUrl: (trackingNumber) =>
    `https://www.melhorrastreio.com.br/rastreio/${encodeURIComponent(trackingNumber.trim())}`,
  fetch: (client, settings, numbers) => client.fetchTracking(melhorEnvioCredentials(settings), numbers),
  parse: parseMelhorEnvioTracking,
  push: melhorEnvioPush,
})
