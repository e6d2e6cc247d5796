import { defineMessages } from 'react-intl'

/**
 * Every text of the admin page. Ids are written out in full (`admin/order-tracking.<area>.<element>`)
 * so a plain scan can check them against messages/*.json and context.json (test/browser/messages.test.ts).
 */

export const pageMessages = defineMessages({
  title: { id: 'admin/order-tracking.page.title' },
  subtitle: { id: 'admin/order-tracking.page.subtitle' },
  reload: { id: 'admin/order-tracking.page.reload' },
  updatedAt: { id: 'admin/order-tracking.page.updatedAt' },
  tabOverview: { id: 'admin/order-tracking.tabs.overview' },
  tabShipments: { id: 'admin/order-tracking.tabs.shipments' },
  timeZoneNote: { id: 'admin/order-tracking.page.timeZoneNote' },
})

export const commonMessages = defineMessages({
  empty: { id: 'admin/order-tracking.common.empty' },
  close: { id: 'admin/order-tracking.common.close' },
  cancel: { id: 'admin/order-tracking.common.cancel' },
  loading: { id: 'admin/order-tracking.common.loading' },
  durationMs: { id: 'admin/order-tracking.common.durationMs' },
  durationSeconds: { id: 'admin/order-tracking.common.durationSeconds' },
  durationMinutes: { id: 'admin/order-tracking.common.durationMinutes' },
})

export const errorMessages = defineMessages({
  forbidden: { id: 'admin/order-tracking.error.forbidden' },
  badRequest: { id: 'admin/order-tracking.error.badRequest' },
  notFound: { id: 'admin/order-tracking.error.notFound' },
  unavailable: { id: 'admin/order-tracking.error.unavailable' },
  network: { id: 'admin/order-tracking.error.network' },
  unexpected: { id: 'admin/order-tracking.error.unexpected' },
  retry: { id: 'admin/order-tracking.error.retry' },
})

export const attentionMessages = defineMessages({
  title: { id: 'admin/order-tracking.attention.title' },
  subtitle: { id: 'admin/order-tracking.attention.subtitle' },
  allClear: { id: 'admin/order-tracking.attention.allClear' },
  overdueLabel: { id: 'admin/order-tracking.attention.overdue.label' },
  overdueHelp: { id: 'admin/order-tracking.attention.overdue.help' },
  stuckLabel: { id: 'admin/order-tracking.attention.stuck.label' },
  stuckHelp: { id: 'admin/order-tracking.attention.stuck.help' },
  neverPickedUpLabel: { id: 'admin/order-tracking.attention.neverPickedUp.label' },
  neverPickedUpHelp: { id: 'admin/order-tracking.attention.neverPickedUp.help' },
  exceptionsLabel: { id: 'admin/order-tracking.attention.exceptions.label' },
  exceptionsHelp: { id: 'admin/order-tracking.attention.exceptions.help' },
  expiredLabel: { id: 'admin/order-tracking.attention.expired.label' },
  expiredHelp: { id: 'admin/order-tracking.attention.expired.help' },
  awaitingTrackingLabel: { id: 'admin/order-tracking.attention.awaitingTracking.label' },
  awaitingTrackingHelp: { id: 'admin/order-tracking.attention.awaitingTracking.help' },
  unresolvedCarrierLabel: { id: 'admin/order-tracking.attention.unresolvedCarrier.label' },
  unresolvedCarrierHelp: { id: 'admin/order-tracking.attention.unresolvedCarrier.help' },
  failingLabel: { id: 'admin/order-tracking.attention.failing.label' },
  failingHelp: { id: 'admin/order-tracking.attention.failing.help' },
})

export const overviewMessages = defineMessages({
  statusTitle: { id: 'admin/order-tracking.overview.status.title' },
  statusSubtitle: { id: 'admin/order-tracking.overview.status.subtitle' },
  noShipments: { id: 'admin/order-tracking.overview.status.empty' },
  settingsSummary: { id: 'admin/order-tracking.overview.settings.summary' },
  settingsCarriers: { id: 'admin/order-tracking.overview.settings.carriers' },
  settingsNoCarriers: { id: 'admin/order-tracking.overview.settings.noCarriers' },
})

