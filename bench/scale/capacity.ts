/**
 * Sustained checks per second of the real app (its own processes, the default replicas) against
 * carriers, Master Data and the Orders API that answer with realistic latency. Every shipment is
 * due; scheduled sweeps fire batch events as on IO; the window measures finished checks.
 */
import { readFileSync } from 'fs'
import path from 'path'

import { SimClock } from '../../emulator/clock'
import { REPO_ROOT } from '../../emulator/runtime'
import type { Stack } from '../../emulator/stack'
import { demoSettings, startStack } from '../../emulator/stack'
import { stopNow } from './stopNow'
import { SHIPMENT_ENTITY } from '../../node/registry/schema'
import type { Carrier } from './seed'
import { seedDueShipments } from './seed'

export const LATENCY = {
  carrier: { minMs: 300, maxMs: 1500 },
  masterData: { minMs: 60, maxMs: 100 },
  orders: { minMs: 120, maxMs: 180 },
  infra: { minMs: 5, maxMs: 15 },
}
/** The app's carrier throttle defaults (node/services/checkShipments.ts) and batch sizes. */
export const CARRIER_LIMITS: Record<Carrier, { inFlight: number; perSecond: number; batch: number }> = {
  correios: { inFlight: 2, perSecond: 2, batch: 50 },
  ups: { inFlight: 16, perSecond: 20, batch: 1 },
}

export interface CapacityResult {
  scenario: string
  carriers: Carrier[]
  replicas: number
  shipments: number
  windowSeconds: number
  checks: number
  checksPerSecond: number
  carrierBoundPerSecond: number
  carrierBoundRatio: number
  masterDataRequests: number
  masterDataRequestsPerCheck: number
  /** Tracking requests to the carriers in the window, and their mean time to answer (latency included). */
  carrierCalls: number
  carrierCallMeanMs: number
  /** Numbers per tracking request (a Correios batch holds up to 50). */
  numbersPerCarrierCall: number
  /** Master Data requests in the window by kind (method, path shape, what a search filters on). */
  masterDataByKind: Record<string, number>
  orderWrites: number
  redundantOrderWrites: number
  longestRequestMs: number
  /** CPU time of the app's processes (all replicas) per finished check, in the window. */
  appCpuMsPerCheck: number
  /** Share of the window the app's processes were on a CPU, per replica (1 = one core all the time). */
  appCpuShare: number[]
  /** Median time a batch event took on the worker: what a check adds to a scan's way to the order. */
  medianBatchMs: number
  peakRssMb: number[]
}

const HOSTS = {
  correios: { host: 'api.correios.com.br', pathIncludes: '/srorastro/' },
  ups: { host: 'onlinetools.ups.com', pathIncludes: '/track/v1/' },
}

/** Carrier-bound throughput: replicas x min(in flight / mean latency, rate) x batch, summed over carriers. */
export function carrierBound(carriers: readonly Carrier[], replicas: number, share: Record<Carrier, number>): number {
  const meanLatency = (LATENCY.carrier.minMs + LATENCY.carrier.maxMs) / 2 / 1000
  // Mixed loads: each carrier is bounded on its own; the mix is bounded by the slowest share.
  const perCarrier = carriers.map((c) => {
    const limits = CARRIER_LIMITS[c]
    return (replicas * Math.min(limits.inFlight / meanLatency, limits.perSecond) * limits.batch) / share[c]
  })
  return Math.min(...perCarrier)
}

