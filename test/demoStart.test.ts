/**
 * `npm start` (scripts/start.ts): a busy port is refused with one line and exit code 1 before the
 * running demo's data is touched; the live phase's clock plan drops to real time.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { describe, it } from 'node:test'

import { SimClock } from '../emulator/clock'
import type { ScriptedShipment } from '../emulator/carriers/timelines'
import { REPO_ROOT } from '../emulator/runtime'
import { dropToRealTimeAt, LIVE_MARGIN_MS, liveEndsAt, portIsFree } from '../scripts/demo/liveClock'

const HOUR = 3600_000

void describe('npm start on a busy port', () => {
  void it('says so in one line and exits 1 without touching .data', async () => {
    const busy = net.createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const port = (busy.address() as net.AddressInfo).port
    const dataDir = path.join(REPO_ROOT, '.data')
    const created = !existsSync(dataDir)
    mkdirSync(dataDir, { recursive: true })
    const sentinel = path.join(dataDir, `busy-port-sentinel-${process.pid}`)
    writeFileSync(sentinel, 'the running demo owns this')
    try {
      assert.equal(await portIsFree(port), false)
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'start.ts')], {
        cwd: REPO_ROOT,
        env: { ...process.env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
        child.once('exit', (exitCode) => {
          clearTimeout(timer)
          resolve(exitCode)
        })
      })
      assert.equal(code, 1)
      const lines = stderr.trim().split('\n')
      assert.equal(lines.length, 1, stderr)
      assert.match(lines[0], new RegExp(`port ${port} is already in use`))
      assert.equal(stdout.trim(), '', 'nothing started, nothing built')
      assert.ok(existsSync(sentinel), '.data of the running demo is untouched')
    } finally {
      rmSync(created ? dataDir : sentinel, { recursive: true, force: true })
      await new Promise((resolve) => busy.close(resolve))
    }
  })
})

void describe('demo clock plan', () => {
  const shipment = (trackingNumber: string, hours: number[]): ScriptedShipment => ({
    carrier: 'correios',
    trackingNumber,
    events: hours.map((h) => ({ at: h * HOUR, code: 'RO/01' })),
  })

  void it('ends the live phase after the last scan of the live shipments, plus a margin', () => {
    const shipments = [shipment('LIVE1', [1, 30]), shipment('LIVE2', [2, 60]), shipment('OLD', [500])]
    assert.equal(liveEndsAt(shipments, ['LIVE1', 'LIVE2'], 0), 60 * HOUR + LIVE_MARGIN_MS)
    assert.equal(liveEndsAt([], ['LIVE1'], 5 * HOUR), 5 * HOUR + LIVE_MARGIN_MS)
  })

  void it('drops the clock to 1x once the live phase is over', async () => {
    const clock = new SimClock(0, 1000)
    let dropped = false
    const stop = dropToRealTimeAt(clock, 50_000, () => (dropped = true), 10)
    try {
      await new Promise((resolve) => setTimeout(resolve, 150))
      assert.equal(dropped, true)
      assert.equal(clock.getSpeed(), 1)
    } finally {
      stop()
    }
  })
})
