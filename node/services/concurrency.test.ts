import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { chunk, fullChunks } from './concurrency'

void describe('chunk and fullChunks', () => {
  void it('chunk keeps a short last chunk; fullChunks returns it apart', () => {
    const items = Array.from({ length: 7 }, (_, i) => i)
    assert.deepEqual(chunk(items, 3), [[0, 1, 2], [3, 4, 5], [6]])
    assert.deepEqual(fullChunks(items, 3), {
      chunks: [
        [0, 1, 2],
        [3, 4, 5],
      ],
      rest: [6],
    })
  })

  void it('fullChunks: nothing left when the items divide evenly, all left when fewer than one chunk', () => {
    assert.deepEqual(fullChunks([1, 2, 3, 4], 2), {
      chunks: [
        [1, 2],
        [3, 4],
      ],
      rest: [],
    })
    assert.deepEqual(fullChunks([1, 2], 5), { chunks: [], rest: [1, 2] })
    assert.deepEqual(fullChunks([], 5), { chunks: [], rest: [] })
  })
})
