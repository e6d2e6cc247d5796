/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process, one after the other (they
 * share two cores with nothing else), and prints where each wrote its results.
 */
import { spawnSync } from 'child_process'
import { readdirSync } from 'fs'
import path from 'path'

const benches = readdirSync(__dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort()
let failed = 0
for (const bench of benches) {
  console.log(`\n==> ${bench}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, bench)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  // The runtime's JSON log lines are noise here; the bench prints its own summary.
  const lines = (run.stdout ?? '')
    .split('\n')
    .filter((line) => !line.includes('__VTEX_IO') && !/^\[\d\d:\d\d/.test(line))
  console.log(lines.join('\n'))
  if (run.status !== 0) failed += 1
}
console.log(`\nbenchmarks: ${benches.length - failed} passed, ${failed} failed (results in bench/results/)`)
process.exit(failed === 0 ? 0 : 1)
