import { createHash } from 'crypto'
import type { Database } from 'better-sqlite3'

import type { EmuModule, EmuRequest, EmuResponse } from '../http'
import { header, json, noContent } from '../http'

/**
 * The IO infra services the app uses: apps (settings), vbase (JSON files with ETags and
 * If-Match), and courier (the app firing its own events). Paths as @vtex/api calls them with
 * VTEX_IO=true: http://infra.io.vtex.com/{service}/v{n}/{account}/{workspace}/...
 */
export interface InfraDeps {
  db: Database
  /** Called when the app fires an event through courier; delivered asynchronously. */
  onAppEvent: (account: string, workspace: string, route: string, body: unknown, sender: string) => void
}

export function createInfraModule(deps: InfraDeps): EmuModule & InfraState {
  deps.db.exec(`
    CREATE TABLE IF NOT EXISTS infra_settings (account TEXT, workspace TEXT, app TEXT, body TEXT, PRIMARY KEY (account, workspace, app));
    CREATE TABLE IF NOT EXISTS infra_vbase (account TEXT, workspace TEXT, bucket TEXT, path TEXT, body TEXT, etag TEXT,
      PRIMARY KEY (account, workspace, bucket, path));
  `)
  const state = infraState(deps.db)
  return {
    name: 'infra',
    ...state,
    handle(req) {
      if (req.host !== 'infra.io.vtex.com') return undefined
      if (!header(req, 'authorization')) return json(401, { code: 'Unauthorized', message: 'missing app token' })
      const parts = req.path.split('/').filter(Boolean)
      const [service, , account, workspace, ...rest] = parts
      if (!account || !workspace) return undefined
      if (service === 'apps') return settingsRoute(state, req, account, workspace, rest)
      if (service === 'vbase') return vbaseRoute(state, req, account, workspace, rest)
      if (service === 'courier' && rest[0] === 'events' && rest[1] && req.method === 'PUT') {
        deps.onAppEvent(account, workspace, rest[1], req.body, senderOf(req))
        return noContent()
      }
      return undefined
    },
  }
}

export interface InfraState {
  getSettings(account: string, workspace: string, app: string): unknown
  saveSettings(account: string, workspace: string, app: string, settings: unknown): void
  readFile(
    account: string,
    workspace: string,
    bucket: string,
    path: string
  ): { body: unknown; etag: string } | undefined
  writeFile(account: string, workspace: string, bucket: string, path: string, body: string, etag: string): void
  deleteFile(account: string, workspace: string, bucket: string, path: string): void
}

function infraState(db: Database): InfraState {
  const getSettingsStmt = db.prepare('SELECT body FROM infra_settings WHERE account=? AND workspace=? AND app=?')
  const saveSettingsStmt = db.prepare('INSERT OR REPLACE INTO infra_settings VALUES (?, ?, ?, ?)')
  const readStmt = db.prepare(
    'SELECT body, etag FROM infra_vbase WHERE account=? AND workspace=? AND bucket=? AND path=?'
  )
  const writeStmt = db.prepare('INSERT OR REPLACE INTO infra_vbase VALUES (?, ?, ?, ?, ?, ?)')
  const deleteStmt = db.prepare('DELETE FROM infra_vbase WHERE account=? AND workspace=? AND bucket=? AND path=?')
  return {
    writeFile: (account, workspace, bucket, path, body, etag) => {
      writeStmt.run(account, workspace, bucket, path, body, etag)
    },
    deleteFile: (account, workspace, bucket, path) => {
      deleteStmt.run(account, workspace, bucket, path)
    },
    getSettings: (account, workspace, app) => {
      const row = getSettingsStmt.get(account, workspace, appName(app)) as { body: string } | undefined
      return row ? (JSON.parse(row.body) as unknown) : {}
    },
    saveSettings: (account, workspace, app, settings) => {
      saveSettingsStmt.run(account, workspace, appName(app), JSON.stringify(settings))
    },
    readFile: (account, workspace, bucket, path) => {
      const row = readStmt.get(account, workspace, bucket, path) as { body: string; etag: string } | undefined
      return row ? { body: JSON.parse(row.body) as unknown, etag: row.etag } : undefined
    },
  }
}

/** Settings are per app name and major, whatever version string the client sends. */
const appName = (appId: string): string => appId.replace(/@.*$/, '')

function settingsRoute(state: InfraState, req: EmuRequest, account: string, workspace: string, rest: string[]) {
  // apps/v0/{account}/{workspace}/apps/{appId}/settings
  if (rest[0] !== 'apps' || rest[2] !== 'settings' || !rest[1]) return undefined
  if (req.method === 'GET') return json(200, state.getSettings(account, workspace, rest[1]))
  if (req.method === 'PUT') {
    state.saveSettings(account, workspace, rest[1], req.body ?? {})
    return json(200, req.body ?? {})
  }
  return json(405, { message: 'method not allowed' })
}

function vbaseRoute(
  state: InfraState,
  req: EmuRequest,
  account: string,
  workspace: string,
  rest: string[]
): EmuResponse | undefined {
  // vbase/v2/{account}/{workspace}/buckets/{vendor.app}/{bucket}/files/{path...}
  if (rest[0] !== 'buckets' || rest[3] !== 'files') return undefined
  const bucket = `${rest[1]}/${rest[2]}`
  const path = rest.slice(4).join('/')
  const current = state.readFile(account, workspace, bucket, path)
  const ifMatch = header(req, 'if-match')

  if (req.method === 'GET' || req.method === 'HEAD') {
    if (!current) return json(404, { code: 'FileNotFound', message: `file ${path} not found` })
    return json(200, current.body, { etag: current.etag })
  }
  if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== current?.etag) {
    return json(412, { code: 'PreconditionFailed', message: 'the file changed since it was read (ETag mismatch)' })
  }
  if (req.method === 'PUT') {
    const body = JSON.stringify(req.body ?? null)
    const etag = `"${createHash('sha1').update(`${body}${Date.now()}${Math.random()}`).digest('hex')}"`
    state.writeFile(account, workspace, bucket, path, body, etag)
    return json(200, { etag }, { etag })
  }
  if (req.method === 'DELETE') {
    state.deleteFile(account, workspace, bucket, path)
    return noContent()
  }
  return json(405, { message: 'method not allowed' })
}

const senderOf = (req: EmuRequest): string => {
  const agent = header(req, 'user-agent') ?? ''
  return /^([a-z0-9-]+\.[a-z0-9-]+)@/i.exec(agent)?.[1] ?? 'unknown.app'
}
