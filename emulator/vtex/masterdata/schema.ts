/**
 * Master Data v2 JSON schemas: shape checks on save, document validation (JSON Schema via ajv, as the real
 * API validates documents against the `_schema` named on the request), field types for `_where`,
 * and which fields are filterable (`v-indexed`).
 */
import Ajv from 'ajv'
import type { ValidateFunction } from 'ajv'

import { badRequest } from './errors'
import { isValidField } from './where'
import type { FieldType } from './whereSql'

export type Doc = Record<string, unknown>

export interface ParsedSchema {
  name: string
  /** The body exactly as saved (GET schema returns it unchanged). */
  body: Doc
  indexed: ReadonlySet<string>
  defaultFields: string[]
  typeOf(field: string): FieldType | undefined
  /** An error message, or undefined when the document is valid. */
  validate(doc: Doc): string | undefined
}

/** Always filterable and sortable, with or without a schema (Schema lifecycle guide). */
export const SYSTEM_FILTER_FIELDS: ReadonlySet<string> = new Set(['id', 'createdIn', 'updatedIn'])

/** Fields the platform owns; stripped before validating a document against its schema. */
export const SYSTEM_FIELDS = ['id', 'createdIn', 'updatedIn', 'dataEntityId', 'accountId', 'accountName'] as const

export const MAX_SCHEMAS_PER_ENTITY = 60

const FIELD_TYPES: readonly FieldType[] = ['string', 'number', 'integer', 'boolean', 'array', 'object']

export const isObject = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function createAjv(): Ajv {
  // strict: false because MD schemas carry v-indexed, v-default-fields, v-triggers, ... keywords.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false })
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i)
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/)
  ajv.addFormat('time', /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i)
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/)
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i)
  return ajv
}

const ajv = createAjv()

/** Checks a schema body on save and builds its parsed view; throws 400 on a malformed body. */
export function parseSchema(name: string, body: unknown): ParsedSchema {
  if (!isObject(body)) throw badRequest('The schema must be a JSON object')
  const properties = body.properties
  if (!isObject(properties)) throw badRequest("The schema must have a 'properties' object")
  const indexed = stringList(body, 'v-indexed')
  for (const field of indexed) {
    if (!isValidField(field)) throw badRequest(`Invalid field name '${field}' in v-indexed`)
    if (!isObject(properties[field.split('.')[0]])) {
      throw badRequest(`Field '${field}' in v-indexed must also be declared in properties`)
    }
  }
  const typeOf = (field: string): FieldType | undefined => {
    const [head, nested] = field.split('.')
    let prop: unknown = properties[head]
    if (nested !== undefined) prop = isObject(prop) && isObject(prop.properties) ? prop.properties[nested] : undefined
    return isObject(prop) ? declaredType(prop.type) : undefined
  }
  return {
    name,
    body,
    indexed: new Set(indexed),
    defaultFields: stringList(body, 'v-default-fields'),
    typeOf,
    validate: compileValidator(body),
  }
}

/** Filterable = `v-indexed` (a nested `a.b` also when `a` is indexed) plus id/createdIn/updatedIn. */
export function isFilterable(schema: ParsedSchema, field: string): boolean {
  return SYSTEM_FILTER_FIELDS.has(field) || schema.indexed.has(field) || schema.indexed.has(field.split('.')[0])
}

function compileValidator(body: Doc): (doc: Doc) => string | undefined {
  // $schema/$id are dropped: MD schemas often name old drafts ajv 8 does not ship, and ids would collide on re-save.
  const { $schema: _schema, $id: _id, ...rest } = body
  let check: ValidateFunction
  try {
    check = ajv.compile(rest)
  } catch (error) {
    throw badRequest(`Invalid JSON Schema: ${(error as Error).message}`)
  }
  return (doc) => {
    if (check(doc)) return undefined
    const details = (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    return `Invalid information in JSON: ${details.join('; ')}`
  }
}

function declaredType(type: unknown): FieldType | undefined {
  // ["string", "null"] is common in MD schemas: the first non-null type decides how _where compares.
  const candidates = Array.isArray(type) ? type : [type]
  return candidates.find((t): t is FieldType => FIELD_TYPES.includes(t as FieldType))
}

function stringList(body: Doc, key: string): string[] {
  const value = body[key]
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw badRequest(`'${key}' must be an array of field names`)
  }
  return value as string[]
}
