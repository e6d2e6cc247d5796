import type { EmuRequest, EmuResponse } from './http'

/**
 * Injected faults: the next `times` requests to `host` (optionally only paths containing
 * `pathIncludes`) get `response` instead of the real answer. Used to script outages, 429s with
 * Retry-After, malformed bodies and expired tokens in tests and demos.
 */
export interface FaultSpec {
  host: string
  pathIncludes?: string
  method?: string
  times: number
  response: EmuResponse
}

export class Faults {
  private faults: FaultSpec[] = []

  add(spec: FaultSpec): void {
    if (!spec.host || !Number.isInteger(spec.times) || spec.times < 1) {
      throw new Error('a fault needs a host and times >= 1')
    }
    this.faults.push({ ...spec })
  }

  clear(): void {
    this.faults = []
  }

  /** Consumes and returns the first matching fault's response, if any. */
  take(req: EmuRequest): EmuResponse | undefined {
    const fault = this.faults.find(
      (f) =>
        f.host === req.host &&
        (f.pathIncludes === undefined || req.path.includes(f.pathIncludes)) &&
        (f.method === undefined || f.method.toUpperCase() === req.method)
    )
    if (!fault) return undefined
    fault.times -= 1
    if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault)
    return fault.response
  }

  pending(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f }))
  }
}
