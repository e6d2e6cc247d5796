import type { ClientsConfig } from '@vtex/api'

import { CARRIERS } from './carriers'
import { Clients } from './clients'

/**
 * Every client's timeout and retry policy in one place. The @vtex/api default is a 1 s timeout
 * and it retries timeouts on any verb, so writes get explicit, conservative settings.
 */
export const clientsConfig: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    // No per-request memoization: the sweep re-reads documents and the lease it has just written.
    default: { retries: 1, timeout: 5000, memoizable: false },
    // No automatic retry of order writes: a write that timed out may still land, and a blind
    // retry would write the same tracking twice (and VTEX may email twice). persistResult marks
    // such a shipment so the next check compares with the order first.
    oms: { retries: 0, timeout: 8000 },
    masterdata: { retries: 1, timeout: 8000 },
    vbase: { retries: 1, timeout: 5000 },
    apps: { retries: 1, timeout: 3000 },
    scheduler: { retries: 1, timeout: 5000 },
    // Reads of the store's calendar, cached for an hour (services/storeCalendar.ts).
    storeSetup: { retries: 1, timeout: 3000 },
    // Each carrier's own options, from its module: carrier APIs can be slow, and their clients map
    // failures to typed errors so the sweep backs off instead of retrying.
    ...Object.fromEntries(CARRIERS.map((carrier) => [carrier.code, carrier.client.options])),
    // sendmail is not idempotent: never retried by the client (a timeout may still have sent it).
    // Template reads and the idempotent template POST share the client; the caller retries those.
    mail: { retries: 0, timeout: 5000 },
    // Admin API auth runs before every admin request: reads, short timeouts.
    vtexId: { retries: 1, timeout: 3000 },
    sphinx: { retries: 1, timeout: 3000 },
  },
}
