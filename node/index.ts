import type { ParamsContext } from '@vtex/api'
import { method, Service } from '@vtex/api'

import { clientsConfig } from './clientOptions'
import type { Clients } from './clients'
import { onAppSetup } from './events/appSetup'
import { backfill } from './events/backfill'
import { checkBatch, parseBatchEvent } from './events/checkBatch'
import { reconcile } from './events/reconcile'
import { eventErrorBoundary } from './events/errorBoundary'
import { ensureScheduled, parseOrderEvent, registerAndCheck } from './events/orderInvoiced'
import { actOnIncident, refreshNow, setCarrier, setStatus } from './routes/admin/actions'
import { requestBackfill } from './routes/admin/backfill'
import { emailPreviewList } from './routes/admin/emails'
import { charts, overview } from './routes/admin/overview'
import { refuseCrossSite } from './routes/admin/refuseCrossSite'
import { requireAdmin } from './routes/admin/requireAdmin'
import { shipmentById, shipmentEmailAudit, shipmentList, shipmentsCsv } from './routes/admin/shipments'
import { routeErrorBoundary } from './routes/errorBoundary'
import { sweep, verifySchedulerSecret } from './routes/sweep'
import { carrierWebhook } from './routes/webhooks'
import type { State } from './typings/context'

export default new Service<Clients, State, ParamsContext>({
  clients: clientsConfig,
  events: {
    onOrderInvoiced: [eventErrorBoundary, parseOrderEvent, ensureScheduled, registerAndCheck],
    onAppSetup: [eventErrorBoundary, onAppSetup],
    onCheckBatch: [eventErrorBoundary, parseBatchEvent, checkBatch],
    onReconcile: [eventErrorBoundary, reconcile],
    onBackfill: [eventErrorBoundary, backfill],
  },
  routes: {
    sweep: method({ POST: [routeErrorBoundary, verifySchedulerSecret, sweep] }),
    // Carrier webhooks: public, every delivery's signature checked over the raw body before parsing.
    carrierWebhook: method({ POST: [routeErrorBoundary, carrierWebhook] }),
    // Admin API: public (same-origin fetch from the admin page), every route behind requireAdmin;
    // every write first refuses what is not the admin page's own JSON request (CSRF).
    adminOverview: method({ GET: [routeErrorBoundary, requireAdmin, overview] }),
    adminCharts: method({ GET: [routeErrorBoundary, requireAdmin, charts] }),
    adminShipmentsCsv: method({ GET: [routeErrorBoundary, requireAdmin, shipmentsCsv] }),
    adminShipments: method({ GET: [routeErrorBoundary, requireAdmin, shipmentList] }),
    adminShipmentsRefresh: method({ POST: [routeErrorBoundary, refuseCrossSite, requireAdmin, refreshNow] }),
    adminShipment: method({ GET: [routeErrorBoundary, requireAdmin, shipmentById] }),
    adminShipmentCarrier: method({ POST: [routeErrorBoundary, refuseCrossSite, requireAdmin, setCarrier] }),
    adminShipmentStatus: method({ POST: [routeErrorBoundary, refuseCrossSite, requireAdmin, setStatus] }),
    adminShipmentEmails: method({ GET: [routeErrorBoundary, requireAdmin, shipmentEmailAudit] }),
    adminEmailPreviews: method({ GET: [routeErrorBoundary, requireAdmin, emailPreviewList] }),
    adminShipmentIncidents: method({ POST: [routeErrorBoundary, refuseCrossSite, requireAdmin, actOnIncident] }),
    adminBackfill: method({ POST: [routeErrorBoundary, refuseCrossSite, requireAdmin, requestBackfill] }),
  },
})