export const carrierMessages = defineMessages({
  title: { id: 'admin/order-tracking.carriers.title' },
  subtitle: { id: 'admin/order-tracking.carriers.subtitle' },
  columnCarrier: { id: 'admin/order-tracking.carriers.column.carrier' },
  columnConnection: { id: 'admin/order-tracking.carriers.column.connection' },
  columnLastSuccess: { id: 'admin/order-tracking.carriers.column.lastSuccess' },
  columnChecked: { id: 'admin/order-tracking.carriers.column.checked' },
  columnErrors: { id: 'admin/order-tracking.carriers.column.errors' },
  columnErrorRate: { id: 'admin/order-tracking.carriers.column.errorRate' },
  columnLastError: { id: 'admin/order-tracking.carriers.column.lastError' },
  inactive: { id: 'admin/order-tracking.carriers.inactive' },
  never: { id: 'admin/order-tracking.carriers.never' },
  empty: { id: 'admin/order-tracking.carriers.empty' },
  healthy: { id: 'admin/order-tracking.carriers.healthy' },
  degraded: { id: 'admin/order-tracking.carriers.degraded' },
  failing: { id: 'admin/order-tracking.carriers.failing' },
})

export const sweepMessages = defineMessages({
  title: { id: 'admin/order-tracking.sweep.title' },
  subtitle: { id: 'admin/order-tracking.sweep.subtitle' },
  never: { id: 'admin/order-tracking.sweep.never' },
  running: { id: 'admin/order-tracking.sweep.running' },
  finished: { id: 'admin/order-tracking.sweep.finished' },
  duration: { id: 'admin/order-tracking.sweep.duration' },
  dispatched: { id: 'admin/order-tracking.sweep.dispatched' },
  batches: { id: 'admin/order-tracking.sweep.batches' },
  complete: { id: 'admin/order-tracking.sweep.complete' },
  stoppedTimeBudget: { id: 'admin/order-tracking.sweep.stopped.timeBudget' },
  stoppedNothingDue: { id: 'admin/order-tracking.sweep.stopped.nothingDue' },
  stoppedOther: { id: 'admin/order-tracking.sweep.stopped.other' },
  healthNotScheduled: { id: 'admin/order-tracking.sweep.health.notScheduled' },
  healthLate: { id: 'admin/order-tracking.sweep.health.late' },
})

export const chartMessages = defineMessages({
  statusTitle: { id: 'admin/order-tracking.charts.status.title' },
  statusSubtitle: { id: 'admin/order-tracking.charts.status.subtitle' },
  groupWaiting: { id: 'admin/order-tracking.charts.group.waiting' },
  groupMoving: { id: 'admin/order-tracking.charts.group.moving' },
  groupProblem: { id: 'admin/order-tracking.charts.group.problem' },
  groupDelivered: { id: 'admin/order-tracking.charts.group.delivered' },
  groupOther: { id: 'admin/order-tracking.charts.group.other' },
  onTimeTitle: { id: 'admin/order-tracking.charts.onTime.title' },
  onTimeSubtitle: { id: 'admin/order-tracking.charts.onTime.subtitle' },
  onTimeRow: { id: 'admin/order-tracking.charts.onTime.row' },
  onTimeNoData: { id: 'admin/order-tracking.charts.onTime.noData' },
  empty: { id: 'admin/order-tracking.charts.empty' },
})

export const filterMessages = defineMessages({
  statusLabel: { id: 'admin/order-tracking.filters.status.label' },
  statusAll: { id: 'admin/order-tracking.filters.status.all' },
  viewLabel: { id: 'admin/order-tracking.filters.view.label' },
  viewAll: { id: 'admin/order-tracking.filters.view.all' },
  carrierLabel: { id: 'admin/order-tracking.filters.carrier.label' },
  carrierAll: { id: 'admin/order-tracking.filters.carrier.all' },
  fromLabel: { id: 'admin/order-tracking.filters.from.label' },
  toLabel: { id: 'admin/order-tracking.filters.to.label' },
  searchPlaceholder: { id: 'admin/order-tracking.filters.search.placeholder' },
  clear: { id: 'admin/order-tracking.filters.clear' },
})

