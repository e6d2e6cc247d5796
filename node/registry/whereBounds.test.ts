import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { parseWhere } from '../../emulator/vtex/masterdata/where'
import { atOrAfter, atOrBefore } from './whereBounds'

const at = '2026-11-02T12:00:00.000Z'
const before = '2026-11-02T11:59:59.999Z'
const after = '2026-11-02T12:00:00.001Z'

void describe('inclusive bounds in the documented _where grammar', () => {
  void it('writes strict comparisons one millisecond out, which the strict parser accepts', () => {
    assert.equal(atOrAfter('lastCheckedAt', at), `lastCheckedAt>${before}`)
    assert.equal(atOrBefore('nextCheckAt', at), `nextCheckAt<${after}`)
    assert.doesNotThrow(() => parseWhere(`${atOrAfter('a', at)} AND ${atOrBefore('b', at)}`))
  })

  void it('includes the bound itself and nothing a millisecond beyond it (string order = time order)', () => {
    const [gtBound] = atOrAfter('x', at).split('>').slice(1)
    assert.ok(at > gtBound && before <= gtBound)
    const [ltBound] = atOrBefore('x', at).split('<').slice(1)
    assert.ok(at < ltBound && after >= ltBound)
  })

  void it('refuses a bound that is not an instant', () => {
    assert.throws(() => atOrAfter('x', '2026-13-45'), RangeError)
  })
})
