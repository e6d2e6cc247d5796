import type { EmuRequest, EmuResponse } from './http'

/**
 * Injected faults: the next `times` requests to `host` (optionally only paths containing
 * `pathIncludes`, query strings containing `queryIncludes`, one method) are answered with
 * `response`, answered late (`delayMs`, with `response` or with the real answer), or never
 * answered at all (`hang`). `probability` makes a fault hit only that share of matching requests,
 * for soak tests. Used to script outages, 429s with Retry-After, malformed bodies, expired tokens,
 * slow and hanging upstreams in tests and demos.
 */
export interface FaultSpec {
  host: string
  pathIncludes?: string
  queryIncludes?: string
  method?: string
  times: number
  /** The answer instead of the real one; without it (and with delayMs) the real answer, late. */
  response?: EmuResponse
  /** Real milliseconds to wait before answering. */
  delayMs?: number
  /** Up to this many more milliseconds, drawn at random per request (latency with jitter). */
  jitterMs?: number
  /** Never answer: the connection stays open until the client gives up. */
  hang?: boolean
  /** 0 < p <= 1: the share of matching requests this fault hits (default 1). */
  probability?: number
}

/** What the proxy does with a faulted request. */
export interface FaultAction {
  response?: EmuResponse
  delayMs?: number
  hang?: boolean
}

export class Faults {
  private faults: FaultSpec[] = []
  private hits = 0

  add(spec: FaultSpec): void {
    if (!spec.host || !Number.isInteger(spec.times) || spec.times < 1) {
      throw new Error('a fault needs a host and times >= 1')
    }
    if (!spec.response && spec.delayMs === undefined && !spec.hang) {
      throw new Error('a fault needs a response, a delayMs or hang: true')
    }
    if (spec.delayMs !== undefined && (!Number.isFinite(spec.delayMs) || spec.delayMs < 0)) {
      throw new Error('delayMs must be a positive number of milliseconds')
    }
    if (spec.probability !== undefined && !(spec.probability > 0 && spec.probability <= 1)) {
      throw new Error('probability must be in (0, 1]')
    }
    this.faults.push({ ...spec })
  }

  clear(): void {
    this.faults = []
  }

  /** Consumes and returns the first matching fault's action, if any. */
  take(req: EmuRequest): FaultAction | undefined {
    const query = req.query.toString()
    const fault = this.faults.find(
      (f) =>
        f.host === req.host &&
        (f.pathIncludes === undefined || req.path.includes(f.pathIncludes)) &&
        (f.queryIncludes === undefined ||
          query.includes(f.queryIncludes) ||
          safeDecode(query).includes(f.queryIncludes)) &&
        (f.method === undefined || f.method.toUpperCase() === req.method)
    )
    if (!fault) return undefined
    if (fault.probability !== undefined && Math.random() >= fault.probability) return undefined
    fault.times -= 1
    this.hits += 1
    if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault)
    const delayMs = fault.delayMs === undefined ? undefined : fault.delayMs + Math.random() * (fault.jitterMs ?? 0)
    return { response: fault.response, delayMs, hang: fault.hang }
  }

  pending(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f }))
  }

  /** How many requests faults have hit since start. */
  hitCount(): number {
    return this.hits
  }
}

const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return value
  }
}
