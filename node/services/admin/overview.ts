import { carrierModule, CARRIER_CODES } from '../../carriers'
import type { QuotaReading } from '../../carriers/shared/quota'
import { quotaOf } from '../../carriers/shared/quota'
import type { PushHealth } from '../webhooks/pushLedger'
import { readPushHealth, webhookSecret } from '../webhooks/pushLedger'
import type { CarrierCode } from '../../tracking/carrierResult'
import { ShipmentRegistry, quote } from '../../registry/shipmentRegistry'
import type { AppSettings } from '../../settings/appSettings'
import { configuredCarriers } from '../../settings/appSettings'
import type { AttentionCutoffs } from '../../tracking/attention'
import { attentionCutoffs } from '../../tracking/attention'
import type { EmailOutcome, ShipmentState } from '../../tracking/shipment'
import { EMAIL_OUTCOMES, SHIPMENT_STATES } from '../../tracking/shipment'
import type { TrackingStatus } from '../../tracking/status'
import { TRACKING_STATUSES } from '../../tracking/status'
import type { AppContext } from '../../typings/context'
import type { BackfillProgress } from '../backfill/state'
import { progressOf } from '../backfill/state'
import { readBackfill } from '../backfill/store'
import { loadSettings } from '../settings'
import type { SweepStatus } from '../sweepStatus'
import { SWEEP_INTERVAL_MS } from '../schedulerSetup'
import { readSweepStatus } from '../sweepStatus'
import type { SweepHealth } from '../sweepSchedule'
import { ensureSweepScheduled } from '../sweepSchedule'
import type { Redact } from './secrets'
import { secretRedactor } from './secrets'
import type { Staleness } from './staleness'
import { carrierStaleness } from './staleness'
import type { AttentionView } from './shipmentQuery'
import { and, attentionWhere } from './shipmentQuery'
import { atOrAfter } from '../../registry/whereBounds'
import type { StoreZoneSource } from '../../tracking/storeZone'
import { loadStoreCalendar } from '../storeCalendar'

/** Carrier health looks at the checks of the last day. */
const HEALTH_WINDOW_HOURS = 24
/** The day's newest checks read to find the latest success without another query. */
const RECENT_CHECKS = 20
/** A sweep still "running" this long after it started died without saying so (its lease is long gone). */
const STALE_SWEEP_MS = 10 * 60_000
/** Upcoming holidays listed with the store's calendar. */
const UPCOMING_HOLIDAYS = 5

export interface Overview {
  generatedAt: string
  settings: {
    stuckAfterHours: number
    pollingIntervalHours: number
    trackingWindowDays: number
    carriersConfigured: CarrierCode[]
  }
  /** The store's calendar: every time, day and business day on the page is counted in it. */
  store: {
    timeZone: string
    /** setting (storeTimeZone), sales_channel (Catalog) or fallback (neither could be read). */
    timeZoneSource: StoreZoneSource
    /** The next store holidays (Logistics API), skipped when business days are counted. */
    holidays: string[]
  }
  totals: { all: number; byStatus: Record<TrackingStatus, number>; byState: Record<ShipmentState, number> }
  /** Open incidents per queue (resolved and snoozed ones left out); neverPickedUp is part of stuck. */
  attention: Record<AttentionKey, number>
  carriers: CarrierHealth[]
  /** Shipments by the outcome of their customer emails (issue 10): any failed, some sent, all suppressed. */
  emails: Record<EmailOutcome, number>
  lastSweep: SweepStatus | null
  /** Is the scheduler calling the sweep? Warns when it never was, or no run came for two intervals. */
  sweepHealth: SweepHealth
  /** The latest backfill of orders invoiced before the install (or an admin's request): X of Y orders. */
  backfill: BackfillProgress | null
}

export interface CarrierHealth {
  carrier: CarrierCode
  displayName: string
  /** Credentials configured in the app settings. */
  active: boolean
  lastSuccessAt: string | null
  /** Shipments checked in the last 24 hours. */
  checked: number
  /** Of those, the ones whose latest check failed. */
  errors: number
  errorRate: number
  lastError: string | null
  /** Shipments of this carrier still being followed (state active). */
  tracked: number
  /** No successful check for one polling interval: warning; for two: error. */
  staleness: Staleness
  /** Carriers that push (aggregator webhooks) only: deliveries received and refused. */
  push?: PushHealth | null
  /** Aggregators only: the quota left as the API last said (this replica's last call), if it says. */
  quota?: QuotaReading | null
  /** Carriers that push: the URL to give them (with the install's secret where they cannot sign). */
  webhookUrl?: string
}

