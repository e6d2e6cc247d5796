/**
 * The admin page's types (react/admin/api/types.ts, react/admin/emails/types.ts) against the admin
 * API contract (docs/admin-api.openapi.json): for every schema the page restates, the same
 * fields, the same required ones, the same nullable ones and the same enum values, nested
 * objects included. A field added, made nullable or given a new value on one side only fails here.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'

import ts from 'typescript'

import { SETTABLE_STATUSES as NODE_SETTABLE } from '../node/services/admin/manualStatus'
import { SETTABLE_STATUSES as PAGE_SETTABLE } from '../react/admin/api/types'
import { adminSpec } from './adminContract'

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

const TYPE_FILES = ['react/admin/api/types.ts', 'react/admin/emails/types.ts'].map((file) =>
  path.resolve(__dirname, '..', file)
)
/** Schemas the page must restate: a missing one is a drift too (and keeps this test from passing empty). */
const RESTATED = [
  'Overview',
  'AttentionCounts',
  'CarrierHealth',
  'SweepSummary',
  'SweepHealth',
  'BackfillProgress',
  'BackfillStart',
  'Charts',
  'ChartDay',
  'CarrierOnTime',
  'CarrierDeliveryTimes',
  'ShipmentSummary',
  'ShipmentDetail',
  'ShipmentEvent',
  'Incident',
  'ShipmentPage',
  'RefreshResult',
  'SetStatusInput',
  'IncidentAckInput',
  'NoticeEntry',
  'EmailPreview',
]

const program = ts.createProgram(TYPE_FILES, { strict: true, noEmit: true, skipLibCheck: true, types: [] })
const checker = program.getTypeChecker()

function exportedTypes(): Map<string, ts.Type> {
  const types = new Map<string, ts.Type>()
  for (const file of TYPE_FILES) {
    const source = program.getSourceFile(file)
    const moduleSymbol = source ? checker.getSymbolAtLocation(source) : undefined
    if (!moduleSymbol) throw new Error(`cannot read ${file}`)
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) {
        types.set(symbol.getName(), checker.getDeclaredTypeOfSymbol(symbol))
      }
    }
  }
  return types
}

const spec = adminSpec()
const schemas = (spec.document.components as { schemas: Record<string, Json> }).schemas

/** Follows `$ref` and the `allOf: [$ref], nullable` form; says whether the schema allows null. */
function resolve(schema: Json): { schema: Json; nullable: boolean } {
  let nullable = schema.nullable === true
  let current = schema
  for (let hops = 0; hops < 5; hops++) {
    if (typeof current.$ref === 'string') current = schemas[current.$ref.split('/').pop() ?? '']
    else if (Array.isArray(current.allOf) && current.allOf.length === 1) current = current.allOf[0] as Json
    else break
    nullable ||= current.nullable === true
  }
  return { schema: current, nullable }
}

/** The TS side of one property: nullable, optional, and its string literal values if it is an enum. */
function describeType(type: ts.Type): { nullable: boolean; literals: string[] | null; rest: ts.Type[] } {
  const parts = type.isUnion() ? type.types : [type]
  const nullable = parts.some((part) => (part.flags & ts.TypeFlags.Null) !== 0)
  const rest = parts.filter((part) => (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) === 0)
  const literals = rest.every((part) => part.isStringLiteral())
    ? rest.map((part) => (part as ts.StringLiteralType).value).sort()
    : null
  return { nullable, literals: literals && literals.length > 0 ? literals : null, rest }
}

