import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import {
  claimIn,
  emptyShard,
  isStale,
  mustVerifyOrder,
  releaseIn,
  renewIn,
  shardOf,
  STAMP_TTL_MS,
  VERIFY_STAMP_TTL_MS,
} from './ledger'

const NOW = Date.parse('2026-11-02T12:00:00Z')
const TTL = 120_000

void describe('claim ledger', () => {
  void it('gives a free id to the first claimer and refuses it to a second while held', () => {
    const first = claimIn(emptyShard(), ['a', 'b'], 'w1', NOW, TTL)
    assert.deepEqual([...first.claimed.keys()], ['a', 'b'])
    const second = claimIn(first.next, ['b', 'c'], 'w2', NOW + 1000, TTL)
    assert.deepEqual([...second.claimed.keys()], ['c'])
  })

  void it('lets a new holder take over an expired claim, and says so', () => {
    const held = claimIn(emptyShard(), ['a'], 'dead', NOW, TTL).next
    const later = claimIn(held, ['a'], 'w2', NOW + TTL + 1, TTL)
    assert.deepEqual(later.claimed.get('a'), { kind: 'taken_over', fromHolder: 'dead' })
    assert.equal(mustVerifyOrder(later.claimed.get('a')), true)
  })

  void it('release stamps tell the next holder its copy is stale, or that the order must be read', () => {
    const held = claimIn(emptyShard(), ['a', 'b'], 'w1', NOW, TTL).next
    const stamps = new Map([
      ['a', { checkedAt: '2026-11-02T12:00:30.000Z', verifyOrder: false }],
      ['b', { checkedAt: null, verifyOrder: true }],
    ])
    const released = releaseIn(held, stamps, 'w1', NOW + 1000)
    const next = claimIn(released, ['a', 'b'], 'w2', NOW + 2000, TTL)
    const a = next.claimed.get('a')
    assert.ok(a)
    assert.equal(isStale(a, '2026-11-02T11:00:00.000Z'), true)
    assert.equal(isStale(a, '2026-11-02T12:00:30.000Z'), false)
    assert.equal(mustVerifyOrder(next.claimed.get('b')), true)
    assert.equal(mustVerifyOrder(a), false)
  })

  void it('never releases or renews a claim someone else holds now', () => {
    const held = claimIn(emptyShard(), ['a'], 'w2', NOW, TTL).next
    const released = releaseIn(held, new Map([['a', { checkedAt: null, verifyOrder: false }]]), 'w1', NOW)
    assert.deepEqual(released.entries.a, { holder: 'w2', expiresAt: NOW + TTL })
    const renewed = renewIn(held, ['a'], 'w1', NOW, TTL)
    assert.deepEqual(renewed.lost, ['a'])
  })

  void it('forgets plain stamps after a while but keeps verify stamps until the next claim', () => {
    const held = claimIn(emptyShard(), ['plain', 'verify'], 'w1', NOW, TTL).next
    const stamps = new Map([
      ['plain', { checkedAt: '2026-11-02T12:00:00.000Z', verifyOrder: false }],
      ['verify', { checkedAt: null, verifyOrder: true }],
    ])
    const released = releaseIn(held, stamps, 'w1', NOW)
    const later = claimIn(released, [], 'w2', NOW + STAMP_TTL_MS + 1, TTL).next
    assert.deepEqual(Object.keys(later.entries), ['verify'])
    const muchLater = claimIn(later, [], 'w2', NOW + VERIFY_STAMP_TTL_MS + 1, TTL).next
    assert.deepEqual(Object.keys(muchLater.entries), [])
  })

  void it('puts an id in the same shard for every worker', () => {
    assert.equal(shardOf('abc', 16), shardOf('abc', 16))
    const shards = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`id-${i}`, 16)))
    assert.equal(shards.size, 16)
  })
})