/**
 * The admin page's first screen. Every number is a Master Data count on indexed fields (one
 * one-document search each, run in parallel), so the cost does not grow with the registry.
 */
export async function buildOverview(ctx: AppContext): Promise<Overview> {
  const settings = await loadSettings(ctx)
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  await registry.ensureSchema()
  const now = Date.now()
  const storeZone = await loadStoreCalendar(ctx, settings)
  const cutoffs = attentionCutoffs(now, settings.stuckAfterHours, storeZone.timeZone)
  const redact = secretRedactor(settings)
  const [totals, attention, emails, carriers, lastSweep, backfill] = await Promise.all([
    countTotals(registry),
    countAttention(registry, cutoffs),
    countEach(EMAIL_OUTCOMES, (outcome) => registry.count(`emailOutcome=${quote(outcome)}`)),
    Promise.all(
      CARRIER_CODES.map(async (code) => ({
        ...(await carrierHealth(registry, settings, code, now, redact)),
        ...(carrierModule(code).push ? await aggregatorHealth(ctx, code) : {}),
      }))
    ),
    readSweepStatus(ctx.clients.vbase),
    readBackfill(ctx),
  ])
  const sweepHealth = await ensureSweepScheduled(ctx, lastSweep).catch((error: unknown) => {
    ctx.vtex.logger.warn({ message: 'could not check the sweep schedule', error: String(error) })
    return sweepHealthUnknown
  })
  return {
    sweepHealth,
    generatedAt: new Date(now).toISOString(),
    settings: {
      stuckAfterHours: settings.stuckAfterHours,
      pollingIntervalHours: settings.pollingIntervalHours,
      trackingWindowDays: settings.trackingWindowDays,
      carriersConfigured: configuredCarriers(settings),
    },
    store: {
      timeZone: storeZone.timeZone,
      timeZoneSource: storeZone.source,
      holidays: [...storeZone.holidays].filter((date) => date >= cutoffs.today).slice(0, UPCOMING_HOLIDAYS),
    },
    totals,
    attention,
    emails,
    carriers,
    lastSweep: lastSweep === null ? null : sweepView(lastSweep, now, redact),
    backfill: progressOf(backfill, now),
  }
}

async function countTotals(registry: ShipmentRegistry): Promise<Overview['totals']> {
  const [all, byStatus, byState] = await Promise.all([
    registry.count(),
    countEach(TRACKING_STATUSES, (status) => registry.count(`status=${quote(status)}`)),
    countEach(SHIPMENT_STATES, (state) => registry.count(`state=${quote(state)}`)),
  ])
  return { all, byStatus, byState }
}

/** Counter key → the queue (view) it counts. */
export const ATTENTION_VIEWS = {
  overdue: 'overdue',
  stuck: 'stuck',
  neverPickedUp: 'neverPickedUp',
  failedAttempts: 'attempts',
  exceptions: 'exceptions',
  returned: 'returned',
  failing: 'failing',
  expired: 'expired',
  awaitingTracking: 'awaiting',
  unresolvedCarrier: 'unresolved',
} as const satisfies Record<string, AttentionView>
export type AttentionKey = keyof typeof ATTENTION_VIEWS

async function countAttention(registry: ShipmentRegistry, cutoffs: AttentionCutoffs): Promise<Overview['attention']> {
  const keys = Object.keys(ATTENTION_VIEWS) as AttentionKey[]
  return countEach(keys, (key) => registry.count(attentionWhere[ATTENTION_VIEWS[key]](cutoffs)))
}

/**
 * From the registry itself, so it covers every check (sweep, first check, refresh now): checks
 * and failures of the last day, the latest successful check, the latest error. The day's checks,
 * newest first, give both the count and (almost always) the latest success in one query.
 */
