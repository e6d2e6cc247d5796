import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import Database from 'better-sqlite3'

import type { WhereNode } from './where'
import { fieldsOf, parseWhere, WhereSyntaxError } from './where'
import type { CompileOptions, FieldType } from './whereSql'
import { compileWhere } from './whereSql'

const cmp = (field: string, op: string, raw: string, quoted = false): WhereNode =>
  ({ kind: 'compare', field, op, value: { raw, quoted } }) as WhereNode

void describe('parseWhere', () => {
  void it('parses every documented comparison operator, with or without spaces', () => {
    for (const op of ['=', '<>', '<', '>']) {
      assert.deepEqual(parseWhere(`age${op}5`), cmp('age', op, '5'))
      assert.deepEqual(parseWhere(`  age ${op} 5  `), cmp('age', op, '5'))
    }
  })

  void it('parses between, is null and is not null, keywords in any case', () => {
    assert.deepEqual(parseWhere('age between 18 AND 25'), {
      kind: 'between',
      field: 'age',
      low: { raw: '18', quoted: false },
      high: { raw: '25', quoted: false },
    })
    assert.deepEqual(parseWhere('createdIn BETWEEN 2001-01-01 and 2016-01-01T00:00:00.000Z'), {
      kind: 'between',
      field: 'createdIn',
      low: { raw: '2001-01-01', quoted: false },
      high: { raw: '2016-01-01T00:00:00.000Z', quoted: false },
    })
    assert.deepEqual(parseWhere('firstName is null'), { kind: 'null', field: 'firstName', negated: false })
    assert.deepEqual(parseWhere('firstName IS NOT NULL'), { kind: 'null', field: 'firstName', negated: true })
  })

  void it('gives AND precedence over OR', () => {
    assert.deepEqual(parseWhere('a=1 OR b=2 AND c=3'), {
      kind: 'or',
      left: cmp('a', '=', '1'),
      right: { kind: 'and', left: cmp('b', '=', '2'), right: cmp('c', '=', '3') },
    })
    assert.deepEqual(parseWhere('a=1 and b=2 or c=3'), {
      kind: 'or',
      left: { kind: 'and', left: cmp('a', '=', '1'), right: cmp('b', '=', '2') },
      right: cmp('c', '=', '3'),
    })
  })

  void it('lets parentheses override precedence (the spec example parses)', () => {
    assert.deepEqual(parseWhere('(a=1 OR b=2) AND c=3'), {
      kind: 'and',
      left: { kind: 'or', left: cmp('a', '=', '1'), right: cmp('b', '=', '2') },
      right: cmp('c', '=', '3'),
    })
    const spec = parseWhere('(firstName=Jon OR lastName=Smith) OR (createdIn between 2001-01-01 AND 2016-01-01)')
    assert.deepEqual(fieldsOf(spec), ['firstName', 'lastName', 'createdIn'])
    assert.deepEqual(parseWhere('((a=1))'), cmp('a', '=', '1'))
  })

  void it('reads quoted values with spaces, escapes and keywords inside', () => {
    assert.deepEqual(parseWhere('name="Jon AND Smith"'), cmp('name', '=', 'Jon AND Smith', true))
    assert.deepEqual(parseWhere("name='O\\'Hara (jr)'"), cmp('name', '=', "O'Hara (jr)", true))
    assert.deepEqual(parseWhere('mimetype="*image*"'), cmp('mimetype', '=', '*image*', true))
  })

  void it('reads nested first-level fields, wildcards, emails and timestamps as bare values', () => {
    assert.deepEqual(
      parseWhere('wishlistProduct.productName=*Maria*'),
      cmp('wishlistProduct.productName', '=', '*Maria*')
    )
    assert.deepEqual(parseWhere('email=my@email.com'), cmp('email', '=', 'my@email.com'))
    assert.deepEqual(parseWhere('at>2024-05-01T10:00:00.000Z'), cmp('at', '>', '2024-05-01T10:00:00.000Z'))
  })

  void it('refuses operators the spec does not document, as VTEX does', () => {
    for (const input of ['age<=5', 'age>=5', 'age != 5', 'age=<5', 'age=>5', 'a=1 AND at>=2024-05-01', '(b<=2)']) {
      assert.throws(() => parseWhere(input), /is not part of the _where grammar/, input)
    }
  })

  void it('treats a blank string as no filter', () => {
    assert.equal(parseWhere('   '), undefined)
  })

  void it('rejects bad syntax with a typed error', () => {
    const bad = [
      'a=',
      'a',
      '=1',
      'a=1 AND',
      '(a=1',
      'a=1)',
      'a between 1',
      'a between 1 OR 2',
      'a is maybe',
      'a.b.c=1',
      'a="open',
      'a=1 b=2',
      'a==1',
    ]
    for (const input of bad) {
      assert.throws(() => parseWhere(input), WhereSyntaxError, `expected a syntax error for ${JSON.stringify(input)}`)
    }
  })
})

