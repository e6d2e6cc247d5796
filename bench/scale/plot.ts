/**
 * The report's figure, drawn as SVG and turned into a PNG by the same headless Chromium the
 * browser tests use: delay from the carrier's DELIVERED scan to the order, both policies, as
 * cumulative curves; and checks per second against the carrier bound per scenario.
 */
import { writeFileSync } from 'fs'
import { chromium } from 'playwright-core'

import type { CapacityResult } from './capacity'
import type { FreshnessResult } from './freshness'

const WIDTH = 1100
const HEIGHT = 460

export async function writePlot(file: string, fresh: FreshnessResult[], capacity: CapacityResult[]): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">
  <rect width="100%" height="100%" fill="white"/>
  ${cdfPanel(fresh, 40, 30, 560, 380)}
  ${capacityPanel(capacity, 680, 30, 380, 380)}
</svg>`
  writeFileSync(file.replace(/\.png$/, '.svg'), svg)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } })
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`)
    await page.screenshot({ path: file })
  } finally {
    await browser.close()
  }
}

function cdfPanel(fresh: FreshnessResult[], x: number, y: number, w: number, h: number): string {
  const maxMin = 480
  const colors = ['#c0392b', '#2471a3']
  const sx = (min: number): number => x + (Math.min(min, maxMin) / maxMin) * w
  const sy = (share: number): number => y + h - share * h
  const curves = fresh.map((result, i) => {
    const delays = result.deliveredDelays
    const step = Math.max(1, Math.floor(delays.length / 300))
    const points = delays
      .filter((_, k) => k % step === 0)
      .map((d, k) => `${sx(d).toFixed(1)},${sy((k * step) / delays.length).toFixed(1)}`)
    return `<polyline fill="none" stroke="${colors[i]}" stroke-width="2" points="${points.join(' ')}"/>
      <text x="${x + w - 230}" y="${y + h - 40 + i * 18}" fill="${colors[i]}">${result.mode}: median ${result.deliveredDelayMin.median} min, p90 ${result.deliveredDelayMin.p90}</text>`
  })
  const ticks = [0, 60, 120, 180, 240, 300, 360, 420, 480]
    .map((m) => `<text x="${sx(m) - 8}" y="${y + h + 16}">${m}</text>`)
    .join('')
  return `<text x="${x}" y="${y - 10}" font-size="14">Delivered scan to order update (minutes), share of deliveries</text>
  <rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#999"/>
  ${[0.5, 0.9].map((q) => `<line x1="${x}" x2="${x + w}" y1="${sy(q)}" y2="${sy(q)}" stroke="#ddd"/><text x="${x - 30}" y="${sy(q) + 4}">${q * 100}%</text>`).join('')}
  ${ticks}${curves.join('')}`
}

function capacityPanel(capacity: CapacityResult[], x: number, y: number, w: number, h: number): string {
  const max = Math.max(1, ...capacity.flatMap((c) => [c.checksPerSecond, c.carrierBoundPerSecond]))
  const band = w / Math.max(1, capacity.length)
  const bars = capacity.map((c, i) => {
    const bx = x + i * band + 10
    const bar = (value: number, dx: number, color: string): string => {
      const bh = (value / max) * (h - 20)
      return `<rect x="${bx + dx}" y="${y + h - bh}" width="${band / 2 - 14}" height="${bh}" fill="${color}"/>`
    }
    return `${bar(c.carrierBoundPerSecond, 0, '#bbb')}${bar(c.checksPerSecond, band / 2 - 10, '#2471a3')}
      <text x="${bx}" y="${y + h + 16}">${c.scenario} (${Math.round(c.carrierBoundRatio * 100)}%)</text>`
  })
  return `<text x="${x}" y="${y - 10}" font-size="14">Checks per second: measured (blue) vs carrier bound (grey)</text>
  <rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#999"/>${bars.join('')}`
}
