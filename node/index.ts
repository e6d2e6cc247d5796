import type { ParamsContext } from '@vtex/api'
import { method, Service } from '@vtex/api'

import { clientsConfig } from './clientOptions'
import type { Clients } from './clients'
import { onAppSetup } from './events/appSetup'
import { eventErrorBoundary } from './events/errorBoundary'
import { parseOrderEvent, registerAndCheck } from './events/orderInvoiced'
import { routeErrorBoundary } from './routes/errorBoundary'
import { sweep, verifySchedulerSecret } from './routes/sweep'
import type { State } from './typings/context'

export default new Service<Clients, State, ParamsContext>({
  clients: clientsConfig,
  events: {
    onOrderInvoiced: [eventErrorBoundary, parseOrderEvent, registerAndCheck],
    onAppSetup: [eventErrorBoundary, onAppSetup],
  },
  routes: {
    sweep: method({ POST: [routeErrorBoundary, verifySchedulerSecret, sweep] }),
  },
})