export const viewMessages = defineMessages({
  overdue: { id: 'admin/order-tracking.view.overdue' },
  stuck: { id: 'admin/order-tracking.view.stuck' },
  exceptions: { id: 'admin/order-tracking.view.exceptions' },
  expired: { id: 'admin/order-tracking.view.expired' },
  awaiting: { id: 'admin/order-tracking.view.awaiting' },
  unresolved: { id: 'admin/order-tracking.view.unresolved' },
  failing: { id: 'admin/order-tracking.view.failing' },
})

export const shipmentMessages = defineMessages({
  total: { id: 'admin/order-tracking.shipments.total' },
  exportCsv: { id: 'admin/order-tracking.shipments.exportCsv' },
  refreshSelected: { id: 'admin/order-tracking.shipments.refreshSelected' },
  selected: { id: 'admin/order-tracking.shipments.selected' },
  moreActions: { id: 'admin/order-tracking.shipments.moreActions' },
  empty: { id: 'admin/order-tracking.shipments.empty' },
  columnOrder: { id: 'admin/order-tracking.shipments.column.order' },
  columnTracking: { id: 'admin/order-tracking.shipments.column.tracking' },
  columnStatus: { id: 'admin/order-tracking.shipments.column.status' },
  columnLastEvent: { id: 'admin/order-tracking.shipments.column.lastEvent' },
  columnPromised: { id: 'admin/order-tracking.shipments.column.promised' },
  columnInvoiced: { id: 'admin/order-tracking.shipments.column.invoiced' },
  columnNextCheck: { id: 'admin/order-tracking.shipments.column.nextCheck' },
  invoice: { id: 'admin/order-tracking.shipments.invoice' },
  noTracking: { id: 'admin/order-tracking.shipments.noTracking' },
  carrierUnknown: { id: 'admin/order-tracking.shipments.carrierUnknown' },
  noEvents: { id: 'admin/order-tracking.shipments.noEvents' },
  notScheduled: { id: 'admin/order-tracking.shipments.notScheduled' },
  flagOverdue: { id: 'admin/order-tracking.shipments.flag.overdue' },
  flagStuck: { id: 'admin/order-tracking.shipments.flag.stuck' },
  flagErrors: { id: 'admin/order-tracking.shipments.flag.errors' },
  paginationOf: { id: 'admin/order-tracking.shipments.pagination.of' },
  paginationRows: { id: 'admin/order-tracking.shipments.pagination.rows' },
  refreshed: { id: 'admin/order-tracking.shipments.toast.refreshed' },
  refreshedWithErrors: { id: 'admin/order-tracking.shipments.toast.refreshedWithErrors' },
  tooMany: { id: 'admin/order-tracking.shipments.toast.tooMany' },
})

