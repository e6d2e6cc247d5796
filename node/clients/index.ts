import { IOClients } from '@vtex/api'

import { CorreiosClient } from './carriers/correios'
import { UpsClient } from './carriers/ups'
import { OmsClient } from './oms'
import { SchedulerClient } from './scheduler'

/** One client per upstream. Timeouts and retries are set in node/clientOptions.ts, not here. */
export class Clients extends IOClients {
  public get oms(): OmsClient {
    return this.getOrSet('oms', OmsClient)
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
}
