import { readFileSync } from 'fs'
import path from 'path'

import { SIMULATOR_CREDENTIALS } from './carriers/types'
import type { SimClock } from './clock'
import { installClock, uninstallClock } from './clock'
import type { EmuRequest, EmuResponse } from './http'
import type { Platform } from './platform'
import { startPlatform } from './platform'
import type { RunningRuntime } from './runtime'
import { buildApp, manifestAppId, REPO_ROOT, startRuntime } from './runtime'
import type { RuntimeProcess } from './runtimeProcess'
import { startRuntimeProcess } from './runtimeProcess'

export interface StackOptions {
  clock: SimClock
  account?: string
  workspace?: string
  dbFile?: string
  port?: number
  /** App settings to save before install; defaults to demo credentials for both simulators. */
  settings?: Record<string, unknown>
  /** Real milliseconds between scheduler ticks; 0 disables the automatic ticker (tests tick by hand). */
  tickMs?: number
  local?: (req: EmuRequest) => Promise<EmuResponse | undefined> | EmuResponse | undefined
  buildDir?: string
  /**
   * `vtex link` mode: the app starts without the `apps` setup event (VTEX sends it on install
   * only), so nothing is scheduled until the app registers its sweep itself.
   */
  link?: boolean
  /**
   * Where the app runs: in this process (default, fastest), or in a process of its own whose log
   * goes to `childLogFile`, which `restartRuntime` kills with SIGKILL and starts again.
   */
  childLogFile?: string
  /** With `childLogFile`: how many app processes (IO's replicas) share the requests and events. */
  replicas?: number
}

export interface Stack {
  platform: Platform
  workerUrl: string
  account: string
  workspace: string
  appId: string
  /** Process ids of the app's own processes (with `childLogFile`), for memory measurements. */
  appPids(): number[]
  /** Only with `childLogFile`: kills the app's process (SIGKILL) and starts a new one. */
  restartRuntime(): Promise<void>
  stop(): Promise<void>
}

export const demoSettings = (): Record<string, unknown> => ({
  pollingIntervalHours: 6,
  trackingWindowDays: 12.5,
  stuckAfterHours: 72,
  courierMappings: [
    { courierName: 'Correios SEDEX', carrier: 'correios' },
    { courierName: 'UPS Ground', carrier: 'ups' },
    { courierName: 'FedEx Priority Overnight', carrier: 'fedex' },
    { courierName: 'USPS Priority Mail', carrier: 'usps' },
    { courierName: 'DHL Express', carrier: 'dhl' },
    { courierName: 'Correios PAC', carrier: 'aftership' },
    { courierName: 'Correios Mini Envios', carrier: 'track17' },
  ],
  correios: { ...SIMULATOR_CREDENTIALS.correios, environment: 'production' },
  ups: { ...SIMULATOR_CREDENTIALS.ups, environment: 'production' },
  fedex: { ...SIMULATOR_CREDENTIALS.fedex, environment: 'production' },
  usps: { ...SIMULATOR_CREDENTIALS.usps, environment: 'production' },
  dhl: { ...SIMULATOR_CREDENTIALS.dhl, service: 'express' },
  intelipost: { ...SIMULATOR_CREDENTIALS.intelipost, couriers: 'Jadlog .Package, Total Express' },
  melhorenvio: {
    ...SIMULATOR_CREDENTIALS.melhorenvio,
    environment: 'production',
    couriers: 'Loggi Coleta, Jadlog .Com',
  },
  aftership: { ...SIMULATOR_CREDENTIALS.aftership, courierSlugs: 'Correios PAC=brazil-correios' },
  track17: { ...SIMULATOR_CREDENTIALS.track17, courierCarrierCodes: 'Correios Mini Envios=2151' },
})

/**
 * The whole local setup in one process: the simulated clock, the VTEX platform emulator with the
 * carrier simulators, and the real @vtex/api runtime running the app. Installing the app (the
 * `apps` setup event) makes the app register its sweep with the emulated scheduler.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  installClock(options.clock)
  const account = options.account ?? 'acme'
  const workspace = options.workspace ?? 'master'
  const { appId } = manifestAppId()
  const serviceJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node', 'service.json'), 'utf8')) as Parameters<
    typeof startPlatform
  >[0]['serviceJson']

  const platform = await startPlatform({
    account,
    workspace,
    appId,
    serviceJson,
    dbFile: options.dbFile,
    port: options.port,
    local: options.local,
  })
  const buildDir = await buildApp(options.buildDir)
  const start = async (): Promise<RunningRuntime[]> => {
    const logFile = options.childLogFile
    if (!logFile) return [await startRuntime(buildDir, platform.url)]
    const count = Math.max(1, options.replicas ?? 1)
    return Promise.all(Array.from({ length: count }, () => startRuntimeProcess(buildDir, platform.url, logFile)))
  }
  let runtimes = await start()
  platform.setWorkerUrl(runtimes.map((r) => r.url))
  platform.infra.saveSettings(account, workspace, appId, options.settings ?? demoSettings())
  if (!options.link) {
    const installed = await platform.gateway.deliverEvent('apps', 'setup', { to: { id: appId } })
    if (installed.some((d) => d.status >= 300 || d.status === 0)) {
      throw new Error(`app install failed: ${JSON.stringify(installed)}`)
    }
  }

  let ticking = true
  let ticker: NodeJS.Timeout | undefined
  const tickMs = options.tickMs ?? 0
  const loop = async (): Promise<void> => {
    if (!ticking) return
    await platform.scheduler.tick().catch(() => undefined)
    ticker = setTimeout(() => void loop(), tickMs)
  }
  if (tickMs > 0) ticker = setTimeout(() => void loop(), tickMs)

  return {
    platform,
    workerUrl: runtimes[0].url,
    account,
    workspace,
    appId,
    appPids: () => runtimes.map((r) => (r as Partial<RuntimeProcess>).pid ?? process.pid),
    restartRuntime: async () => {
      if (!options.childLogFile) throw new Error('restartRuntime needs the app in its own process (childLogFile)')
      await Promise.all(runtimes.map((r) => r.close()))
      runtimes = await start()
      platform.setWorkerUrl(runtimes.map((r) => r.url))
    },
    stop: async () => {
      ticking = false
      if (ticker) clearTimeout(ticker)
      await platform.close()
      await Promise.all(runtimes.map((r) => r.close()))
      uninstallClock()
    },
  }
}