async function carrierHealth(
  registry: ShipmentRegistry,
  settings: AppSettings,
  carrier: CarrierCode,
  now: number,
  redact: Redact
): Promise<CarrierHealth> {
  const since = new Date(now - HEALTH_WINDOW_HOURS * 3600_000).toISOString()
  const ofCarrier = `carrier=${quote(carrier)}`
  const [recent, errors, lastError, tracked] = await Promise.all([
    registry.search({
      where: and([ofCarrier, atOrAfter('lastCheckedAt', since)]),
      sort: 'lastCheckedAt DESC',
      page: 1,
      pageSize: RECENT_CHECKS,
      fields: ['lastCheckedAt', 'consecutiveErrors'],
    }),
    registry.count(and([ofCarrier, 'consecutiveErrors>0', atOrAfter('lastErrorAt', since)])),
    registry.search({
      where: and([ofCarrier, 'consecutiveErrors>0', 'lastErrorAt is not null']),
      sort: 'lastErrorAt DESC',
      page: 1,
      pageSize: 1,
      fields: ['lastErrorAt', 'lastErrorReason', 'lastErrorMessage'],
    }),
    registry.count(and([ofCarrier, 'state="active"'])),
  ])
  const checked = recent.total
  const failed = lastError.items[0]
  const active = settings.carriers[carrier] !== undefined
  const lastSuccessAt =
    recent.items.find((r) => r.consecutiveErrors === 0)?.lastCheckedAt ?? (await lastSuccessBefore(registry, ofCarrier))
  return {
    carrier,
    displayName: carrierModule(carrier).displayName,
    active,
    lastSuccessAt,
    tracked,
    staleness: carrierStaleness({
      now,
      active,
      tracked,
      lastSuccessAt,
      pollingIntervalHours: settings.pollingIntervalHours,
    }),
    checked,
    errors,
    // Re-reading orders of waiting shipments can fail without a carrier check: never above 1.
    errorRate: checked === 0 ? (errors > 0 ? 1 : 0) : Math.min(1, errors / checked),
    lastError: failed
      ? redact([failed.lastErrorReason, failed.lastErrorMessage].filter(Boolean).join(': ') || 'error')
      : null,
  }
}

/** Push deliveries (VBase) and the quota the aggregator last reported (memory of this replica). */
async function aggregatorHealth(
  ctx: AppContext,
  carrier: CarrierCode
): Promise<{ push: PushHealth | null; quota: QuotaReading | null; webhookUrl: string }> {
  const url = `https://${ctx.vtex.account}.myvtex.com/_v/order-tracking/webhooks/${carrier}`
  const webhookUrl = carrierModule(carrier).push?.secretInUrl
    ? `${url}?secret=${encodeURIComponent(await webhookSecret(ctx))}`
    : url
  return { push: await readPushHealth(ctx, carrier), quota: quotaOf(carrier, ctx.vtex.account) ?? null, webhookUrl }
}

/** Only when the day's latest checks all failed (or there were none): the last success ever. */
async function lastSuccessBefore(registry: ShipmentRegistry, ofCarrier: string): Promise<string | null> {
  const page = await registry.search({
    where: and([ofCarrier, 'consecutiveErrors=0', 'lastCheckedAt is not null']),
    sort: 'lastCheckedAt DESC',
    page: 1,
    pageSize: 1,
    fields: ['lastCheckedAt'],
  })
  return page.items[0]?.lastCheckedAt ?? null
}

function sweepView(status: SweepStatus, now: number, redact: Redact): SweepStatus {
  const carriers = Object.fromEntries(
    Object.entries(status.carriers ?? {}).map(([code, stats]) => [
      code,
      stats?.lastError === undefined ? stats : { ...stats, lastError: redact(stats.lastError) },
    ])
  ) as SweepStatus['carriers']
  const stale = status.running && now - Date.parse(status.startedAt) > STALE_SWEEP_MS
  return { ...status, carriers, running: status.running && !stale }
}

async function countEach<K extends string>(
  keys: readonly K[],
  count: (key: K) => Promise<number>
): Promise<Record<K, number>> {
  const counts = await Promise.all(keys.map(count))
  return Object.fromEntries(keys.map((key, index) => [key, counts[index]])) as Record<K, number>
}

const sweepHealthUnknown: SweepHealth = {
  state: 'ok',
  scheduledAt: null,
  lastRunAt: null,
  intervalMinutes: SWEEP_INTERVAL_MS / 60_000,
}
