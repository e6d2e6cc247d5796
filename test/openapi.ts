/**
 * Checks requests and responses against VTEX's official OpenAPI 3.0 files (shared/contracts/vtex),
 * so the emulator and the app's clients cannot drift into a private dialect. Generic on purpose:
 * it works for any of the vendored specs (Orders, Master Data, Logistics, ...).
 */
import fs from 'fs'
import path from 'path'

import Ajv from 'ajv'
import type { ErrorObject, ValidateFunction } from 'ajv'

type Json = Record<string, unknown>

export interface OpenApiSpec {
  fileName: string
  document: Json
  /** Resolves every `$ref` of the spec's schemas (the components are registered under this id). */
  ajv: Ajv
  schemaId: string
  validators: Map<string, ValidateFunction>
}

export interface OperationMatch {
  pathTemplate: string
  method: string
  operationId: string | undefined
  params: Record<string, string>
}

/** The repo is always cloned beside `shared/`; override only for unusual layouts. */
export const CONTRACTS_DIR = process.env.VTEX_CONTRACTS_DIR ?? path.resolve(__dirname, '../../shared/contracts/vtex')

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const specs = new Map<string, OpenApiSpec>()

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export function loadSpec(fileName: string): OpenApiSpec {
  return loadSpecAt(path.join(CONTRACTS_DIR, fileName))
}

/** Any OpenAPI 3 file by its path (the app's own contracts, e.g. docs/admin-api.openapi.json). */
export function loadSpecAt(filePath: string): OpenApiSpec {
  const fileName = path.basename(filePath)
  const cached = specs.get(filePath)
  if (cached) return cached
  const document = JSON.parse(fs.readFileSync(filePath, 'utf8')) as unknown
  if (!isObject(document) || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.')) {
    throw new Error(`${fileName} is not an OpenAPI 3 document`)
  }
  const schemaId = `https://contracts.local/${encodeURIComponent(fileName)}`
  // validateSchema off: vendor specs carry OpenAPI-only keywords that are not JSON Schema.
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    verbose: true,
    validateFormats: false,
    allowUnionTypes: true,
    validateSchema: false,
  })
  const components = isObject(document.components) ? document.components : {}
  const schemas = isObject(components.schemas) ? components.schemas : {}
  const converted: Json = {}
  for (const [name, schema] of Object.entries(schemas)) converted[name] = toJsonSchema(schema, schemaId)
  ajv.addSchema({ $id: schemaId, components: { schemas: converted } })
  const spec: OpenApiSpec = { fileName, document, ajv, schemaId, validators: new Map() }
  specs.set(filePath, spec)
  return spec
}

/**
 * OpenAPI 3.0 schema -> JSON Schema ajv understands: `nullable` becomes a `null` type (also added to
 * `enum`, which ajv would otherwise check first), local `$ref`s point at the registered components,
 * and keywords that are malformed in vendor specs are dropped instead of breaking compilation.
 */
export function toJsonSchema(schema: unknown, schemaId: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, schemaId))
  if (!isObject(schema)) return schema
  const out: Json = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'examples' || key === 'nullable' || key === 'xml' || key === 'discriminator') {
      continue
    }
    if (key === '$ref' && typeof value === 'string') out.$ref = value.startsWith('#') ? `${schemaId}${value}` : value
    else if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      out[key] = isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, schemaId)]))
        : {}
    } else if (key === 'required') {
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) out.required = value
    } else if (key === 'enum' || key === 'default' || key === 'const') out[key] = value
    else out[key] = toJsonSchema(value, schemaId)
  }
  if (schema.nullable !== true) return out
  if (typeof out.type === 'string') out.type = [out.type, 'null']
  else if (Array.isArray(out.type)) out.type = [...(out.type as unknown[]), 'null']
  else return { anyOf: [out, { type: 'null' }] }
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
  return out
}

/** Finds the path template (and its params) for a concrete path; literal segments win over params. */
export function matchOperation(spec: OpenApiSpec, method: string, concretePath: string): OperationMatch | undefined {
  const pathname = concretePath.split('?')[0]
  const segments = pathname.split('/')
  const paths = isObject(spec.document.paths) ? spec.document.paths : {}
  let best: { match: OperationMatch; literals: number } | undefined
  for (const [template, item] of Object.entries(paths)) {
    if (!isObject(item)) continue
    const operation = item[method.toLowerCase()]
    if (!isObject(operation)) continue
    const templateSegments = template.split('?')[0].split('/')
    if (templateSegments.length !== segments.length) continue
    const params: Record<string, string> = {}
    let literals = 0
    const matches = templateSegments.every((part, index) => {
      const param = /^\{([^}]+)\}$/.exec(part)
      if (!param) {
        literals += 1
        return part === segments[index]
      }
      if (segments[index] === '') return false
      params[param[1]] = safeDecode(segments[index])
      return true
    })
    if (!matches || (best && best.literals >= literals)) continue
    const operationId = typeof operation.operationId === 'string' ? operation.operationId : undefined
    best = { match: { pathTemplate: template, method: method.toLowerCase(), operationId, params }, literals }
  }
  return best?.match
}

