/**
 * The Master Data v2 `_where` language: parser to a small AST and compiler to parameterised SQLite.
 *
 * Only the grammar the v2 spec documents (its query examples on search and scroll); anything else,
 * `<=` and `>=` included, is a 400 as on VTEX, so the app cannot come to rely on an operator the
 * platform does not promise. Keywords case-insensitive; AND binds tighter than OR, as in SQL:
 *   expr      := and (OR and)*
 *   and       := primary (AND primary)*
 *   primary   := '(' expr ')' | condition
 *   condition := field ('=' | '<>' | '<' | '>') value
 *              | field BETWEEN value AND value
 *              | field IS [NOT] NULL
 *   field     := name ('.' name)?          -- nested up to the first level, as the spec says
 *   value     := "..." | '...' | bare      -- bare runs to whitespace or ')'
 * `*` inside a value of `=` / `<>` is a wildcard (LIKE / NOT LIKE), quoted or not.
 */

export type Comparison = '=' | '<>' | '<' | '>'

export interface WhereValue {
  raw: string
  quoted: boolean
}

export type WhereNode =
  | { kind: 'and' | 'or'; left: WhereNode; right: WhereNode }
  | { kind: 'compare'; field: string; op: Comparison; value: WhereValue }
  | { kind: 'between'; field: string; low: WhereValue; high: WhereValue }
  | { kind: 'null'; field: string; negated: boolean }

/** Thrown for bad `_where` syntax (or a value that cannot match the field type); the module answers 400. */
export class WhereSyntaxError extends Error {
  constructor(
    message: string,
    readonly position?: number
  ) {
    super(message)
    this.name = 'WhereSyntaxError'
  }
}

export const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/

export function isValidField(field: string): boolean {
  return FIELD_PATTERN.test(field)
}

/** Parses `_where`; an empty or blank string means "no filter" (undefined). */
export function parseWhere(input: string): WhereNode | undefined {
  if (input.trim() === '') return undefined
  const parser = new Parser(input)
  const node = parser.expression()
  parser.skipSpace()
  if (!parser.atEnd()) parser.fail(`Unexpected '${parser.rest(12)}'`)
  return node
}

/** The AST of a simple query-string filter (`?email=a@b.com`, `?firstName=*Maria*`). */
export function equalsNode(field: string, raw: string): WhereNode {
  if (!isValidField(field)) throw new WhereSyntaxError(`Invalid field name '${field}'`)
  return { kind: 'compare', field, op: '=', value: { raw, quoted: false } }
}

export function andAll(nodes: WhereNode[]): WhereNode | undefined {
  return nodes.reduce<WhereNode | undefined>(
    (acc, node) => (acc ? { kind: 'and', left: acc, right: node } : node),
    undefined
  )
}

/** Every field a filter reads, so callers can check them against the schema's `v-indexed`. */
export function fieldsOf(node: WhereNode | undefined): string[] {
  if (!node) return []
  if (!('left' in node)) return [node.field]
  return [...new Set([...fieldsOf(node.left), ...fieldsOf(node.right)])]
}

const KEYWORD_END = /[\s()]/

class Parser {
  private pos = 0

  constructor(private readonly text: string) {}

  expression(): WhereNode {
    let left = this.conjunction()
    while (this.keyword('or')) left = { kind: 'or', left, right: this.conjunction() }
    return left
  }

  private conjunction(): WhereNode {
    let left = this.primary()
    while (this.keyword('and')) left = { kind: 'and', left, right: this.primary() }
    return left
  }

  private primary(): WhereNode {
    this.skipSpace()
    if (this.text[this.pos] === '(') {
      this.pos++
      const inner = this.expression()
      this.skipSpace()
      if (this.text[this.pos] !== ')') this.fail("Expected ')'")
      this.pos++
      return inner
    }
    return this.condition()
  }

  private condition(): WhereNode {
    const start = this.pos
    const field = /^[A-Za-z0-9_.]+/.exec(this.text.slice(this.pos))?.[0]
    if (!field) this.fail('Expected a field name')
    if (!isValidField(field)) this.fail(`Invalid field name '${field}' (nested fields go one level deep)`, start)
    this.pos += field.length
    this.skipSpace()
    const undocumented = /^(<=|>=|!=|==|=<|=>)/.exec(this.text.slice(this.pos))?.[0]
    if (undocumented) {
      this.fail(
        `Operator '${undocumented}' is not part of the _where grammar ` +
          `(=, <>, <, >, between ... AND ..., is null, is not null, AND, OR, parentheses)`
      )
    }
    const op = /^(<>|=|<|>)/.exec(this.text.slice(this.pos))?.[0] as Comparison | undefined
    if (op) {
      this.pos += op.length
      return { kind: 'compare', field, op, value: this.value() }
    }
    if (this.keyword('between')) {
      const low = this.value()
      if (!this.keyword('and')) this.fail("Expected AND in 'between ... AND ...'")
      return { kind: 'between', field, low, high: this.value() }
    }
    if (this.keyword('is')) {
      const negated = this.keyword('not')
      if (!this.keyword('null')) this.fail("Expected NULL after 'is'")
      return { kind: 'null', field, negated }
    }
    return this.fail(`Expected an operator after '${field}'`)
  }

  private value(): WhereValue {
    this.skipSpace()
    const quote = this.text[this.pos]
    if (quote === '"' || quote === "'") {
      let raw = ''
      for (let i = this.pos + 1; i < this.text.length; i++) {
        const ch = this.text[i]
        if (ch === '\\' && i + 1 < this.text.length) raw += this.text[++i]
        else if (ch === quote) {
          this.pos = i + 1
          return { raw, quoted: true }
        } else raw += ch
      }
      this.fail('Unterminated quoted value')
    }
    // A bare value may not start with an operator character: `a==1` is a typo, not a = "=1" (quote it if meant).
    const raw = /^[^\s()=<>][^\s()]*/.exec(this.text.slice(this.pos))?.[0]
    if (!raw) this.fail('Expected a value')
    this.pos += raw.length
    return { raw, quoted: false }
  }

  /** Consumes a case-insensitive keyword followed by a separator; false (nothing consumed) otherwise. */
  private keyword(word: string): boolean {
    this.skipSpace()
    const candidate = this.text.slice(this.pos, this.pos + word.length)
    const after = this.text[this.pos + word.length]
    if (candidate.toLowerCase() !== word || (after !== undefined && !KEYWORD_END.test(after))) return false
    this.pos += word.length
    return true
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++
  }

  atEnd(): boolean {
    return this.pos >= this.text.length
  }

  rest(length: number): string {
    return this.text.slice(this.pos, this.pos + length)
  }

  fail(message: string, position = this.pos): never {
    throw new WhereSyntaxError(`Invalid _where at position ${position}: ${message}`, position)
  }
}
