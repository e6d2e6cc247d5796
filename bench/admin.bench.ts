/**
 * Admin API latency on a large registry: N realistic shipment documents (default 100,000) go
 * straight into the emulator's Master Data store, then the overview and the first shipments page
 * are called through the gateway and the real @vtex/api runtime, with an admin token, RUNS times
 * each after one warm-up call. Target: each answers in under 1 s. An attention view, a deep page
 * and the charts are timed too, for information.
 *
 * The emulator's bulk load refreshes SQLite's planner statistics (ANALYZE), as a long-running
 * database has them; without them SQLite reads most of the documents for some counts.
 *   node --import tsx bench/admin.bench.ts [N] [RUNS]
 */
import { deliveredOnTime } from '../node/tracking/onTime'
import { mkdirSync, writeFileSync } from 'fs'
import path from 'path'

import { SimClock } from '../emulator/clock'
import { REPO_ROOT } from '../emulator/runtime'
import { startStack } from '../emulator/stack'
import { DEMO_ADMIN_TOKEN } from '../emulator/vtex/vtexid'
import { s10CheckDigit } from '../node/carriers/correios/trackingNumber'
import type { TrackingEvent } from '../node/tracking/carrierResult'
import { SHIPMENT_ENTITY, SHIPMENT_SCHEMA, shipmentSchema } from '../node/registry/schema'
import { shipmentId } from '../node/registry/shipmentId'
import type { ShipmentRecord } from '../node/tracking/shipment'
import type { TrackingStatus } from '../node/tracking/status'

const N = Number(process.argv[2] ?? 100_000)
const RUNS = Number(process.argv[3] ?? 10)
const TARGET_MS = 1000
const NOW = Date.parse('2026-11-02T12:00:00Z')
const HOUR = 3600_000
const DAY = 24 * HOUR
const BASE = '/_v/private/order-tracking/admin'

/** A deterministic PRNG, so every run measures the same registry. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const CITIES = [
  { city: 'SAO PAULO', state: 'SP' },
  { city: 'CAJAMAR', state: 'SP' },
  { city: 'RIO DE JANEIRO', state: 'RJ' },
  { city: 'BELO HORIZONTE', state: 'MG' },
  { city: 'CURITIBA', state: 'PR' },
]

/**
 * What the registry of a busy store looks like after two months: older packages mostly delivered,
 * recent ones on the way, a few percent stuck, in exception, expired, waiting or unresolved.
 */
