/**
 * Entry of the app's own process (see runtimeProcess.ts): the real @vtex/api worker, as in
 * startRuntime, with a simulated clock that follows the emulator's. Every request the emulator
 * sends carries `x-emulator-now` (its simulated now); the clock here moves forward to it before
 * the app sees the request, so both processes agree on the time without sharing memory.
 */
import type { IncomingMessage } from 'http'

import { installClock, SimClock } from './clock'
import { startRuntime } from './runtime'

async function main(): Promise<void> {
  const buildDir = requiredEnv('RUNTIME_BUILD_DIR')
  const proxyUrl = requiredEnv('RUNTIME_PROXY_URL')
  const clock = new SimClock(Number(requiredEnv('RUNTIME_CLOCK_NOW')), 1)
  installClock(clock)
  const runtime = await startRuntime(buildDir, proxyUrl, (server) => {
    server.prependListener('request', (req: IncomingMessage) => {
      const now = Number(req.headers['x-emulator-now'])
      if (Number.isFinite(now) && now > clock.now()) clock.advance(now - clock.now())
    })
  })
  process.send?.({ url: runtime.url })
  if (process.env.RUNTIME_CPU_PROFILE) await profileFor(process.env.RUNTIME_CPU_PROFILE)
}

/** Bench aid: RUNTIME_CPU_PROFILE=<prefix>:<ms> writes a V8 CPU profile of this process every ms. */
async function profileFor(spec: string): Promise<void> {
  const [prefix, ms] = spec.split(':')
  const { Session } = await import('inspector')
  const { writeFileSync } = await import('fs')
  const session = new Session()
  session.connect()
  const post = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))))
  await post('Profiler.enable')
  await post('Profiler.start')
  let part = 0
  setInterval(() => {
    void post('Profiler.stop').then(async (result) => {
      writeFileSync(
        `${prefix}.${process.pid}.${part++}.cpuprofile`,
        JSON.stringify((result as { profile: unknown }).profile)
      )
      await post('Profiler.start')
    })
  }, Number(ms))
}

function requiredEnv(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is required`)
  return value
}

main().catch((error: unknown) => {
  process.stderr.write(`runtime child failed: ${String(error)}\n`)
  process.exit(1)
})
