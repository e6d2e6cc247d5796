import Database from 'better-sqlite3'
import type { Database as SqliteDatabase } from 'better-sqlite3'

import { createCorreiosSimulator } from './carriers/correios'
import { createAftershipSimulator } from './carriers/aftership'
import type { AftershipSimulator } from './carriers/aftership'
import { createDhlSimulator } from './carriers/dhl'
import { createTrack17Simulator } from './carriers/track17'
import type { Track17Simulator } from './carriers/track17'
import type { DhlSimulator } from './carriers/dhl'
import { createFedexSimulator } from './carriers/fedex'
import { createIntelipostSimulator } from './carriers/intelipost'
import type { IntelipostSimulator } from './carriers/intelipost'
import { createMelhorEnvioSimulator } from './carriers/melhorenvio'
import type { MelhorEnvioSimulator } from './carriers/melhorenvio'
import { Timelines } from './carriers/timelines'
import type { SimulatedCarrier } from './carriers/timelines'
import type { CorreiosSimulator } from './carriers/correios'
import type { CarrierSimulator } from './carriers/types'
import { createUpsSimulator } from './carriers/ups'
import { createUspsSimulator } from './carriers/usps'
import { ContractGate, LOGISTICS_API, MASTER_DATA_API, ORDERS_API } from './contractGate'
import { handleControl } from './control'
import { Faults } from './faults'
import { AppGateway } from './gateway'
import type { EmuRequest, EmuResponse } from './http'
import { json } from './http'
import { Journal } from './journal'
import type { RunningServer } from './proxy'
import { startProxyServer } from './proxy'
import { createInfraModule } from './vtex/infra'
import { Mailbox } from './vtex/mail/mailbox'
import { createMailModule } from './vtex/mail/module'
import { sendOrderEmails } from './vtex/mail/orderEmails'
import { createMasterDataModule, MasterDataStore } from './vtex/masterdata'
import { createOmsModule, OrderStore } from './vtex/oms'
import type { OrderStateChange } from './vtex/oms'
import { createScheduler } from './vtex/scheduler'
import { createVtexIdModule } from './vtex/vtexid'
import { createStoreSetup } from './vtex/storeSetup'
import type { StoreSetup } from './vtex/storeSetup'
import type { Scheduler } from './vtex/scheduler'

export interface PlatformOptions {
  account: string
  workspace: string
  /** The app under test, e.g. "orderly.order-tracking@0.1.0". */
  appId: string
  serviceJson: ConstructorParameters<typeof AppGateway>[0]['serviceJson']
  /** SQLite file; ':memory:' (default) for tests. */
  dbFile?: string
  port?: number
  /** Extra handler for local paths the platform does not know (the admin page, in the demo). */
  local?: (req: EmuRequest) => Promise<EmuResponse | undefined> | EmuResponse | undefined
}

