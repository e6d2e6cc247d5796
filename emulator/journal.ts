import type { EmuRequest, EmuResponse } from './http'

/** One request the platform (or a carrier) received, as control endpoints and tests read it. */
export interface JournalEntry {
  seq: number
  at: string
  module: string
  method: string
  host: string
  path: string
  query: string
  status: number
  body: unknown
  /** Header names only for auth headers: secrets are never kept in the journal. */
  headers: Record<string, string>
  /** Real-time ms (performance.now) when the request arrived and when it was answered: overlap checks. */
  receivedAtMs: number
  answeredAtMs: number
}

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'vtexidclientautcookie',
  'cookie',
  'dhl-api-key',
  'api-key',
  'api_key',
  'x-order-tracking-secret',
  'x-me-signature',
  'as-api-key',
  '17token',
])

export class Journal {
  private entries: JournalEntry[] = []
  private seq = 0
  private readonly totals = new Map<string, number>()

  constructor(private readonly limit = 20000) {}

  record(module: string, req: EmuRequest, res: EmuResponse, receivedAtMs = performance.now()): void {
    this.totals.set(module, (this.totals.get(module) ?? 0) + 1)
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue
      headers[name] = SECRET_HEADERS.has(name) ? '<redacted>' : String(value)
    }
    this.entries.push({
      seq: ++this.seq,
      at: new Date().toISOString(),
      module,
      method: req.method,
      host: req.host,
      path: req.path,
      query: req.query.toString(),
      status: res.status,
      body: withoutSecretFields(req.body),
      headers,
      receivedAtMs,
      answeredAtMs: performance.now(),
    })
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit)
  }

  list(filter: { module?: string; method?: string; pathIncludes?: string; sinceSeq?: number } = {}): JournalEntry[] {
    return this.entries.filter(
      (e) =>
        (filter.module === undefined || e.module === filter.module) &&
        (filter.method === undefined || e.method === filter.method) &&
        (filter.pathIncludes === undefined || e.path.includes(filter.pathIncludes)) &&
        (filter.sinceSeq === undefined || e.seq > filter.sinceSeq)
    )
  }

  /** Requests per module since start: never cut by the journal's window (benchmarks count with it). */
  countByModule(): Record<string, number> {
    return Object.fromEntries(this.totals)
  }

  lastSeq(): number {
    return this.seq
  }
}

/** Body fields that carry a credential (USPS sends its client secret in a JSON token request). */
const SECRET_FIELDS = new Set(['client_secret', 'clientSecret', 'password'])

function withoutSecretFields(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, SECRET_FIELDS.has(key) ? '<redacted>' : value])
  )
}