void describe('compileWhere (run on SQLite)', () => {
  const db = new Database(':memory:')
  db.exec('CREATE TABLE docs (id TEXT PRIMARY KEY, doc TEXT NOT NULL)')
  const rows: Record<string, unknown>[] = [
    {
      id: 'a',
      firstName: 'Maria',
      age: 20,
      code: '123',
      vip: true,
      at: '2001-06-01T00:00:00.000Z',
      addr: { city: 'Rio' },
    },
    { id: 'b', firstName: 'Ana Maria', age: 30, code: 123, vip: false, at: '2010-01-01T00:00:00.000Z' },
    { id: 'c', firstName: 'maria', age: '40', at: '2020-01-01T00:00:00.000Z', addr: { city: 'São Paulo' } },
    { id: 'd', firstName: null, age: 18, code: '50%_off' },
    { id: 'e', age: 25 },
  ]
  const insert = db.prepare('INSERT INTO docs (id, doc) VALUES (?, ?)')
  for (const row of rows) insert.run(row.id, JSON.stringify(row))

  const ids = (where: string, types: Record<string, FieldType> = {}): string[] => {
    const node = parseWhere(where)
    assert.ok(node)
    const options: CompileOptions = { typeOf: (f) => types[f] }
    const { sql, params } = compileWhere(node, options)
    const found = db
      .prepare(`SELECT id FROM docs WHERE ${sql} ORDER BY id`)
      .pluck()
      .all(...params) as string[]
    return found
  }

  void it('matches text equality exactly and wildcards case-insensitively', () => {
    assert.deepEqual(ids('firstName=Maria'), ['a'])
    assert.deepEqual(ids('firstName="Ana Maria"'), ['b'])
    assert.deepEqual(ids('firstName=*Maria*'), ['a', 'b', 'c'])
    assert.deepEqual(ids('firstName=Ana*'), ['b'])
    assert.deepEqual(ids('firstName<>*Maria*'), ['d', 'e'])
  })

  void it('escapes % and _ inside wildcard patterns', () => {
    assert.deepEqual(ids('code=50%*'), ['d'])
    assert.deepEqual(ids('code=5_*'), [])
  })

  void it('treats <> as true for documents without the field', () => {
    assert.deepEqual(ids('firstName<>Maria'), ['b', 'c', 'd', 'e'])
  })

  void it('compares numbers as numbers and matches the same digits stored as text on untyped fields', () => {
    assert.deepEqual(ids('age>19'), ['a', 'b', 'e'])
    assert.deepEqual(ids('age<21'), ['a', 'd'])
    assert.deepEqual(ids('age between 18 AND 25'), ['a', 'd', 'e'])
    assert.deepEqual(ids('code=123'), ['a', 'b'])
    assert.deepEqual(ids('code=123', { code: 'string' }), ['a'])
    assert.deepEqual(ids('code=123', { code: 'number' }), ['b'])
    assert.deepEqual(ids('code<>123'), ['c', 'd', 'e'])
  })

  void it('compares dates and ISO timestamps as strings', () => {
    assert.deepEqual(ids('at<2005-01-01'), ['a'])
    assert.deepEqual(ids('at between 2005-01-01 AND 2020-01-01T00:00:00.000Z'), ['b', 'c'])
    assert.deepEqual(ids('at>2009-12-31T23:59:59.999Z'), ['b', 'c'])
  })

  void it('compares booleans', () => {
    assert.deepEqual(ids('vip=true'), ['a'])
    assert.deepEqual(ids('vip=FALSE'), ['b'])
    assert.deepEqual(ids('vip=true', { vip: 'boolean' }), ['a'])
  })

  void it('handles null checks (missing and JSON null alike)', () => {
    assert.deepEqual(ids('firstName is null'), ['d', 'e'])
    assert.deepEqual(ids('firstName is not null'), ['a', 'b', 'c'])
  })

  void it('reads nested first-level fields', () => {
    assert.deepEqual(ids('addr.city=Rio'), ['a'])
    assert.deepEqual(ids('addr.city=S*'), ['c'])
  })

  void it('combines with AND/OR and parentheses', () => {
    assert.deepEqual(ids('age>19 AND firstName=*maria*'), ['a', 'b'])
    assert.deepEqual(ids('firstName=Maria OR age=25 AND vip=true'), ['a'])
    assert.deepEqual(ids('(firstName=Maria OR age=25) AND firstName is null'), ['e'])
  })

  void it('rejects values that cannot match the declared type', () => {
    assert.throws(() => ids('age>abc', { age: 'integer' }), WhereSyntaxError)
    assert.throws(() => ids('vip=yes', { vip: 'boolean' }), WhereSyntaxError)
  })

  void it('binds values instead of inlining them', () => {
    const node = parseWhere('firstName="x\' OR 1=1 --"')
    assert.ok(node)
    const { sql, params } = compileWhere(node)
    assert.ok(!sql.includes('1=1'))
    assert.deepEqual(params, ["x' OR 1=1 --"])
    assert.deepEqual(ids('firstName="x\' OR 1=1 --"'), [])
  })

  void it('uses a custom column expression for system fields', () => {
    const node = parseWhere('id=a')
    assert.ok(node)
    assert.equal(compileWhere(node, { column: (f) => f, typeOf: () => 'string' }).sql, 'id = ?')
  })
})
