/**
 * The admin API contract (node/routes/admin, `/_v/private/order-tracking/admin/*`), as the page
 * sees it. The react builder cannot import from node/, so the shapes are restated here; the
 * status and state lists mirror node/tracking/status.ts and node/tracking/shipment.ts.
 */

export const TRACKING_STATUSES = [
  'PENDING',
  'INFO_RECEIVED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'AVAILABLE_FOR_PICKUP',
  'ATTEMPT_FAIL',
  'DELIVERED',
  'EXCEPTION',
  'RETURN_TO_SENDER',
  'RETURNED',
  'FAILURE',
  'EXPIRED',
  'UNKNOWN',
] as const
export type TrackingStatus = (typeof TRACKING_STATUSES)[number]

/**
 * Statuses a merchant may set by hand: what a carrier could have reported. PENDING, EXPIRED and
 * UNKNOWN are the app's own (node/services/admin/manualStatus.ts SETTABLE_STATUSES refuses them).
 */
export const SETTABLE_STATUSES = [
  'INFO_RECEIVED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'AVAILABLE_FOR_PICKUP',
  'ATTEMPT_FAIL',
  'DELIVERED',
  'EXCEPTION',
  'RETURN_TO_SENDER',
  'RETURNED',
  'FAILURE',
] as const
export type SettableStatus = (typeof SETTABLE_STATUSES)[number]

export const SHIPMENT_STATES = [
  'active',
  'awaiting_tracking',
  'unresolved_carrier',
  'link_only',
  'done',
  'expired',
] as const
export type ShipmentState = (typeof SHIPMENT_STATES)[number]

/**
 * A carrier module's code. Which carriers exist is the server's list (node/carriers/index.ts): the
 * page learns them, with their names, from the overview's carrier health rows.
 */
export type CarrierCode = string

export const SHIPMENT_VIEWS = [
  'overdue',
  'stuck',
  'neverPickedUp',
  'attempts',
  'exceptions',
  'returned',
  'failing',
  'expired',
  'awaiting',
  'unresolved',
] as const
export type ShipmentView = (typeof SHIPMENT_VIEWS)[number]

export const SORT_FIELDS = ['invoicedAt', 'lastEventAt', 'promisedDelivery', 'status'] as const
export type SortField = (typeof SORT_FIELDS)[number]
export type SortDirection = 'asc' | 'desc'

/** Open incidents per queue (node/services/admin/overview.ts ATTENTION_VIEWS); neverPickedUp is part of stuck. */
export interface AttentionCounts {
  overdue: number
  stuck: number
  neverPickedUp: number
  failedAttempts: number
  exceptions: number
  returned: number
  failing: number
  expired: number
  awaitingTracking: number
  unresolvedCarrier: number
}

/** node/tracking/incidents.ts */
export const INCIDENT_KINDS = [
  'overdue',
  'stuck',
  'attempt',
  'exception',
  'returned',
  'failing',
  'expired',
  'awaiting',
  'unresolved',
] as const
export type IncidentKind = (typeof INCIDENT_KINDS)[number]

export interface Incident {
  kind: IncidentKind
  /** Resolved or snoozed until this instant; null while open. */
  silencedUntil: string | null
  resolved: boolean
  neverPickedUp: boolean
}

/** node/tracking/adminLog.ts: what admins did, on the registry only (never on the order). */
export type AdminLogEntry =
  | {
      action: 'set_status'
      at: string
      by: string
      status: TrackingStatus
      note: string | null
      customerMessage: string | null
    }
  | { action: 'resolve' | 'snooze'; at: string; by: string; kind: IncidentKind; reason: string; until: string | null }

export interface IncidentAckInput {
  kind: IncidentKind
  action: 'resolve' | 'snooze'
  reason: string
  /** ISO instant; only with snooze */
  until?: string
}

export interface CarrierHealth {
  carrier: string
  displayName: string
  active: boolean
  lastSuccessAt: string | null
  checked: number
  errors: number
  /** 0..1 */
  errorRate: number
  lastError: string | null
  /** Shipments of this carrier still followed. */
  tracked: number
  /** No successful check for one polling interval: warning; two: error. */
  staleness: 'ok' | 'warning' | 'error'
  /** Carriers that push updates (aggregator webhooks) only. */
  push?: PushHealth | null
  /** Aggregators only: the quota left as their API last said. */
  quota?: { remaining: number; limit?: number; resetsAt?: string; at: string } | null
  /** Carriers that push: the URL to give them (with the install's secret where they cannot sign). */
  webhookUrl?: string
}

