import http from 'http'
import type { AddressInfo } from 'net'

import type { Faults } from './faults'
import type { EmuModule, EmuRequest, EmuResponse } from './http'
import { json } from './http'
import type { Journal } from './journal'

export interface ProxyServerOptions {
  /** Modules tried in order for forward-proxy requests (absolute-URI requests from the app). */
  modules: EmuModule[]
  faults?: Faults
  journal?: Journal
  /** Handles requests addressed to the emulator itself (control endpoints, gateway, admin page). */
  local?: (req: EmuRequest) => Promise<EmuResponse> | EmuResponse
}

export interface RunningServer {
  url: string
  port: number
  server: http.Server
  close(): Promise<void>
}

const MAX_BODY_BYTES = 20 * 1024 * 1024

/**
 * An HTTP forward proxy that answers instead of forwarding. @vtex/api clients call plain http
 * upstreams (the IO egress proxy upgrades to TLS), so with HTTP_PROXY pointing here every app
 * call arrives as `GET http://host/path` and is dispatched on host + path.
 */
export async function startProxyServer(options: ProxyServerOptions, port = 0): Promise<RunningServer> {
  const server = http.createServer((incoming, outgoing) => {
    void handle(options, incoming, outgoing)
  })
  // Clients (undici) reuse idle sockets until a second before this: long enough to never race the close.
  server.keepAliveTimeout = 5000
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export async function readRequest(incoming: http.IncomingMessage): Promise<EmuRequest> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  const rawBody = Buffer.concat(chunks)
  const rawUrl = incoming.url ?? '/'
  const absolute = /^https?:\/\//i.test(rawUrl)
  const url = new URL(absolute ? rawUrl : `http://${incoming.headers.host ?? 'localhost'}${rawUrl}`)
  return {
    method: (incoming.method ?? 'GET').toUpperCase(),
    host: absolute ? url.hostname : (incoming.headers.host ?? 'localhost').replace(/:\d+$/, ''),
    path: decodePath(url.pathname),
    query: url.searchParams,
    headers: incoming.headers,
    rawBody,
    body: parseBody(rawBody, incoming.headers['content-type']),
  }
}

async function handle(
  options: ProxyServerOptions,
  incoming: http.IncomingMessage,
  outgoing: http.ServerResponse
): Promise<void> {
  let req: EmuRequest | undefined
  try {
    req = await readRequest(incoming)
    const receivedAtMs = performance.now()
    const isProxied = /^https?:\/\//i.test(incoming.url ?? '')
    const { response, module } = isProxied ? await dispatch(options, req, incoming) : await dispatchLocal(options, req)
    if (response === HUNG) return
    if (isProxied) options.journal?.record(module, req, response, receivedAtMs)
    if (!outgoing.destroyed) send(outgoing, response)
  } catch (error) {
    send(outgoing, json(500, { error: 'emulator failure', message: (error as Error).message }))
  }
}

/** A hanging fault: nothing is ever sent; the socket closes when the client gives up. */
const HUNG: EmuResponse = { status: 0 }

async function dispatch(
  options: ProxyServerOptions,
  req: EmuRequest,
  incoming: http.IncomingMessage
): Promise<{ response: EmuResponse; module: string }> {
  const fault = options.faults?.take(req)
  if (fault?.hang) {
    await new Promise<void>((resolve) => incoming.socket.once('close', () => resolve()))
    return { response: HUNG, module: 'fault' }
  }
  if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
  if (fault?.response) return { response: fault.response, module: 'fault' }
  for (const module of options.modules) {
    const response = await module.handle(req)
    if (response) return { response, module: module.name }
  }
  return {
    response: json(404, { error: `emulator: nothing answers ${req.method} http://${req.host}${req.path}` }),
    module: 'none',
  }
}

async function dispatchLocal(
  options: ProxyServerOptions,
  req: EmuRequest
): Promise<{ response: EmuResponse; module: string }> {
  if (!options.local) return { response: json(404, { error: 'not found' }), module: 'local' }
  return { response: await options.local(req), module: 'local' }
}

export function send(outgoing: http.ServerResponse, response: EmuResponse): void {
  const headers = { ...(response.headers ?? {}) }
  let payload: Buffer | string | undefined
  if (response.body === undefined || response.body === null) payload = undefined
  else if (Buffer.isBuffer(response.body) || typeof response.body === 'string') payload = response.body
  else {
    payload = JSON.stringify(response.body)
    headers['content-type'] ??= 'application/json; charset=utf-8'
  }
  outgoing.writeHead(response.status, headers)
  outgoing.end(payload)
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined
  const text = raw.toString('utf8')
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text))
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}
