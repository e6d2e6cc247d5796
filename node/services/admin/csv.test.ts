import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { csvLine } from './csv'

void describe('csvLine', () => {
  void it('writes RFC 4180 lines', () => {
    assert.equal(csvLine(['a', 1, true, null, undefined]), 'a,1,true,,\r\n')
    assert.equal(
      csvLine(['RIO DE JANEIRO, RJ', 'say "hi"', 'two\nlines']),
      '"RIO DE JANEIRO, RJ","say ""hi""","two\nlines"\r\n'
    )
  })

  void it('separates with semicolons when asked, quoting cells that hold one', () => {
    assert.equal(csvLine(['a', 'b;c', 'd,e', 2], ';'), 'a;"b;c";"d,e";2\r\n')
  })

  void it('defuses cells a spreadsheet would run as formulas', () => {
    assert.equal(csvLine(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)']), `"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1)\r\n`)
    assert.equal(csvLine([-2]), '-2\r\n', 'numbers are not text')
  })
})
