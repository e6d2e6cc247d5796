import { IOClients, Sphinx } from '@vtex/api'

import { CorreiosClient } from './carriers/correios'
import { UpsClient } from './carriers/ups'
import { MailClient } from './mail'
import { OmsClient } from './oms'
import { SchedulerClient } from './scheduler'
import { VtexIdClient } from './vtexId'

/** One client per upstream. Timeouts and retries are set in node/clientOptions.ts, not here. */
export class Clients extends IOClients {
  public get oms(): OmsClient {
    return this.getOrSet('oms', OmsClient)
  }

  /** Message Center: the app's own customer emails. */
  public get mail(): MailClient {
    return this.getOrSet('mail', MailClient)
  }

  public get scheduler(): SchedulerClient {
    return this.getOrSet('scheduler', SchedulerClient)
  }

  public get correios(): CorreiosClient {
    return this.getOrSet('correios', CorreiosClient)
  }

  public get ups(): UpsClient {
    return this.getOrSet('ups', UpsClient)
  }

  /** Who holds an admin token (admin API auth). */
  public get vtexId(): VtexIdClient {
    return this.getOrSet('vtexId', VtexIdClient)
  }

  /** @vtex/api's sphinx client: `isAdmin(email)` for the admin API (policy sphinx-is-admin). */
  public get sphinx(): Sphinx {
    return this.getOrSet('sphinx', Sphinx)
  }
}
