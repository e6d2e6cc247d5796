/**
 * Peak memory of one app process while it works through N active, due shipments: the app must
 * not grow with the registry (it pages, fans out and forgets), so 1,000 and 100,000 should look
 * alike.
 */
import path from 'path'

import { SimClock } from '../../emulator/clock'
import { REPO_ROOT } from '../../emulator/runtime'
import { demoSettings, startStack } from '../../emulator/stack'
import { stopNow } from './stopNow'
import { seedDueShipments } from './seed'

export async function peakRssWith(shipments: number, workSeconds: number): Promise<number> {
  const clock = new SimClock(Date.parse('2026-11-02T12:00:00Z'), 1)
  const stack = await startStack({
    clock,
    childLogFile: path.join(REPO_ROOT, 'bench', 'results', `memory-${shipments}.log`),
    replicas: 1,
    buildDir: path.join(REPO_ROOT, '.build', 'bench'),
    settings: demoSettings(),
  })
  try {
    seedDueShipments(stack, shipments, ['correios', 'ups'])
    clock.advance(6 * 60_000)
    const [pid] = stack.appPids()
    let peak = 0
    const until = performance.now() + workSeconds * 1000
    while (performance.now() < until) {
      await stack.platform.scheduler.runNow('order-tracking-sweep')
      for (let i = 0; i < 6 && performance.now() < until; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        peak = Math.max(peak, peakRssMb(pid))
      }
    }
    return peak
  } finally {
    await stopNow(stack)
  }
}

function peakRssMb(pid: number): number {
  // VmHWM: the process's peak resident set since it started.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const status = (require('fs') as typeof import('fs')).readFileSync(`/proc/${pid}/status`, 'utf8')
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
}
