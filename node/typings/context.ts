import type { EventContext, RecorderState, ServiceContext } from '@vtex/api'
import type { IOContext } from '@vtex/api'
import type { AppSettings } from '../settings/appSettings'
import type { Clients } from '../clients'
import type { OrderStatusChangeBody } from './events'
import type { CheckBatch } from '../services/fanout/checkBatch'
/** What every use case needs from an entry point: the clients and the request's IO context. */
export interface AppContext {
  clients: Clients
  vtex: IOContext
}

/** Request-scoped state, filled by pipeline steps. */
export interface State extends RecorderState {
  /** Set by loadSettingsStep. */
  settings?: AppSettings
  /** Set by parseOrderEvent: the validated orders-broadcast body. */
  orderEvent?: OrderStatusChangeBody
  /** Set by parseBatchEvent: a batch of due shipments the sweep fired. */
  checkBatch?: CheckBatch
}

export type RouteContext = ServiceContext<Clients, State>

export interface AppEventContext extends EventContext<Clients, State> {
  body: unknown
}
