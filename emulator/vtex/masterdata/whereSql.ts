/**
 * Compiles a `_where` AST to a parameterised SQLite boolean expression over `json_extract(doc, '$.field')`,
 * the same expression the store indexes, so filters and sorts use the expression indexes.
 */
import type { Comparison, WhereNode, WhereValue } from './where'
import { isValidField, WhereSyntaxError } from './where'

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object'
export type SqlParam = string | number

export interface SqlFragment {
  sql: string
  params: SqlParam[]
}

export interface CompileOptions {
  /** The field's type from the schema; undefined means "infer from the literal". */
  typeOf?: (field: string) => FieldType | undefined
  /** SQL expression that reads a field; defaults to {@link jsonField}. */
  column?: (field: string) => string
}

/** The exact expression the store indexes, so filters and sorts can use the expression indexes. */
export const jsonField = (field: string): string => `json_extract(doc, '$.${field}')`

/** `loose` = the field's type is unknown, so the literal's type was inferred from its spelling. */
type Literal = { kind: 'text'; value: string; loose: boolean } | { kind: 'number'; value: number; loose: boolean }

const NUMERIC = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/

/** Compiles the AST to a boolean SQL expression; values are always bound, never inlined. */
export function compileWhere(node: WhereNode, options: CompileOptions = {}): SqlFragment {
  const column = (field: string): string => {
    if (!isValidField(field)) throw new WhereSyntaxError(`Invalid field name '${field}'`)
    return (options.column ?? jsonField)(field)
  }
  const literal = (field: string, value: WhereValue): Literal => toLiteral(field, value, options.typeOf?.(field))

  const compile = (n: WhereNode): SqlFragment => {
    switch (n.kind) {
      case 'and':
      case 'or': {
        const left = compile(n.left)
        const right = compile(n.right)
        return { sql: `(${left.sql} ${n.kind.toUpperCase()} ${right.sql})`, params: [...left.params, ...right.params] }
      }
      case 'null':
        return { sql: `${column(n.field)} IS ${n.negated ? 'NOT ' : ''}NULL`, params: [] }
      case 'between': {
        const expr = column(n.field)
        let low = literal(n.field, n.low)
        let high = literal(n.field, n.high)
        // A date range like `2001-01-01 AND 2016` must compare as text on both ends.
        if (low.kind !== high.kind) [low, high] = [asText(n.low), asText(n.high)]
        return { sql: `(${expr} BETWEEN ? AND ?${guard(expr, low)})`, params: [low.value, high.value] }
      }
      case 'compare':
        return compileCompare(column(n.field), n.op, n.value, literal(n.field, n.value))
    }
  }
  return compile(node)
}

function compileCompare(expr: string, op: Comparison, value: WhereValue, lit: Literal): SqlFragment {
  if ((op === '=' || op === '<>') && value.raw.includes('*')) {
    // SQLite LIKE is case-insensitive for ASCII, so `*maria*` finds "Maria" too.
    const pattern = value.raw.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%')
    if (op === '=') return { sql: `${expr} LIKE ? ESCAPE '\\'`, params: [pattern] }
    return { sql: `(${expr} IS NULL OR ${expr} NOT LIKE ? ESCAPE '\\')`, params: [pattern] }
  }
  // A bare number on an untyped field also matches the same digits stored as a string.
  const loose = lit.kind === 'number' && lit.loose
  if (op === '=') {
    return loose
      ? { sql: `${expr} IN (?, ?)`, params: [lit.value, value.raw] }
      : { sql: `${expr} = ?`, params: [lit.value] }
  }
  if (op === '<>') {
    // Documents without the field are "different" too, as in the real (Elasticsearch) must_not.
    return loose
      ? { sql: `(${expr} IS NULL OR ${expr} NOT IN (?, ?))`, params: [lit.value, value.raw] }
      : { sql: `${expr} IS NOT ?`, params: [lit.value] }
  }
  return { sql: `(${expr} ${op} ?${guard(expr, lit)})`, params: [lit.value] }
}

/** SQLite orders every number before every string; on untyped fields keep ranges within one type. */
function guard(expr: string, lit: Literal): string {
  if (!lit.loose) return ''
  return lit.kind === 'number' ? ` AND typeof(${expr}) IN ('integer', 'real')` : ` AND typeof(${expr}) = 'text'`
}

const asText = (value: WhereValue): Literal => ({ kind: 'text', value: value.raw, loose: true })

function toLiteral(field: string, value: WhereValue, type: FieldType | undefined): Literal {
  const { raw } = value
  const bool = /^(true|false)$/i.test(raw) ? (raw.toLowerCase() === 'true' ? 1 : 0) : undefined
  switch (type) {
    case 'number':
    case 'integer':
      if (!NUMERIC.test(raw)) throw new WhereSyntaxError(`Value '${raw}' is not a number (field '${field}')`)
      return { kind: 'number', value: Number(raw), loose: false }
    case 'boolean':
      if (bool === undefined) throw new WhereSyntaxError(`Value '${raw}' is not a boolean (field '${field}')`)
      return { kind: 'number', value: bool, loose: false }
    case 'string':
      return { kind: 'text', value: raw, loose: false }
    default:
      if (value.quoted) return { kind: 'text', value: raw, loose: true }
      // JSON true/false come out of json_extract as 1/0.
      if (bool !== undefined) return { kind: 'number', value: bool, loose: false }
      if (NUMERIC.test(raw)) return { kind: 'number', value: Number(raw), loose: true }
      return { kind: 'text', value: raw, loose: true }
  }
}