export async function measureCapacity(
  scenario: string,
  carriers: readonly Carrier[],
  shipments: number,
  windowSeconds: number,
  newsShare: number,
  replicas = serviceReplicas()
): Promise<CapacityResult> {
  const clock = new SimClock(Date.parse('2026-11-02T12:00:00Z'), 1)
  const stack = await startStack({
    clock,
    childLogFile: path.join(REPO_ROOT, 'bench', 'results', `capacity-${scenario}.log`),
    replicas,
    buildDir: path.join(REPO_ROOT, '.build', 'bench'),
    settings: demoSettings(),
  })
  try {
    await addLatency(stack, carriers)
    seedDueShipments(stack, shipments, carriers, newsShare)
    markReconciled(stack)
    clock.advance(6 * 60_000) // past the 5-minute first-check hold a new record carries
    const startedAt = new Date().toISOString()
    const mdBefore = stack.platform.journal.countByModule().masterdata ?? 0
    const writeAudit = new Map<string, number>()
    const mdKinds = new Map<string, number>()
    const carrierCalls = { count: 0, totalMs: 0, numbers: 0 }
    let longestRequestMs = 0
    let mark = stack.platform.journal.lastSeq()
    const peakRss = stack.appPids().map(() => 0)
    const cpuBefore = stack.appPids().map(cpuSeconds)
    const t0 = performance.now()
    const deadline = t0 + windowSeconds * 1000
    while (performance.now() < deadline) {
      const sweepStarted = performance.now()
      await stack.platform.scheduler.runNow('order-tracking-sweep')
      longestRequestMs = Math.max(longestRequestMs, performance.now() - sweepStarted)
      for (let i = 0; i < 10 && performance.now() < deadline; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        stack.appPids().forEach((pid, k) => (peakRss[k] = Math.max(peakRss[k], rssMb(pid))))
        for (const entry of stack.platform.journal.list({ sinceSeq: mark })) {
          const host = carriers.find((c) => entry.host === HOSTS[c].host && entry.path.includes(HOSTS[c].pathIncludes))
          if (!host) continue
          carrierCalls.count += 1
          carrierCalls.totalMs += entry.answeredAtMs - entry.receivedAtMs
          carrierCalls.numbers += numbersIn(entry)
        }
        for (const entry of stack.platform.journal.list({ module: 'masterdata', sinceSeq: mark })) {
          mdKinds.set(masterDataKind(entry), (mdKinds.get(masterDataKind(entry)) ?? 0) + 1)
        }
        for (const entry of stack.platform.journal.list({ module: 'oms', sinceSeq: mark })) {
          if (entry.method === 'PUT' || entry.method === 'PATCH') {
            const key = `${entry.method} ${entry.path} ${JSON.stringify(entry.body)}`
            writeAudit.set(key, (writeAudit.get(key) ?? 0) + 1)
          }
        }
        mark = stack.platform.journal.lastSeq()
      }
    }
    const elapsed = (performance.now() - t0) / 1000
    const cpuUsed = stack.appPids().map((pid, k) => cpuSeconds(pid) - cpuBefore[k])
    const checks = stack.platform.masterdata.count(
      { account: stack.account, entity: SHIPMENT_ENTITY },
      `lastCheckedAt>${startedAt}`
    )
    const mdRequests = (stack.platform.journal.countByModule().masterdata ?? 0) - mdBefore
    const batchMs = stack.platform.gateway
      .eventLog()
      .filter((d) => d.handler === 'onCheckBatch')
      .map((d) => d.durationMs)
      .sort((a, b) => a - b)
    longestRequestMs = Math.max(longestRequestMs, ...batchMs)
    const writes = [...writeAudit.values()].reduce((a, b) => a + b, 0)
    const share = Object.fromEntries(carriers.map((c) => [c, 1 / carriers.length])) as Record<Carrier, number>
    const bound = carrierBound(carriers, replicas, share)
    const perSecond = checks / elapsed
    return {
      scenario,
      carriers: [...carriers],
      replicas,
      shipments,
      windowSeconds: Math.round(elapsed),
      checks,
      checksPerSecond: round(perSecond),
      carrierBoundPerSecond: round(bound),
      carrierBoundRatio: round(Math.min(1, perSecond / bound)),
      masterDataRequests: mdRequests,
      masterDataRequestsPerCheck: round(mdRequests / Math.max(1, checks)),
      carrierCalls: carrierCalls.count,
      carrierCallMeanMs: Math.round(carrierCalls.totalMs / Math.max(1, carrierCalls.count)),
      numbersPerCarrierCall: round(carrierCalls.numbers / Math.max(1, carrierCalls.count)),
      masterDataByKind: Object.fromEntries([...mdKinds].sort((a, b) => b[1] - a[1])),
      orderWrites: writes,
      redundantOrderWrites: writes - writeAudit.size,
      longestRequestMs: Math.round(longestRequestMs),
      appCpuMsPerCheck: round((cpuUsed.reduce((a, b) => a + b, 0) * 1000) / Math.max(1, checks)),
      appCpuShare: cpuUsed.map((used) => round(used / elapsed)),
      medianBatchMs: batchMs[Math.floor(batchMs.length / 2)] ?? 0,
      peakRssMb: peakRss,
    }
  } finally {
    await stopNow(stack)
  }
}

/** Correios takes up to 50 numbers in `codigosObjetos` (comma-separated); UPS one in the path. */
function numbersIn(entry: { query: string }): number {
  const numbers = new URLSearchParams(entry.query).get('codigosObjetos')
  return numbers ? numbers.split(',').length : 1
}

/** `PATCH documents/:id`, `GET search where id`, `GET search where nextCheckAt`…: what a request is for. */
function masterDataKind(entry: { method: string; path: string; query: string }): string {
  const shape = entry.path.replace(/\/api\/dataentities\/[^/]+\//, '').replace(/documents\/[^/]+/, 'documents/:id')
  const where = new URLSearchParams(entry.query).get('_where') ?? ''
  const field = /^\(?\s*([A-Za-z]+)/.exec(where)?.[1]
  return `${entry.method} ${shape}${field ? ` where ${field}` : ''}`
}

/**
 * A running install reconciles every hour the orders invoiced in the last 75 minutes: a small share
 * of its orders. The seeded orders were all invoiced "now" in the emulator, so the first run would
 * read every one of them at once, a cost a running install never pays. The bench starts where a
 * running install stands: reconciled up to now.
 */
function markReconciled(stack: Stack): void {
  const now = new Date().toISOString()
  stack.platform.infra.writeFile(
    stack.account,
    'master',
    'orderly.order-tracking/sweep',
    'reconcile.json',
    JSON.stringify({ lastRunAt: now, coveredUntil: now, pending: [], retry: [] }),
    '"bench-seed"'
  )
}

async function addLatency(stack: Stack, carriers: readonly Carrier[]): Promise<void> {
  const add = (fault: Record<string, unknown>): void =>
    stack.platform.faults.add({ times: 1e9, ...(fault as { host: string }) })
  const jitter = (l: { minMs: number; maxMs: number }) => ({ delayMs: l.minMs, jitterMs: l.maxMs - l.minMs })
  for (const carrier of carriers) add({ ...HOSTS[carrier], ...jitter(LATENCY.carrier) })
  add({ host: 'api.vtex.com', pathIncludes: '/api/dataentities/', ...jitter(LATENCY.masterData) })
  add({ host: 'portal.vtexcommercestable.com.br', pathIncludes: '/api/oms/', ...jitter(LATENCY.orders) })
  add({ host: 'infra.io.vtex.com', ...jitter(LATENCY.infra) })
  await Promise.resolve()
}

export function serviceReplicas(): number {
  const service = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node', 'service.json'), 'utf8')) as {
    minReplicas?: number
  }
  return service.minReplicas ?? 2
}

/** User + system CPU seconds of a process so far (/proc/<pid>/stat, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return Math.round(kb / 1024)
  } catch {
    return 0
  }
}

const round = (value: number): number => Math.round(value * 100) / 100