export const detailMessages = defineMessages({
  title: { id: 'admin/order-tracking.detail.title' },
  titleNoTracking: { id: 'admin/order-tracking.detail.titleNoTracking' },
  sectionTimeline: { id: 'admin/order-tracking.detail.section.timeline' },
  sectionChecks: { id: 'admin/order-tracking.detail.section.checks' },
  sectionWritten: { id: 'admin/order-tracking.detail.section.written' },
  fieldOrder: { id: 'admin/order-tracking.detail.field.order' },
  fieldInvoice: { id: 'admin/order-tracking.detail.field.invoice' },
  fieldTracking: { id: 'admin/order-tracking.detail.field.tracking' },
  trackingAsInvoiced: { id: 'admin/order-tracking.detail.trackingAsInvoiced' },
  trackingUrlRejected: { id: 'admin/order-tracking.detail.trackingUrlRejected' },
  timelineDropped: { id: 'admin/order-tracking.detail.timelineDropped' },
  fieldCarrier: { id: 'admin/order-tracking.detail.field.carrier' },
  fieldCarrierCandidates: { id: 'admin/order-tracking.detail.field.carrierCandidates' },
  fieldCourier: { id: 'admin/order-tracking.detail.field.courier' },
  fieldState: { id: 'admin/order-tracking.detail.field.state' },
  fieldInvoiced: { id: 'admin/order-tracking.detail.field.invoiced' },
  fieldPromised: { id: 'admin/order-tracking.detail.field.promised' },
  fieldEstimated: { id: 'admin/order-tracking.detail.field.estimated' },
  fieldDelivered: { id: 'admin/order-tracking.detail.field.delivered' },
  fieldLastChecked: { id: 'admin/order-tracking.detail.field.lastChecked' },
  fieldCheckCount: { id: 'admin/order-tracking.detail.field.checkCount' },
  fieldNextCheck: { id: 'admin/order-tracking.detail.field.nextCheck' },
  fieldNextCheckReason: { id: 'admin/order-tracking.detail.field.nextCheckReason' },
  fieldConsecutiveErrors: { id: 'admin/order-tracking.detail.field.consecutiveErrors' },
  fieldInvoicePatched: { id: 'admin/order-tracking.detail.field.invoicePatched' },
  fieldOmsWrite: { id: 'admin/order-tracking.detail.field.omsWrite' },
  fieldManualBy: { id: 'admin/order-tracking.detail.field.manualBy' },
  fieldTrackingUrl: { id: 'admin/order-tracking.detail.field.trackingUrl' },
  fieldTrackingPage: { id: 'admin/order-tracking.detail.field.trackingPage' },
  notYet: { id: 'admin/order-tracking.detail.notYet' },
  nextCheckValue: { id: 'admin/order-tracking.detail.nextCheckValue' },
  lastError: { id: 'admin/order-tracking.detail.lastError' },
  timelineEmpty: { id: 'admin/order-tracking.detail.timeline.empty' },
  carrierCode: { id: 'admin/order-tracking.detail.timeline.carrierCode' },
  carrierLocalTime: { id: 'admin/order-tracking.detail.timeline.carrierLocalTime' },
  actionRefresh: { id: 'admin/order-tracking.detail.action.refresh' },
  actionCarrier: { id: 'admin/order-tracking.detail.action.carrier' },
  actionStatus: { id: 'admin/order-tracking.detail.action.status' },
  actionDelivered: { id: 'admin/order-tracking.detail.action.delivered' },
  toastRefreshed: { id: 'admin/order-tracking.detail.toast.refreshed' },
  toastRefreshFailed: { id: 'admin/order-tracking.detail.toast.refreshFailed' },
  toastCarrier: { id: 'admin/order-tracking.detail.toast.carrier' },
  toastStatus: { id: 'admin/order-tracking.detail.toast.status' },
  toastDelivered: { id: 'admin/order-tracking.detail.toast.delivered' },
  toastFailed: { id: 'admin/order-tracking.detail.toast.failed' },
})

export const carrierModalMessages = defineMessages({
  title: { id: 'admin/order-tracking.carrierModal.title' },
  body: { id: 'admin/order-tracking.carrierModal.body' },
  label: { id: 'admin/order-tracking.carrierModal.label' },
  confirm: { id: 'admin/order-tracking.carrierModal.confirm' },
})

export const statusModalMessages = defineMessages({
  title: { id: 'admin/order-tracking.statusModal.title' },
  titleDelivered: { id: 'admin/order-tracking.statusModal.titleDelivered' },
  body: { id: 'admin/order-tracking.statusModal.body' },
  statusLabel: { id: 'admin/order-tracking.statusModal.statusLabel' },
  deliveredAtLabel: { id: 'admin/order-tracking.statusModal.deliveredAtLabel' },
  noteLabel: { id: 'admin/order-tracking.statusModal.noteLabel' },
  notePlaceholder: { id: 'admin/order-tracking.statusModal.notePlaceholder' },
  invalidDate: { id: 'admin/order-tracking.statusModal.invalidDate' },
  confirm: { id: 'admin/order-tracking.statusModal.confirm' },
  confirmDelivered: { id: 'admin/order-tracking.statusModal.confirmDelivered' },
})