export interface PushHealth {
  lastPushAt: string | null
  accepted: number
  duplicates: number
  rejected: { missing_signature: number; bad_signature: number; stale: number }
  lastRejectedAt: string | null
}

export interface SweepSummary {
  running: boolean
  startedAt: string
  finishedAt: string | null
  durationMs: number | null
  checked: number
  changed: number
  delivered: number
  orderWrites: number
  errors: number
  rechecked: number
  /** Due shipments fired as batch events (the checks themselves run in those events). */
  dispatched?: number
  batches?: number
  /** Invoiced orders the hourly reconciliation registered (their event never came). */
  reconciled?: number
  /** Shipments another worker was checking, and those left for the next run (time budget). */
  busy?: number
  deferred?: number
  errorsByReason?: Record<string, number>
  /** Per carrier: checks and errors of the run (the error text redacted of credentials). */
  carriers?: Record<
    string,
    { checked: number; errors: number; lastError?: string; lastSuccessAt?: string; skippedBecause?: string }
  >
  complete: boolean
  stoppedBecause: 'nothing_due' | 'time_budget' | null
}

export interface Overview {
  generatedAt: string
  settings: {
    stuckAfterHours: number
    pollingIntervalHours: number
    trackingWindowDays: number
    carriersConfigured: string[]
  }
  /** The store's calendar: times, days and business days are counted in it. */
  store: {
    timeZone: string
    timeZoneSource: 'setting' | 'sales_channel' | 'fallback'
    holidays: string[]
  }
  totals: {
    all: number
    byStatus: Record<TrackingStatus, number>
    byState: Record<ShipmentState, number>
  }
  attention: AttentionCounts
  /** Shipments by the outcome of their customer emails. */
  emails: { sent: number; suppressed: number; failed: number }
  carriers: CarrierHealth[]
  lastSweep: SweepSummary | null
  sweepHealth: SweepHealth
  /** The latest backfill of orders invoiced before the install (or an admin's request). */
  backfill: BackfillProgress | null
}

/** Mirrors node/services/backfill/state.ts BackfillProgress. */
export interface BackfillProgress {
  runId: string
  trigger: 'install' | 'admin'
  startedAt: string
  finishedAt: string | null
  windowFrom: string
  windowTo: string
  /** Orders in the window; null until the first page of the list was read. */
  totalOrders: number | null
  processedOrders: number
  registeredOrders: number
  failedOrders: number
  running: boolean
}

/** POST /backfill: a new run, a stopped one resumed, or the one already under way. */
export interface BackfillStart {
  outcome: 'started' | 'resumed' | 'running'
  backfill: BackfillProgress
}

export interface ChartDay {
  /** YYYY-MM-DD */
  date: string
  byStatus: Partial<Record<TrackingStatus, number>>
}

/** node/services/admin/carrierMetrics.ts */
export interface CarrierOnTime {
  carrier: string
  displayName: string
  /** Delivered with a promised date. */
  delivered: number
  onTime: number
  overdue: number
  expired: number
  /** onTime / (delivered + overdue + expired) */
  rate: number | null
}

export interface CarrierDeliveryTimes {
  carrier: string
  displayName: string
  count: number
  averageDays: number | null
  p90Days: number | null
  sampled: boolean
}

export interface Charts {
  /** When the (15-minute cached) charts were computed. */
  computedAt: string
  /** The store's zone the chart days are counted in. */
  timeZone: string
  days: ChartDay[]
  onTime: CarrierOnTime[]
  deliveryTimes: CarrierDeliveryTimes[]
}

