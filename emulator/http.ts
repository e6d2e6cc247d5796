import type { IncomingHttpHeaders } from 'http'

/**
 * One request as the emulator sees it. The app reaches the emulator as an HTTP forward proxy
 * (HTTP_PROXY), so `host` is the upstream the app meant to call (portal.vtexcommercestable.com.br,
 * api.vtex.com, infra.io.vtex.com, api.correios.com.br, ...), not the emulator's own address.
 */
export interface EmuRequest {
  method: string
  host: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  rawBody: Buffer
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown
}

export interface EmuResponse {
  status: number
  headers?: Record<string, string>
  /** Objects and arrays are sent as JSON; strings and Buffers as they are. */
  body?: unknown
}

/** A part of the emulator that answers some requests (a VTEX API subset, a carrier, ...). */
export interface EmuModule {
  name: string
  /** Returns undefined when the request is not for this module, so the next one can try. */
  handle(req: EmuRequest): Promise<EmuResponse | undefined> | EmuResponse | undefined
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): EmuResponse => ({
  status,
  body,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
})

export const noContent = (): EmuResponse => ({ status: 204 })

/** Reads the account the way VTEX routes it: `?an=` on shared hosts, or `{account}.vtexcommercestable.com.br`. */
export function accountOf(req: EmuRequest): string | undefined {
  const an = req.query.get('an')
  if (an) return an
  const match = /^([a-z0-9-]+)\.vtexcommercestable\.com\.br$/.exec(req.host)
  return match?.[1]
}

export const header = (req: EmuRequest, name: string): string | undefined => {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}
