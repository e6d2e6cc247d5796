import { IOClients, Sphinx } from '@vtex/api'
import type { IOClient } from '@vtex/api'

import { carrierModule } from '../carriers'
import type { CarrierCode } from '../tracking/carrierResult'
import { MailClient } from './mail'
import { OmsClient } from './oms'
import { SchedulerClient } from './scheduler'
import { StoreSetupClient } from './storeSetup'
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

  /** Catalog sales channels (time zone) and Logistics holidays: the store's calendar. */
  public get storeSetup(): StoreSetupClient {
    return this.getOrSet('storeSetup', StoreSetupClient)
  }

  public get scheduler(): SchedulerClient {
    return this.getOrSet('scheduler', SchedulerClient)
  }

  /**
   * A carrier's IO client, registered under its code from the module list (node/carriers), with
   * the options its module declares (node/clientOptions.ts reads them from the same list).
   */
  public carrier(code: CarrierCode): IOClient {
    return this.getOrSet(code, carrierModule(code).client.implementation)
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