function compare(name: string, schema: Json, type: ts.Type, drifts: string[]): void {
  const properties = isObject(schema.properties) ? schema.properties : {}
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : [])
  const tsProps = new Map(checker.getPropertiesOfType(type).map((symbol) => [symbol.getName(), symbol]))
  for (const field of Object.keys(properties)) {
    if (!tsProps.has(field)) drifts.push(`${name}.${field}: in the OpenAPI schema, not in the page's type`)
  }
  for (const [field, symbol] of tsProps) {
    const where = `${name}.${field}`
    const propertySchema = properties[field]
    if (!isObject(propertySchema)) {
      drifts.push(`${where}: in the page's type, not in the OpenAPI schema`)
      continue
    }
    const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0
    if (optional === required.has(field)) {
      drifts.push(`${where}: ${optional ? 'optional' : 'required'} in the page's type, not in the OpenAPI schema`)
    }
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0]
    const propertyType = declaration
      ? checker.getTypeOfSymbolAtLocation(symbol, declaration)
      : checker.getDeclaredTypeOfSymbol(symbol)
    const ts_ = describeType(propertyType)
    const { schema: target, nullable } = resolve(propertySchema)
    if (ts_.nullable !== nullable) {
      drifts.push(`${where}: ${nullable ? 'nullable' : 'never null'} in the OpenAPI schema, not in the page's type`)
    }
    const values = Array.isArray(target.enum) ? (target.enum as unknown[]).filter((v) => v !== null).map(String) : null
    if (values !== null || ts_.literals !== null) {
      const expected = values === null ? null : [...values].sort()
      if (JSON.stringify(expected) !== JSON.stringify(ts_.literals)) {
        drifts.push(
          `${where}: values ${JSON.stringify(expected)} in the OpenAPI schema, ${JSON.stringify(ts_.literals)} in the page's type`
        )
      }
    }
    // Inline objects (and arrays of them) are compared field by field; named ones on their own.
    const inner = ts_.rest.length === 1 ? ts_.rest[0] : undefined
    if (!inner || typeof propertySchema.$ref === 'string') continue
    if (isObject(target.properties)) compare(where, target, inner, drifts)
    const items = isObject(target.items) ? target.items : undefined
    const element = checker.isArrayType(inner) ? checker.getTypeArguments(inner as ts.TypeReference)[0] : undefined
    if (items && element && typeof items.$ref !== 'string') {
      const itemType = describeType(element)
      const itemSchema = resolve(items).schema
      if (isObject(itemSchema.properties) && itemType.rest.length === 1)
        compare(`${where}[]`, itemSchema, itemType.rest[0], drifts)
      const itemValues = Array.isArray(itemSchema.enum) ? itemSchema.enum.map(String).sort() : null
      if (JSON.stringify(itemValues) !== JSON.stringify(itemType.literals)) {
        drifts.push(
          `${where}[]: values ${JSON.stringify(itemValues)} in the OpenAPI schema, ${JSON.stringify(itemType.literals)} in the page's type`
        )
      }
    }
  }
}

void describe('admin page types against the admin API contract', () => {
  const types = exportedTypes()

  void it('restates every schema the page reads or sends', () => {
    const missing = RESTATED.filter((name) => !types.has(name) || !schemas[name])
    assert.deepEqual(missing, [])
  })

  void it('has the same fields, required ones, nullable ones and values as the OpenAPI file', () => {
    const drifts: string[] = []
    for (const name of RESTATED) {
      const type = types.get(name)
      const schema = schemas[name]
      if (type && schema) compare(name, schema, type, drifts)
    }
    assert.deepEqual(drifts, [])
  })

  void it('the statuses an admin may set are the same on the server, in the contract and on the page', () => {
    const contract = ((schemas.SetStatusInput.properties as Record<string, Json>).status.enum as string[])
      .slice()
      .sort()
    assert.deepEqual([...NODE_SETTABLE].sort(), contract)
    assert.deepEqual([...PAGE_SETTABLE].sort(), contract)
  })

  void it('catches a drift (the check itself works)', () => {
    const drifts: string[] = []
    const summary = schemas.ShipmentSummary as { properties: Record<string, Json>; required: string[] }
    const altered = {
      ...summary,
      properties: {
        ...summary.properties,
        orderAdminUrl: { type: 'string', nullable: true },
        extra: { type: 'string' },
      },
    }
    compare('ShipmentSummary', altered, types.get('ShipmentSummary') as ts.Type, drifts)
    assert.deepEqual(drifts.sort(), [
      "ShipmentSummary.extra: in the OpenAPI schema, not in the page's type",
      "ShipmentSummary.orderAdminUrl: nullable in the OpenAPI schema, not in the page's type",
    ])
  })
})
