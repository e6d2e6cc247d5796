/**
 * The demo's clock plan: fast while the live orders play out, then real time, so the page stays
 * meaningful however long the demo is left running (at 2400x every shipment would expire within
 * minutes and each sweep would see hours pass in a second).
 */
import net from 'node:net'

import type { SimClock } from '../../emulator/clock'
import type { ScriptedShipment } from '../../emulator/carriers/timelines'

/** After the last scripted scan, time for the schedule to check it and write it to the order. */
export const LIVE_MARGIN_MS = 12 * 3600_000

/** The simulated instant the live phase ends: the last scan of the live shipments plus a margin. */
export function liveEndsAt(
  shipments: readonly ScriptedShipment[],
  trackingNumbers: readonly string[],
  now: number
): number {
  const live = new Set(trackingNumbers)
  const last = shipments
    .filter((s) => live.has(s.trackingNumber))
    .flatMap((s) => s.events.map((e) => e.at))
    .reduce((max, at) => Math.max(max, at), now)
  return last + LIVE_MARGIN_MS
}

/** Switches the clock to real time (1x) once simulated time reaches `endsAt`; returns a stop function. */
export function dropToRealTimeAt(clock: SimClock, endsAt: number, onDrop: () => void, everyMs = 250): () => void {
  const timer = setInterval(() => {
    if (clock.now() < endsAt) return
    clearInterval(timer)
    clock.setSpeed(1)
    onDrop()
  }, everyMs)
  return () => clearInterval(timer)
}

/** Can this process listen on the port? Checked before anything is touched (data, builds). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, host, () => probe.close(() => resolve(true)))
  })
}
