/**
 * Pieces of a search or scroll that do not touch the database: REST-Range, `_sort`, `_fields`,
 * the filter (where + simple query-string filters) and the projection of stored documents.
 */
import { badRequest, MasterDataError } from './errors'
import type { Doc, ParsedSchema } from './schema'
import { isFilterable } from './schema'
import type { WhereNode } from './where'
import { andAll, equalsNode, fieldsOf, isValidField, parseWhere } from './where'
import type { FieldType, SqlFragment } from './whereSql'
import { compileWhere, jsonField } from './whereSql'

/** "you are limited to retrieving 100 documents per query" (spec, REST-Range). */
export const MAX_PAGE_SIZE = 100
/** Search serves "up to 10,000 documents"; past that the guides send you to /scroll. */
export const MAX_SEARCH_WINDOW = 10_000
/** Undocumented: the spec marks REST-Range as required; without it the emulator serves the first 15. */
export const DEFAULT_RANGE = { from: 0, to: 15 }

/** Columns that mirror system fields, so they have ordinary indexes and need no json_extract. */
const COLUMNS: Record<string, string> = { id: 'id', createdIn: 'createdIn', updatedIn: 'updatedIn' }

export const columnFor = (field: string): string => COLUMNS[field] ?? jsonField(field)

/** Parses `resources=x-y` (y exclusive) and enforces the page size and search window limits. */
export function parseRange(header: string | undefined): { from: number; to: number } {
  if (header === undefined || header.trim() === '') return DEFAULT_RANGE
  const match = /^\s*resources\s*=\s*(\d+)\s*-\s*(\d+)\s*$/i.exec(header)
  if (!match) throw badRequest(`Invalid REST-Range header '${header}'; expected 'resources={from}-{to}'`)
  return checkRange(Number(match[1]), Number(match[2]))
}

export function checkRange(from: number, to: number): { from: number; to: number } {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw badRequest(`Invalid range resources=${from}-${to}`)
  }
  if (to - from > MAX_PAGE_SIZE) {
    throw badRequest(`The maximum number of documents per page is ${MAX_PAGE_SIZE} (got resources=${from}-${to})`)
  }
  if (to > MAX_SEARCH_WINDOW) {
    throw badRequest(
      `Search can only page through the first ${MAX_SEARCH_WINDOW} documents (got resources=${from}-${to}); use /scroll to read more`
    )
  }
  return { from, to }
}

/** `_fields` as a list; undefined when absent or empty (then defaults apply, see {@link project}). */
export function parseFields(raw: string | null | undefined): string[] | undefined {
  const fields = (raw ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '')
  return fields.length > 0 ? fields : undefined
}

/**
 * `_fields=_all` → the whole document (with id, accountId, accountName, dataEntityId, createdIn, updatedIn);
 * a list → only those fields (absent ones are omitted); none → id, accountId, accountName, dataEntityId
 * (what the spec's examples show without `_fields`) plus the schema's `v-default-fields`.
 */
export function project(doc: Doc, fields: string[] | undefined, schema: ParsedSchema | undefined): Doc {
  if (fields?.includes('_all')) return doc
  const keys = fields ?? ['id', 'accountId', 'accountName', 'dataEntityId', ...(schema?.defaultFields ?? [])]
  const out: Doc = {}
  for (const key of keys) {
    const [head, nested] = key.split('.')
    const value = doc[head]
    if (nested === undefined) {
      if (value !== undefined) out[head] = value
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const inner = (value as Doc)[nested]
      if (inner === undefined) continue
      const target = (out[head] ??= {}) as Doc
      target[nested] = inner
    }
  }
  return out
}

const typeOfSystem = (field: string): FieldType | undefined => (field in COLUMNS ? 'string' : undefined)

/** Parses and compiles `_where` plus simple `field=value` query filters; checks fields against the schema. */
export function buildFilter(
  where: string | undefined,
  filters: Record<string, string> | undefined,
  schema: ParsedSchema | undefined
): SqlFragment | undefined {
  const nodes: WhereNode[] = []
  const parsed = where === undefined ? undefined : parseWhere(where)
  if (parsed) nodes.push(parsed)
  for (const [field, value] of Object.entries(filters ?? {})) nodes.push(equalsNode(field, value))
  const node = andAll(nodes)
  if (!node) return undefined
  if (schema) {
    for (const field of fieldsOf(node)) {
      if (!isFilterable(schema, field)) {
        throw new MasterDataError(400, `Field '${field}' not found in schema '${schema.name}' v-indexed fields`)
      }
    }
  }
  return compileWhere(node, {
    column: columnFor,
    typeOf: (field) => typeOfSystem(field) ?? schema?.typeOf(field),
  })
}

/**
 * `_sort=field ASC|DESC[, ...]` → ORDER BY. Missing values sort last either way (Elasticsearch's default).
 * SQLite 3.30+ walks an index for NULLS LAST too. The rowid tie-breaker keeps pages stable and matches index
 * order (equal keys are stored by rowid), so indexed sorts need no temp sort.
 */
export function buildOrderBy(sort: string | undefined, schema: ParsedSchema | undefined): string {
  const parts = (sort ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.length === 0) return 'ORDER BY rowid'
  let lastDirection = 'ASC'
  const terms = parts.map((part) => {
    const match = /^([A-Za-z0-9_.]+)(?:\s+(asc|desc))?$/i.exec(part)
    if (!match || !isValidField(match[1]))
      throw badRequest(`Invalid _sort '${part}'; expected 'field ASC' or 'field DESC'`)
    const [, field, direction = 'ASC'] = match
    if (schema && !isFilterable(schema, field)) {
      throw badRequest(`Field '${field}' in _sort is not in schema '${schema.name}' v-indexed fields`)
    }
    lastDirection = direction.toUpperCase()
    const expr = columnFor(field)
    return lastDirection === 'ASC' ? `${expr} ASC NULLS LAST` : `${expr} DESC`
  })
  return `ORDER BY ${terms.join(', ')}, rowid ${lastDirection}`
}
