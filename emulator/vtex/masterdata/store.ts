/**
 * Master Data v2 documents and schemas in SQLite (tables `md_documents`, `md_schemas`).
 * Documents are stored whole, system fields included, so `_fields=_all` is a plain read; saving a schema
 * adds an expression index per `v-indexed` field, on the same json_extract the filters compile to.
 */
import { randomUUID } from 'crypto'
import type { Database, Statement } from 'better-sqlite3'

import { badRequest, MasterDataError } from './errors'
import { buildFilter, buildOrderBy, checkRange, columnFor, project } from './query'
import { idOf, serializeDoc, userFields } from './document'
import type { Doc, ParsedSchema } from './schema'
import { isObject, MAX_SCHEMAS_PER_ENTITY, parseSchema } from './schema'
import { SCHEMA_DDL, statementCache } from './sqlite'
import { ScrollRegistry } from './scroll'
import type { ScrollPage, ScrollQuery } from './scroll'
import type { SqlParam } from './whereSql'

export { accountIdOf } from './document'
export type { Doc, ParsedSchema } from './schema'
export type { ScrollPage, ScrollQuery } from './scroll'

export interface EntityScope {
  account: string
  entity: string
  /** `_schema`: validates writes and restricts filters to its `v-indexed` fields, when the schema exists. */
  schema?: string
}

export interface SearchQuery extends EntityScope {
  where?: string
  /** Simple query-string filters (`?email=a@b.com`), ANDed with `where`. */
  filters?: Record<string, string>
  /** Split `_fields`; `['_all']` for everything; undefined for the defaults (see query.ts `project`). */
  fields?: string[]
  sort?: string
  /** REST-Range `resources=from-to`, `to` exclusive. */
  from: number
  to: number
}

export interface StoreOptions {
  /** Clock for scroll-token expiry; defaults to Date.now (which the emulator's SimClock may drive). */
  now?: () => number
}

export interface WriteResult {
  id: string
  created: boolean
}

interface Row {
  doc: string
  createdIn: string
}

export class MasterDataStore {
  private readonly schemas = new Map<string, ParsedSchema | null>()
  private readonly stmt: (sql: string) => Statement
  private readonly scrolls: ScrollRegistry

  constructor(
    private readonly db: Database,
    options: StoreOptions = {}
  ) {
    db.exec(SCHEMA_DDL)
    this.stmt = statementCache(db)
    this.scrolls = new ScrollRegistry(options.now ?? (() => Date.now()), {
      ids: (scope, filter, orderBy) => this.matchingIds(scope, filter, orderBy),
      docs: (scope, ids) => this.docsByIds(scope, ids),
      schema: (scope) => this.schemaFor(scope),
    })
  }

  // ---- schemas ----

