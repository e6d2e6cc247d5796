import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { acquireCarrierSlot } from './carrierThrottle'
import { SimClock, installClock, uninstallClock } from '../../../emulator/clock'
import { deadlineIn } from '../budget'

void describe('acquireCarrierSlot', () => {
  void it('never lets more than inFlight requests run at once', async () => {
    const limits = { inFlight: 2, perSecond: 1000 }
    let running = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const release = await acquireCarrierSlot('t1:ups', limits)
        running += 1
        peak = Math.max(peak, running)
        await new Promise((resolve) => setTimeout(resolve, 5))
        running -= 1
        release?.()
      })
    )
    assert.equal(peak, 2)
  })

  void it('starts at most perSecond requests per second (token bucket)', async () => {
    const limits = { inFlight: 100, perSecond: 5 }
    const started: number[] = []
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const release = await acquireCarrierSlot('t2:ups', limits)
        started.push(Date.now())
        release?.()
      })
    )
    // 5 tokens at once, the next 5 refill over about a second.
    assert.ok(Math.max(...started) - Math.min(...started) >= 800)
  })

  void it('gives up at the deadline instead of waiting past it', async () => {
    const limits = { inFlight: 1, perSecond: 1000 }
    const held = await acquireCarrierSlot('t3:ups', limits)
    assert.equal(await acquireCarrierSlot('t3:ups', limits, deadlineIn(20)), null)
    held?.()
  })

  void it('measures the deadline in real time, whatever Date says (the demo runs Date 2400x)', async () => {
    const limits = { inFlight: 1, perSecond: 1000 }
    const held = await acquireCarrierSlot('t4:ups', limits)
    installClock(new SimClock(Date.now(), 100_000))
    try {
      // 200 real ms of budget are 5+ simulated hours here: a Date-based deadline would be long gone.
      const waiting = acquireCarrierSlot('t4:ups', limits, deadlineIn(200))
      setTimeout(() => held?.(), 50)
      const slot = await waiting
      assert.notEqual(slot, null)
      slot?.()
    } finally {
      uninstallClock()
    }
  })
})