/** The whole local VTEX platform, plus the carriers, behind one forward-proxy address. */
export interface Platform {
  url: string
  options: PlatformOptions
  db: SqliteDatabase
  journal: Journal
  faults: Faults
  timelines: Timelines
  orders: OrderStore
  masterdata: MasterDataStore
  infra: ReturnType<typeof createInfraModule>
  /** Every email sent: VTEX's order templates and the app's sendmail calls (`GET /_emulator/mail`). */
  mailbox: Mailbox
  mail: ReturnType<typeof createMailModule>
  /** Per account: the sales channel's time zone (Catalog) and holidays (Logistics). */
  storeSetup: StoreSetup
  simulators: {
    correios: CorreiosSimulator
    ups: CarrierSimulator & { expireTokens(): void }
    fedex: CarrierSimulator & { expireTokens(): void }
    usps: CarrierSimulator & { expireTokens(): void }
    dhl: DhlSimulator
    intelipost: IntelipostSimulator
    melhorenvio: MelhorEnvioSimulator
    aftership: AftershipSimulator
    track17: Track17Simulator
  }
  scheduler: Scheduler
  gateway: AppGateway
  /** Requests to the Orders API and Master Data that the official OpenAPI files refuse. */
  contract: ContractGate
  appToken: string
  /** The app's replica(s): requests and events are spread over them. */
  setWorkerUrl(url: string | readonly string[]): void
  /** Resolves when every event delivery started so far has finished. */
  settle(): Promise<void>
  close(): Promise<void>
}

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const db = new Database(options.dbFile ?? ':memory:')
  db.pragma('journal_mode = WAL')
  const appToken = `emulated-app-token-${Math.random().toString(36).slice(2)}`
  let workerUrl: string | readonly string[] = ''
  const gateway = new AppGateway({
    serviceJson: options.serviceJson,
    account: options.account,
    workspace: options.workspace,
    appToken,
    workerUrl: () => workerUrl,
  })
  const inflight = new Set<Promise<unknown>>()
  const track = (promise: Promise<unknown>): void => {
    inflight.add(promise)
    void promise.finally(() => inflight.delete(promise))
  }

  const timelines = new Timelines()
  const journal = new Journal()
  const faults = new Faults()
  const now = (): number => Date.now()
  const contract = new ContractGate()
  const masterdata = new MasterDataStore(db)
  const orders = new OrderStore(db)
  const onStateChange = (event: OrderStateChange): void => {
    const { account: _account, ...body } = event
    track(gateway.deliverEvent('vtex.orders-broadcast', event.currentState, body))
  }
  const infra = createInfraModule({
    db,
    onAppEvent: (_account, _workspace, route, body, sender) => track(gateway.deliverEvent(sender, route, body)),
  })
  const scheduler = createScheduler({
    db,
    now,
    fire: async (job) => {
      const url = new URL(job.request.uri)
      const response = await gateway.callPublicRoute(
        job.request.method,
        url.pathname + url.search,
        { ...lowerCase(job.request.headers), 'content-type': 'application/json' },
        Buffer.from(JSON.stringify(job.request.body ?? {}))
      )
      return response?.status ?? 404
    },
  })

  const mailbox = new Mailbox()
  const mail = createMailModule({ mailbox, now })
  const storeSetup = createStoreSetup()
  const simulators = {
    correios: createCorreiosSimulator({ timelines, now }),
    ups: createUpsSimulator({ timelines, now }),
    fedex: createFedexSimulator({ timelines, now }),
    usps: createUspsSimulator({ timelines, now }),
    dhl: createDhlSimulator({ timelines, now }),
    intelipost: createIntelipostSimulator({ timelines, now }),
    melhorenvio: createMelhorEnvioSimulator({ timelines, now }),
    aftership: createAftershipSimulator({ timelines, now }),
    track17: createTrack17Simulator({ timelines, now }),
  } satisfies Record<SimulatedCarrier, CarrierSimulator>
  const platform: Platform = {
    simulators,
    url: '',
    options,
    db,
    journal,
    faults,
    timelines,
    orders,
    masterdata,
    infra,
    mailbox,
    mail,
    storeSetup,
    scheduler,
    gateway,
    contract,
    appToken,
    setWorkerUrl: (url) => {
      workerUrl = url
    },
    settle: async () => {
      while (inflight.size > 0) await Promise.allSettled([...inflight])
    },
    close: async () => undefined,
  }

  const server: RunningServer = await startProxyServer(
    {
      modules: [
        contract.wrap(
          createOmsModule({
            store: orders,
            onStateChange,
            onPackageWrite: (write) => sendOrderEmails(mailbox, write, now()),
          }),
          ORDERS_API
        ),
        mail,
        contract.wrap(createMasterDataModule(masterdata), MASTER_DATA_API),
        contract.wrap(storeSetup.module, LOGISTICS_API),
        scheduler.module,
        infra,
        createVtexIdModule({ account: options.account }),
        simulators.correios,
        simulators.ups,
        simulators.fedex,
        simulators.usps,
        simulators.dhl,
        simulators.intelipost,
        simulators.melhorenvio,
        simulators.aftership,
        simulators.track17,
      ],
      faults,
      journal,
      local: async (req) =>
        (await handleControl(platform, req)) ??
        (await routeToApp(gateway, req)) ??
        (await options.local?.(req)) ??
        json(404, { error: `emulator: nothing at ${req.method} ${req.path}` }),
    },
    options.port ?? 0
  )
  platform.url = server.url
  platform.close = async () => {
    await platform.settle()
    await server.close()
    db.close()
  }
  return platform
}

/** Requests for the app's public routes (admin page fetches, manual sweep calls) go to the worker. */
async function routeToApp(gateway: AppGateway, req: EmuRequest): Promise<EmuResponse | undefined> {
  const search = req.query.toString()
  const response = await gateway.callPublicRoute(
    req.method,
    req.path + (search ? `?${search}` : ''),
    req.headers,
    req.rawBody
  )
  if (!response) return undefined
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) {
    if (typeof value === 'string' && !['content-length', 'connection', 'transfer-encoding'].includes(name)) {
      headers[name] = value
    }
  }
  return { status: response.status, headers, body: response.body }
}

const lowerCase = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