  saveSchema(scope: EntityScope, name: string, body: unknown): void {
    const parsed = parseSchema(name, body)
    const exists = this.stmt('SELECT 1 FROM md_schemas WHERE account = ? AND entity = ? AND name = ?')
    if (!exists.get(scope.account, scope.entity, name) && this.listSchemas(scope).length >= MAX_SCHEMAS_PER_ENTITY) {
      throw badRequest(`A data entity can have at most ${MAX_SCHEMAS_PER_ENTITY} schemas`)
    }
    this.stmt(
      `INSERT INTO md_schemas (account, entity, name, body) VALUES (?, ?, ?, ?)
       ON CONFLICT (account, entity, name) DO UPDATE SET body = excluded.body`
    ).run(scope.account, scope.entity, name, JSON.stringify(body))
    // One index per field path serves every entity (account and entity lead the index).
    for (const field of parsed.indexed) {
      const indexName = `md_ix_${field.replace('.', '__')}`
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName} ON md_documents (account, entity, ${columnFor(field)})`)
    }
    this.schemas.set(this.schemaKey(scope.account, scope.entity, name), parsed)
  }

  getSchema(scope: EntityScope, name: string): Doc | undefined {
    return this.loadSchema(scope.account, scope.entity, name)?.body
  }

  listSchemas(scope: EntityScope): { name: string; schema: Doc }[] {
    const rows = this.stmt('SELECT name, body FROM md_schemas WHERE account = ? AND entity = ? ORDER BY name').all(
      scope.account,
      scope.entity
    ) as { name: string; body: string }[]
    return rows.map((r) => ({ name: r.name, schema: JSON.parse(r.body) as Doc }))
  }

  deleteSchema(scope: EntityScope, name: string): boolean {
    const result = this.stmt('DELETE FROM md_schemas WHERE account = ? AND entity = ? AND name = ?').run(
      scope.account,
      scope.entity,
      name
    )
    this.schemas.delete(this.schemaKey(scope.account, scope.entity, name))
    return result.changes > 0
  }

  // ---- documents ----

  /** POST /documents. An `id` in the body is honoured; an existing document with it is replaced. */
  create(scope: EntityScope, fields: Doc): WriteResult {
    return this.upsertEntire(scope, fields)
  }

  /** PATCH /documents: merges into the document named by `id` in the body, or creates it. */
  upsertPartial(scope: EntityScope, fields: Doc): WriteResult {
    const id = idOf(fields)
    const existing = id === undefined ? undefined : this.row(scope, id)
    const base = existing ? userFields(JSON.parse(existing.doc) as Doc) : {}
    const finalId = id ?? randomUUID()
    this.write(scope, finalId, { ...base, ...userFields(fields) }, existing?.createdIn)
    return { id: finalId, created: !existing }
  }

  /** PUT /documents (the @vtex/api createOrUpdateEntireDocument): replaces or creates by body `id`. */
  upsertEntire(scope: EntityScope, fields: Doc): WriteResult {
    const id = idOf(fields) ?? randomUUID()
    const created = this.replace(scope, id, fields).created
    return { id, created }
  }

  get(scope: EntityScope, id: string, fields?: string[]): Doc | undefined {
    const row = this.row(scope, id)
    return row ? project(JSON.parse(row.doc) as Doc, fields, this.schemaFor(scope)) : undefined
  }

  /** PATCH /documents/{id}; false when the document does not exist. */
  patch(scope: EntityScope, id: string, fields: Doc): boolean {
    const existing = this.row(scope, id)
    if (!existing) return false
    const merged = { ...userFields(JSON.parse(existing.doc) as Doc), ...userFields(fields) }
    this.write(scope, id, merged, existing.createdIn)
    return true
  }

  /** PUT /documents/{id}: "Create document with custom ID or update entire document". */
  replace(scope: EntityScope, id: string, fields: Doc): { created: boolean } {
    const existing = this.row(scope, id)
    this.write(scope, id, userFields(fields), existing?.createdIn)
    return { created: !existing }
  }

  delete(scope: EntityScope, id: string): boolean {
    const sql = 'DELETE FROM md_documents WHERE account = ? AND entity = ? AND id = ?'
    return this.stmt(sql).run(scope.account, scope.entity, id).changes > 0
  }

  // ---- search, scroll, count ----

  search(query: SearchQuery): { docs: Doc[]; total: number } {
    const { from, to } = checkRange(query.from, query.to)
    const schema = this.schemaFor(query)
    const filter = buildFilter(query.where, query.filters, schema)
    const orderBy = buildOrderBy(query.sort, schema)
    const { sql: where, params } = this.scopeFilter(query, filter)
    const total = (this.stmt(`SELECT count(*) AS n FROM md_documents WHERE ${where}`).get(...params) as { n: number }).n
    if (to === from || from >= total) return { docs: [], total }
    // Page over rowids first, so a sort that cannot walk an index moves keys through the sorter, not documents.
    const sql = `SELECT rowid FROM md_documents WHERE ${where} ${orderBy} LIMIT ? OFFSET ?`
    const rowids = this.stmt(sql)
      .pluck()
      .all(...params, to - from, from) as number[]
    const byRowid = 'SELECT rowid AS r, doc FROM md_documents WHERE rowid IN (SELECT value FROM json_each(?))'
    const rows = this.stmt(byRowid).all(JSON.stringify(rowids)) as { r: number; doc: string }[]
    const docs = new Map(rows.map((row) => [row.r, row.doc]))
    return {
      docs: rowids.map((r) => project(JSON.parse(docs.get(r) ?? '{}') as Doc, query.fields, schema)),
      total,
    }
  }

  scroll(query: ScrollQuery): ScrollPage {
    return this.scrolls.next(query)
  }

  count(scope: EntityScope, where?: string): number {
    const { sql, params } = this.scopeFilter(scope, buildFilter(where, undefined, this.schemaFor(scope)))
    return (this.stmt(`SELECT count(*) AS n FROM md_documents WHERE ${sql}`).get(...params) as { n: number }).n
  }

  /**
   * Fast load for benchmarks and fixtures: one transaction, no schema validation. Keeps `id`, `createdIn`
   * and `updatedIn` when the documents carry them (to spread dates), else generates them.
   */
  bulkInsert(scope: EntityScope, docs: Doc[]): number {
    const now = new Date().toISOString()
    const insert = this.upsertStatement()
    const run = this.db.transaction((batch: Doc[]) => {
      for (const fields of batch) {
        if (!isObject(fields)) throw badRequest('Invalid information in JSON: the document must be a JSON object')
        const id = idOf(fields) ?? randomUUID()
        const createdIn = typeof fields.createdIn === 'string' ? fields.createdIn : now
        const updatedIn = typeof fields.updatedIn === 'string' ? fields.updatedIn : createdIn
        const doc = serializeDoc(scope, id, fields, createdIn, updatedIn)
        insert.run(scope.account, scope.entity, id, doc, createdIn, updatedIn)
      }
    })
    run(docs)
    // Fresh planner statistics after a bulk load, as Master Data's own indexes need none: without
    // them SQLite picks a poor index for counts on a freshly loaded 100k-document entity.
    this.db.exec('ANALYZE')
    return docs.length
  }

  // ---- internals ----

  private write(scope: EntityScope, id: string, fields: Doc, createdIn: string | undefined): void {
    const schema = this.schemaFor(scope)
    const error = schema?.validate(fields)
    if (error) throw new MasterDataError(400, error)
    const now = new Date().toISOString()
    const doc = serializeDoc(scope, id, fields, createdIn ?? now, now)
    this.upsertStatement().run(scope.account, scope.entity, id, doc, createdIn ?? now, now)
  }

  private upsertStatement(): Statement {
    return this.stmt(
      `INSERT INTO md_documents (account, entity, id, doc, createdIn, updatedIn) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account, entity, id) DO UPDATE SET doc = excluded.doc, updatedIn = excluded.updatedIn`
    )
  }

  private row(scope: EntityScope, id: string): Row | undefined {
    const sql = 'SELECT doc, createdIn FROM md_documents WHERE account = ? AND entity = ? AND id = ?'
    return this.stmt(sql).get(scope.account, scope.entity, id) as Row | undefined
  }

  private scopeFilter(scope: EntityScope, filter: { sql: string; params: SqlParam[] } | undefined) {
    const sql = `account = ? AND entity = ?${filter ? ` AND ${filter.sql}` : ''}`
    return { sql, params: [scope.account, scope.entity, ...(filter?.params ?? [])] }
  }

  private matchingIds(scope: EntityScope, filter: { sql: string; params: SqlParam[] } | undefined, orderBy: string) {
    const { sql, params } = this.scopeFilter(scope, filter)
    return this.stmt(`SELECT id FROM md_documents WHERE ${sql} ${orderBy}`)
      .pluck()
      .all(...params) as string[]
  }

  private docsByIds(scope: EntityScope, ids: string[]): Map<string, Doc> {
    const sql =
      'SELECT id, doc FROM md_documents WHERE account = ? AND entity = ? AND id IN (SELECT value FROM json_each(?))'
    const rows = this.stmt(sql).all(scope.account, scope.entity, JSON.stringify(ids)) as { id: string; doc: string }[]
    return new Map(rows.map((r) => [r.id, JSON.parse(r.doc) as Doc]))
  }

  private schemaFor(scope: EntityScope): ParsedSchema | undefined {
    return scope.schema ? this.loadSchema(scope.account, scope.entity, scope.schema) : undefined
  }

  private loadSchema(account: string, entity: string, name: string): ParsedSchema | undefined {
    const key = this.schemaKey(account, entity, name)
    if (!this.schemas.has(key)) {
      const sql = 'SELECT body FROM md_schemas WHERE account = ? AND entity = ? AND name = ?'
      const body = this.stmt(sql).pluck().get(account, entity, name) as string | undefined
      this.schemas.set(key, body === undefined ? null : parseSchema(name, JSON.parse(body)))
    }
    return this.schemas.get(key) ?? undefined
  }

  private schemaKey(account: string, entity: string, name: string): string {
    return JSON.stringify([account, entity, name])
  }
}