export function validateResponse(
  spec: OpenApiSpec,
  method: string,
  pathTemplate: string,
  status: number | string,
  body: unknown
): string[] {
  const where = `${method.toUpperCase()} ${pathTemplate} -> ${status}`
  const operation = getOperation(spec, method, pathTemplate)
  if (!operation) return [`${method.toUpperCase()} ${pathTemplate} is not in ${spec.fileName}`]
  const responses = isObject(operation.responses) ? operation.responses : {}
  const code = String(status)
  const key = [code, `${code[0]}XX`, `${code[0]}xx`, 'default'].find((candidate) => candidate in responses)
  if (!key) return [`${where}: status ${code} is not documented (documented: ${Object.keys(responses).join(', ')})`]
  const response = deref(spec, responses[key])
  const schema = jsonSchemaOf(response)
  if (schema === undefined) return []
  return runValidator(spec, `res ${method} ${pathTemplate} ${key}`, schema, body, 'body')
}

export function validateRequestBody(spec: OpenApiSpec, method: string, pathTemplate: string, body: unknown): string[] {
  const operation = getOperation(spec, method, pathTemplate)
  if (!operation) return [`${method.toUpperCase()} ${pathTemplate} is not in ${spec.fileName}`]
  const requestBody = deref(spec, operation.requestBody)
  if (!isObject(requestBody)) {
    return body === undefined ? [] : [`${method.toUpperCase()} ${pathTemplate} takes no request body`]
  }
  if (body === undefined) return requestBody.required === true ? ['body is required'] : []
  const schema = jsonSchemaOf(requestBody)
  if (schema === undefined) return []
  return runValidator(spec, `req ${method} ${pathTemplate}`, schema, body, 'body')
}

function getOperation(spec: OpenApiSpec, method: string, pathTemplate: string): Json | undefined {
  const paths = isObject(spec.document.paths) ? spec.document.paths : {}
  const item = paths[pathTemplate]
  if (!isObject(item) || !HTTP_METHODS.includes(method.toLowerCase())) return undefined
  const operation = item[method.toLowerCase()]
  return isObject(operation) ? operation : undefined
}

/** Follows `#/components/responses/...`-style references of non-schema objects. */
function deref(spec: OpenApiSpec, value: unknown): unknown {
  let current = value
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 10; hops += 1) {
    const ref = current.$ref
    if (!ref.startsWith('#/')) return current
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), spec.document)
  }
  return current
}

function jsonSchemaOf(holder: unknown): unknown {
  if (!isObject(holder) || !isObject(holder.content)) return undefined
  const content = holder.content
  const type =
    Object.keys(content).find((name) => name.split(';')[0].trim() === 'application/json') ??
    Object.keys(content).find((name) => name.includes('json'))
  const media = type ? content[type] : undefined
  return isObject(media) ? media.schema : undefined
}

function runValidator(spec: OpenApiSpec, key: string, schema: unknown, body: unknown, root: string): string[] {
  let validate = spec.validators.get(key)
  if (!validate) {
    const converted = toJsonSchema(schema, spec.schemaId)
    validate = spec.ajv.compile(isObject(converted) ? converted : {})
    spec.validators.set(key, validate)
  }
  if (validate(body)) return []
  return dedupe((validate.errors ?? []).map((error) => describeError(error, root)))
}

function describeError(error: ErrorObject, root: string): string {
  const where = root + error.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.')
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return `${where} must have required property '${String(params.missingProperty)}'`
    case 'type':
      return `${where} must be ${String(params.type).replace(/,/g, ' or ')} (got ${describeValue(error.data)})`
    case 'enum':
      return `${where} must be one of ${JSON.stringify(params.allowedValues)} (got ${describeValue(error.data)})`
    case 'additionalProperties':
      return `${where} must not have property '${String(params.additionalProperty)}'`
    default:
      return `${where} ${error.message ?? error.keyword}`
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'object') return 'object'
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80)
}

const dedupe = (messages: string[]): string[] => [...new Set(messages)]

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
