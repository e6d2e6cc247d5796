/**
 * `npm start`: the local demo. Starts the VTEX platform emulator, the real @vtex/api runtime with
 * the app, seeds 3 weeks of order history and then invoices live orders whose deliveries play
 * out in about two minutes of real time, narrating what happens. The admin page is served too.
 */
import { createWriteStream, mkdirSync, rmSync } from 'fs'
import path from 'path'

import { adminPageHandler, ADMIN_PAGE_PATH, buildAdminPage } from '../emulator/adminPage'
import { SimClock } from '../emulator/clock'
import { REPO_ROOT } from '../emulator/runtime'
import { startStack } from '../emulator/stack'
import { demoShipments, invoiceDemoOrder } from './demo/seed'
import { startNarrator } from './demo/narrator'
import { dropToRealTimeAt, liveEndsAt, portIsFree } from './demo/liveClock'

const PORT = Number(process.env.PORT ?? 8787)
/** Simulated seconds per real second in the live phase: 2400 = 40 minutes a second. */
const SPEED = Number(process.env.DEMO_SPEED ?? 2400)
const HISTORY_DAYS = Number(process.env.DEMO_HISTORY_DAYS ?? 21)
const LIVE_ORDERS = Number(process.env.DEMO_LIVE_ORDERS ?? 8)
const HOUR = 3600_000

async function main(): Promise<void> {
  // Before anything is wiped or built: another demo may be using this port (and this .data).
  if (!(await portIsFree(PORT))) {
    console.error(
      `npm start: port ${PORT} is already in use (another demo?). Stop it, or run PORT=<free port> npm start.`
    )
    process.exit(1)
  }
  const dataDir = path.join(REPO_ROOT, '.data')
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  routeRuntimeLogs(path.join(dataDir, 'runtime.log'))

  say('Building the admin page and the app (node/ -> IO service layout) ...')
  const pageDir = await buildAdminPage()
  const clock = new SimClock(Date.now() - HISTORY_DAYS * 24 * HOUR, 1)
  const stack = await startStack({
    clock,
    port: PORT,
    dbFile: path.join(dataDir, 'emulator.sqlite'),
    local: adminPageHandler(pageDir),
  })
  say(`Emulator (VTEX platform + Correios + UPS) on ${stack.platform.url}; app running on the real @vtex/api runtime.`)
  say(
    `App installed: sweep scheduled with the emulated VTEX scheduler (${stack.platform.scheduler.jobs()[0]?.expression}).`
  )

  say(`Seeding ${HISTORY_DAYS} days of order history (sweeps run every 6 simulated hours) ...`)
  for (let day = 0; day < HISTORY_DAYS; day++) {
    for (const shipment of demoShipments(3, day * 3)) await invoiceDemoOrder(stack, shipment)
    for (let step = 0; step < 4; step++) {
      clock.advance(6 * HOUR)
      await stack.platform.scheduler.runNow('order-tracking-sweep')
      await stack.platform.settle()
    }
    process.stdout.write(`\r  day ${day + 1}/${HISTORY_DAYS}`)
  }
  process.stdout.write('\n')

  say(`Live: ${LIVE_ORDERS} new orders; the clock now runs ${SPEED}x (an hour every ${(3600 / SPEED).toFixed(1)} s).`)
  const stopNarrator = startNarrator(stack, (line) => console.log(line))
  clock.setSpeed(SPEED)
  const ticker = setInterval(() => void stack.platform.scheduler.tick(), 250)
  const live: string[] = []
  for (const shipment of demoShipments(LIVE_ORDERS, 100)) {
    live.push((await invoiceDemoOrder(stack, shipment)).trackingNumber)
  }
  const endsAt = liveEndsAt(stack.platform.timelines.list(), live, clock.now())
  const stopDrop = dropToRealTimeAt(clock, endsAt, () =>
    say('Live deliveries played out: the clock now runs in real time (1x). New checks follow the normal schedule.')
  )

  say(`Admin page: ${stack.platform.url}${ADMIN_PAGE_PATH}  (also ?locale=pt and ?locale=es)`)
  say(`Emulator control endpoints: ${stack.platform.url}/_emulator/... (see emulator/README.md). Ctrl+C to stop.`)

  const shutdown = async (): Promise<void> => {
    clearInterval(ticker)
    stopDrop()
    stopNarrator()
    await stack.stop()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
  const exitAfter = Number(process.env.DEMO_EXIT_AFTER_SECONDS ?? 0)
  if (exitAfter > 0) setTimeout(() => void shutdown(), exitAfter * 1000)
}

const say = (line: string): void => console.log(`\n> ${line}`)

/** The runtime logs one JSON line per log call; keep them in a file so the story stays readable. */
function routeRuntimeLogs(file: string): void {
  const log = createWriteStream(file, { flags: 'a' })
  const isRuntimeLine = (text: string): boolean =>
    text.includes('__VTEX_IO') || /^\[\d\d:\d\d:\d\d\.\d{3}Z\]\t/.test(text)
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (c: string | Uint8Array, ...r: unknown[]) => boolean
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      return isRuntimeLine(text) ? log.write(text) : write(chunk, ...rest)
    }) as typeof stream.write
  }
  say(`Runtime logs: ${file}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