export function shipment(i: number, rnd: () => number): ShipmentRecord {
  const invoicedAt = NOW - rnd() * 60 * DAY
  const ageDays = (NOW - invoicedAt) / DAY
  const carrierRoll = rnd()
  const carrier = carrierRoll < 0.65 ? 'correios' : carrierRoll < 0.96 ? 'ups' : null
  const serial = String(10_000_000 + i).slice(-8)
  const trackingNumber =
    carrier === 'ups'
      ? `1Z${(999_000_000 + i).toString(36).toUpperCase().padStart(16, '0')}`
      : `DG${serial}${s10CheckDigit(serial)}BR`
  const roll = rnd()
  let state: ShipmentRecord['state'] = 'active'
  let status: TrackingStatus = 'IN_TRANSIT'
  if (carrier === null) [state, status] = ['unresolved_carrier', 'PENDING']
  else if (roll < 0.01) [state, status] = ['awaiting_tracking', 'PENDING']
  else if (ageDays > 12.5 && roll < 0.04) [state, status] = ['expired', 'EXPIRED']
  else if (ageDays > 4 && roll < 0.9) [state, status] = ['done', roll < 0.87 ? 'DELIVERED' : 'RETURNED']
  else if (roll < 0.05) status = 'EXCEPTION'
  else if (roll < 0.08) status = 'INFO_RECEIVED'
  else if (roll < 0.1) status = 'ATTEMPT_FAIL'
  else if (roll < 0.15) status = 'OUT_FOR_DELIVERY'

  const eventCount =
    status === 'INFO_RECEIVED' || state !== 'active' ? 1 + Math.floor(rnd() * 3) : 3 + Math.floor(rnd() * 4)
  const events: TrackingEvent[] = Array.from({ length: state === 'awaiting_tracking' ? 0 : eventCount }, (_, e) => {
    const at = Math.min(invoicedAt + (e + 1) * (6 + rnd() * 20) * HOUR, NOW - HOUR)
    const place = CITIES[Math.floor(rnd() * CITIES.length)]
    return {
      occurredAt: new Date(at).toISOString(),
      status: e === eventCount - 1 && status !== 'EXPIRED' ? status : 'IN_TRANSIT',
      carrierCode: carrier === 'ups' ? 'I/AR/005' : 'RO/01',
      description: carrier === 'ups' ? 'Arrived at Facility' : 'Objeto em trânsito - por favor aguarde',
      location: place,
    }
  })
  const last = events[events.length - 1]
  const delivered = status === 'DELIVERED' && last ? last.occurredAt : null
  const failing = state === 'active' && rnd() < 0.02
  const checkedAt = new Date(NOW - rnd() * (state === 'done' ? 40 : 0.25) * DAY).toISOString()
  const orderId = `${String(1_000_000 + Math.floor(i / 3)).padStart(7, '0')}${String(i).padStart(6, '0')}-01`
  const promisedDelivery = rnd() < 0.95 ? new Date(invoicedAt + (3 + Math.floor(rnd() * 6)) * DAY).toISOString() : null
  const invoiceNumber = `NF${i}`
  return {
    id: shipmentId(orderId, invoiceNumber),
    orderId,
    invoiceNumber,
    trackingNumber: state === 'awaiting_tracking' ? null : trackingNumber,
    trackingNumberRaw: state === 'awaiting_tracking' ? null : trackingNumber,
    rejectedTrackingUrl: null,
    droppedEvents: 0,
    courierName: carrier === 'ups' ? 'UPS Ground' : carrier === 'correios' ? 'Correios SEDEX' : 'Loggi Express',
    carrier,
    carrierCandidates: [],
    state,
    status,
    substatus: null,
    events,
    eventsHash: last ? `h${i}` : null,
    lastEventAt: last ? last.occurredAt : null,
    lastEventDescription: last?.description ?? null,
    lastEventLocation: last ? `${last.location?.city}, ${last.location?.state}` : null,
    firstEventAt: events[0]?.occurredAt ?? null,
    estimatedDelivery:
      carrier === 'ups' && rnd() < 0.7 ? new Date(invoicedAt + 5 * DAY).toISOString().slice(0, 10) : null,
    promisedDelivery,
    invoicedAt: new Date(invoicedAt).toISOString(),
    registeredAt: new Date(invoicedAt + 60_000).toISOString(),
    deliveredAt: delivered,
    deliveredOnTime: deliveredOnTime(delivered, promisedDelivery),
    nextCheckAt: state === 'done' || state === 'expired' ? null : new Date(NOW + rnd() * 6 * HOUR).toISOString(),
    nextCheckReason: state === 'done' ? 'terminal_status' : state === 'expired' ? 'window_closed' : 'regular_interval',
    lastCheckedAt: state === 'awaiting_tracking' || state === 'unresolved_carrier' ? null : checkedAt,
    checkCount: eventCount + 2,
    consecutiveErrors: failing ? 1 + Math.floor(rnd() * 4) : 0,
    lastErrorReason: failing ? 'carrier_unavailable' : null,
    lastErrorMessage: failing ? `${carrier}: Track call answered HTTP 503` : null,
    lastErrorAt: failing ? checkedAt : null,
    trackingUrl: state === 'awaiting_tracking' ? null : `https://tracking.example/${trackingNumber}`,
    invoicePatchedAt: new Date(invoicedAt + 120_000).toISOString(),
    lastWrittenHash: last ? `h${i}` : null,
    lastOmsWriteAt: last ? last.occurredAt : null,
    lastManualActionBy: null,
    carrierSetBy: null,
    emailsSent: 0,
    emailsSuppressed: 0,
    emailOutcome: null,
  }
}

interface Timing {
  name: string
  path: string
  runs: number
  medianMs: number
  p95Ms: number
  maxMs: number
  minMs: number
  status: number
  underTarget: boolean | null
}