export interface ShipmentSummary {
  id: string
  orderId: string
  invoiceNumber: string
  trackingNumber: string | null
  /** As the invoice has it ("on 7310 00764 br"); trackingNumber is the normalized form. */
  trackingNumberRaw: string | null
  carrier: string | null
  carrierName: string | null
  courierName: string | null
  status: TrackingStatus
  substatus: string | null
  state: ShipmentState
  lastEventAt: string | null
  lastEventDescription: string | null
  lastEventLocation: string | null
  promisedDelivery: string | null
  estimatedDelivery: string | null
  invoicedAt: string
  deliveredAt: string | null
  nextCheckAt: string | null
  consecutiveErrors: number
  lastErrorReason: string | null
  overdue: boolean
  stuck: boolean
  /** The order in the VTEX admin (a path on the store's admin host). */
  orderAdminUrl: string
}

export interface ShipmentEvent {
  /** ISO instant with offset. */
  occurredAt: string
  /** The carrier's own timestamp text. */
  occurredAtLocal?: string
  status: TrackingStatus
  substatus?: string
  carrierCode: string
  description: string
  location?: { city?: string; state?: string; postalCode?: string; country?: string }
}

export interface ShipmentDetail extends ShipmentSummary {
  events: ShipmentEvent[]
  /** Display names of the carriers whose number format matched when several did (never guessed). */
  carrierCandidateNames: string[]
  nextCheckReason: string | null
  lastCheckedAt: string | null
  checkCount: number
  lastErrorMessage: string | null
  lastErrorAt: string | null
  /** Older carrier events left out to keep the record bounded (the timeline shows the newest 50). */
  droppedEvents?: number
  /** Only ever an http(s) URL; the page still links it only through shared/ExternalLink. */
  trackingUrl: string | null
  /** The invoice's non-http(s) tracking URL, refused at registration: shown as text, never linked. */
  rejectedTrackingUrl: string | null
  invoicePatchedAt: string | null
  lastOmsWriteAt: string | null
  lastManualActionBy: string | null
  trackingPageUrl: string | null
  incidents: Incident[]
  adminLog: AdminLogEntry[]
  /** The rest of the registry record (node/tracking/shipment.ts), as the API returns it. */
  carrierCandidates: string[]
  eventsHash: string | null
  firstEventAt: string | null
  /** Absent on records registered before the field existed. */
  destinationTimeZone?: string | null
  registeredAt: string
  deliveredOnTime: boolean | null
  lastWrittenHash: string | null
  carrierSetBy: string | null
  emailsSent: number
  emailsSuppressed: number
  emailOutcome: 'sent' | 'suppressed' | 'failed' | null
  /** Registered by the backfill: news before this instant is never emailed. */
  emailsFrom?: string | null
  /** Incidents resolved or snoozed until these instants (absent on records nobody acted on). */
  ackOverdue?: string | null
  ackStuck?: string | null
  ackAttempt?: string | null
  ackException?: string | null
  ackReturned?: string | null
  ackFailing?: string | null
  ackExpired?: string | null
  ackAwaiting?: string | null
  ackUnresolved?: string | null
}

export interface ShipmentPage {
  items: ShipmentSummary[]
  total: number
  page: number
  pageSize: number
  maxPage: number
}

export interface ShipmentFilters {
  status?: TrackingStatus
  view?: ShipmentView
  carrier?: string
  /** YYYY-MM-DD, invoiced on or after */
  from?: string
  /** YYYY-MM-DD, invoiced on or before */
  to?: string
  /** Order id or tracking number */
  q?: string
}

export interface ShipmentQuery extends ShipmentFilters {
  sort: SortField
  dir: SortDirection
  page: number
  pageSize: number
}

export interface RefreshResult {
  refreshed: number
  /** status and state are null for an id the registry does not know. */
  results: Array<{ id: string; status: TrackingStatus | null; state: ShipmentState | null; error: string | null }>
}

export interface SetStatusInput {
  status: SettableStatus
  /** ISO instant; only with DELIVERED */
  deliveredAt?: string
  /** Kept on the shipment for the team, never written to the order. */
  internalNote?: string
  /** The order's event text (the customer sees it); the standard text when absent. */
  customerMessage?: string
}

/** Most ids one refresh request may carry. */
export const MAX_REFRESH_IDS = 50

/** node/services/sweepSchedule.ts SweepHealth */
export interface SweepHealth {
  state: 'ok' | 'not_scheduled' | 'late'
  scheduledAt: string | null
  lastRunAt: string | null
  intervalMinutes: number
}
