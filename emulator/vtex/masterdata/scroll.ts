/**
 * Scroll sessions (`GET /scroll`): the first call fixes the query and snapshots the matching ids in order
 * (like an Elasticsearch scroll context); later calls send only `_token` and walk the snapshot.
 * Sessions live in memory: a restarted emulator forgets them, as an expired token would be.
 */
import { randomBytes } from 'crypto'

import { badRequest } from './errors'
import { buildFilter, buildOrderBy, project } from './query'
import type { Doc, ParsedSchema } from './schema'
import type { SqlFragment } from './whereSql'

/** "The token expires after 20 minutes of inactivity" (spec, X-VTEX-MD-TOKEN). */
export const SCROLL_TTL_MS = 20 * 60 * 1000
export const DEFAULT_SCROLL_SIZE = 100
/** "Maximum value of `1000`" (spec, _size). */
export const MAX_SCROLL_SIZE = 1000

export interface ScrollQuery {
  account: string
  entity: string
  schema?: string
  /** Set on every call after the first; the other query fields are then ignored. */
  token?: string
  size?: number
  where?: string
  filters?: Record<string, string>
  fields?: string[]
  sort?: string
}

export interface ScrollPage {
  docs: Doc[]
  /** Sent back as X-VTEX-MD-TOKEN on every page. */
  token: string
  /** REST-Content-Total: documents matching the query when the scroll started. */
  total: number
}

interface Scope {
  account: string
  entity: string
  schema?: string
}

export interface ScrollBackend {
  ids(scope: Scope, filter: SqlFragment | undefined, orderBy: string): string[]
  docs(scope: Scope, ids: string[]): Map<string, Doc>
  schema(scope: Scope): ParsedSchema | undefined
}

interface Session {
  scope: Scope
  ids: string[]
  position: number
  size: number
  fields?: string[]
  lastUsed: number
}

export class ScrollRegistry {
  private readonly sessions = new Map<string, Session>()

  constructor(
    private readonly now: () => number,
    private readonly backend: ScrollBackend
  ) {}

  next(query: ScrollQuery): ScrollPage {
    this.expire()
    const { token, session } = query.token ? this.resume(query) : this.start(query)
    session.lastUsed = this.now()
    const schema = this.backend.schema(session.scope)
    // Documents deleted since the snapshot are skipped; keep reading so a page is empty only at the end.
    const docs: Doc[] = []
    while (docs.length === 0 && session.position < session.ids.length) {
      const ids = session.ids.slice(session.position, session.position + session.size)
      session.position += ids.length
      const found = this.backend.docs(session.scope, ids)
      for (const id of ids) {
        const doc = found.get(id)
        if (doc) docs.push(project(doc, session.fields, schema))
      }
    }
    return { docs, token, total: session.ids.length }
  }

  private start(query: ScrollQuery): { token: string; session: Session } {
    const size = query.size ?? DEFAULT_SCROLL_SIZE
    if (!Number.isInteger(size) || size < 1 || size > MAX_SCROLL_SIZE) {
      throw badRequest(`_size must be an integer from 1 to ${MAX_SCROLL_SIZE} (got ${size})`)
    }
    const scope: Scope = { account: query.account, entity: query.entity, schema: query.schema }
    const schema = this.backend.schema(scope)
    const filter = buildFilter(query.where, query.filters, schema)
    const ids = this.backend.ids(scope, filter, buildOrderBy(query.sort, schema))
    const session: Session = { scope, ids, position: 0, size, fields: query.fields, lastUsed: this.now() }
    const token = randomBytes(16).toString('hex')
    this.sessions.set(token, session)
    return { token, session }
  }

  private resume(query: ScrollQuery): { token: string; session: Session } {
    const token = query.token ?? ''
    const session = this.sessions.get(token)
    if (!session || session.scope.account !== query.account || session.scope.entity !== query.entity) {
      throw badRequest(`Operation not found for this token: '${token}'`)
    }
    return { token, session }
  }

  private expire(): void {
    const now = this.now()
    for (const [token, session] of this.sessions) {
      if (now - session.lastUsed > SCROLL_TTL_MS) this.sessions.delete(token)
    }
  }
}