async function time(
  platformUrl: string,
  name: string,
  route: string,
  target: boolean,
  runs = RUNS,
  before: () => void = () => undefined
): Promise<Timing> {
  const once = async (): Promise<{ ms: number; status: number }> => {
    before()
    const started = performance.now()
    const response = await fetch(`${platformUrl}${BASE}${route}`, {
      headers: { cookie: `VtexIdclientAutCookie=${DEMO_ADMIN_TOKEN}` },
    })
    await response.arrayBuffer()
    return { ms: performance.now() - started, status: response.status }
  }
  const warm = await once()
  if (warm.status !== 200) throw new Error(`${name}: HTTP ${warm.status}`)
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push((await once()).ms)
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  const round = (ms: number): number => Math.round(ms * 10) / 10
  const result = {
    name,
    path: BASE + route,
    runs,
    medianMs: round(sorted.length % 2 ? at(0.5) : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2),
    p95Ms: round(at(0.95)),
    maxMs: round(sorted[sorted.length - 1]),
    minMs: round(sorted[0]),
    status: warm.status,
    underTarget: target ? sorted[sorted.length - 1] < TARGET_MS : null,
  }
  return result
}

async function main(): Promise<void> {
  const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024)
  const stack = await startStack({
    clock: new SimClock(NOW, 1),
    buildDir: path.join(REPO_ROOT, '.build', 'admin-bench'),
  })
  const appVendorName = stack.appId.replace(/@.*$/, '')
  try {
    const { platform, account } = stack
    const scope = { account, entity: SHIPMENT_ENTITY }
    const rssBefore = process.memoryUsage().rss

    // The app's own schema first (its indexes), then the documents, in batches of 10,000.
    platform.masterdata.saveSchema(scope, SHIPMENT_SCHEMA, shipmentSchema)
    const seedStart = performance.now()
    const rnd = random(42)
    for (let from = 0; from < N; from += 10_000) {
      const batch = Array.from({ length: Math.min(10_000, N - from) }, (_, k) => shipment(from + k, rnd))
      platform.masterdata.bulkInsert(scope, batch as unknown as Array<Record<string, unknown>>)
    }
    const seedMs = performance.now() - seedStart
    const rssSeeded = process.memoryUsage().rss

    const routes = async (): Promise<Timing[]> => [
      await time(platform.url, 'overview', '/overview', true),
      await time(platform.url, 'shipments, first page', '/shipments', true),
      await time(platform.url, 'shipments, stuck view', '/shipments?view=stuck', false),
      await time(
        platform.url,
        'shipments, overdue by promised date',
        '/shipments?view=overdue&sort=promisedDelivery&dir=asc',
        false
      ),
      await time(platform.url, 'shipments, page 400', '/shipments?page=400', false),
      await time(platform.url, 'charts (cached, as the page reads them)', '/charts', false),
      // Without the 15-minute VBase copy: what the first visit after it expires costs.
      await time(platform.url, 'charts (recomputed)', '/charts', false, 3, () =>
        platform.infra.deleteFile(stack.account, stack.workspace, `${appVendorName}/admin`, 'charts.json')
      ),
    ]
    const timings = await routes()
    const rssAfter = process.memoryUsage().rss

    const result = {
      measuredAt: new Date(performance.timeOrigin + performance.now()).toISOString(),
      shipments: N,
      runsPerRoute: RUNS,
      targetMs: TARGET_MS,
      seedMs: Math.round(seedMs),
      rssMbBefore: mb(rssBefore),
      rssMbAfterSeed: mb(rssSeeded),
      rssMbAfter: mb(rssAfter),
      node: process.version,
      timings,
      pass: timings.every((t) => t.underTarget !== false),
    }
    const table = (rows: Timing[]) =>
      console.table(
        rows.map((t) => ({
          route: t.name,
          runs: t.runs,
          median: t.medianMs,
          p95: t.p95Ms,
          max: t.maxMs,
          'under 1 s': t.underTarget === null ? '(info)' : t.underTarget ? 'yes' : 'NO',
        }))
      )
    console.log(`\nAdmin API with ${N.toLocaleString('en')} shipments, after one warm-up call each (ms).`)
    table(timings)
    console.log(
      `seed ${result.seedMs} ms; rss ${result.rssMbBefore} MB before, ${result.rssMbAfterSeed} MB seeded, ${result.rssMbAfter} MB after`
    )
    mkdirSync(path.join(__dirname, 'results'), { recursive: true })
    writeFileSync(path.join(__dirname, 'results', 'admin.json'), `${JSON.stringify(result, null, 2)}\n`)
    if (!result.pass) process.exitCode = 1
  } finally {
    await stack.stop()
  }
}

// The runtime keeps timers alive after stop(): exit explicitly once the report is written.
if (require.main === module)
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    }
  )
