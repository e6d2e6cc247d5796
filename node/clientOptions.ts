import type { ClientsConfig } from '@vtex/api'

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
    // Order writes are idempotent (PATCH/PUT of the full state), one retry is safe.
    oms: { retries: 1, timeout: 8000 },
    masterdata: { retries: 1, timeout: 8000 },
    vbase: { retries: 1, timeout: 3000 },
    apps: { retries: 1, timeout: 3000 },
    scheduler: { retries: 1, timeout: 5000 },
    // sendmail is not idempotent: never retried by the client (a timeout may still have sent it).
    // Template reads and the idempotent template POST share the client; the caller retries those.
    mail: { retries: 0, timeout: 5000 },
    // Carrier APIs can be slow; their clients map failures to typed errors and the sweep backs off.
    correios: { retries: 0, timeout: 10000 },
    ups: { retries: 0, timeout: 10000 },
    // Admin API auth runs before every admin request: reads, short timeouts.
    vtexId: { retries: 1, timeout: 3000 },
    sphinx: { retries: 1, timeout: 3000 },
  },
}
