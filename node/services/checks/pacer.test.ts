import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { RequestPacer } from './pacer'

void describe('RequestPacer', () => {
  void it('starts requests at most requestsPerSecond apart, even when asked all at once', async () => {
    const pacer = new RequestPacer(20)
    const starts: number[] = []
    const began = Date.now()
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        await pacer.turn()
        starts.push(Date.now() - began)
      })
    )
    starts.sort((a, b) => a - b)
    assert.ok(starts[0] < 20, `the first goes at once (${starts[0]} ms)`)
    // 50 ms apart at 20 per second from the first turn; timers may fire a little late, never early.
    for (let i = 1; i < starts.length; i++) assert.ok(starts[i] >= i * 50 - 2, `start ${i}: ${starts}`)
  })

  void it('does not wait after a pause longer than the spacing', async () => {
    let clock = 0
    const pacer = new RequestPacer(10, () => clock)
    await pacer.turn()
    clock = 500
    const before = Date.now()
    await pacer.turn()
    assert.ok(Date.now() - before < 20)
  })
})
