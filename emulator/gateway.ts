import http from 'http'

interface ServiceJson {
  /** Seconds the IO router waits for a route's answer before it gives up with 504. */
  timeout?: number
  routes?: Record<string, { path: string; public?: boolean }>
  events?: Record<
    string,
    { sender: string; topics?: string[]; keys?: string[]; rateLimitPerReplica?: { concurrent?: number } }
  >
}

export interface GatewayOptions {
  serviceJson: ServiceJson
  account: string
  workspace: string
  /** The app token the platform hands the app (x-vtex-credential). */
  appToken: string
  /** The app's replicas: one URL, or several (requests and event deliveries are spread over them). */
  workerUrl: () => string | readonly string[]
}

export interface GatewayResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export interface EventDelivery {
  seq: number
  at: string
  sender: string
  topic: string
  handler: string
  status: number
  attempts: number
  body: unknown
  /** Real milliseconds the handler took on its last attempt (the IO router's view of the request). */
  durationMs: number
}

/**
 * Plays the parts of the IO router the app depends on: public routes get x-colossus-route-id and
 * x-colossus-params; events are fanned out from sender + topic to handler ids, as the platform
 * does, and redelivered on a non-2xx answer (at-least-once).
 */
export class AppGateway {
  private readonly routes: Array<{ id: string; regexp: RegExp; keys: string[] }>
  private readonly deliveries: EventDelivery[] = []
  private readonly slots = new Slots()
  private seq = 0

  constructor(private readonly options: GatewayOptions) {
    this.routes = Object.entries(options.serviceJson.routes ?? {}).map(([id, route]) => ({
      id,
      ...compileRoutePath(route.path),
    }))
  }

  matchRoute(path: string): { id: string; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      const match = route.regexp.exec(path)
      if (!match) continue
      const params: Record<string, string> = {}
      route.keys.forEach((key, index) => {
        if (match[index + 1] !== undefined) params[key] = decodeURIComponent(match[index + 1])
      })
      return { id: route.id, params }
    }
    return undefined
  }

  async callPublicRoute(
    method: string,
    pathWithQuery: string,
    headers: http.IncomingHttpHeaders,
    body?: Buffer
  ): Promise<GatewayResponse | undefined> {
    const path = pathWithQuery.split('?')[0]
    const route = this.matchRoute(path)
    if (!route) return undefined
    return this.withRouteTimeout(
      this.send(
        method,
        pathWithQuery,
        {
          // What a browser or client sent, as the IO router passes it on (fetch metadata and custom headers too).
          ...pick(headers, [
            'content-type',
            'authorization',
            'cookie',
            'accept',
            'vtexidclientautcookie',
            'origin',
            'referer',
            'sec-fetch-site',
            'sec-fetch-mode',
            'x-order-tracking-admin',
            // Carrier webhook signatures (AfterShip, 17TRACK): the router passes custom headers on.
            'aftership-hmac-sha256',
            'x-me-signature',
            'x-order-tracking-secret',
            'sign',
          ]),
          ...this.platformHeaders(),
          'x-colossus-route-id': route.id,
          'x-colossus-params': new URLSearchParams(route.params).toString(),
          // The host the request came to, as the router forwards it; the account's own host otherwise.
          'x-forwarded-host': headers.host ?? `${this.options.workspace}--${this.options.account}.myvtex.com`,
        },
        body
      )
    )
  }

  /**
   * The router stops waiting after service.json's `timeout` (real seconds, not the simulated
   * clock) and answers 504, whatever the worker does afterwards.
   */
  private async withRouteTimeout(pending: Promise<GatewayResponse>): Promise<GatewayResponse> {
    const seconds = this.options.serviceJson.timeout ?? DEFAULT_ROUTE_TIMEOUT_S
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<GatewayResponse>((resolve) => {
      timer = setTimeout(() => {
        const body = Buffer.from(JSON.stringify({ error: `route timed out after ${seconds}s (service.json timeout)` }))
        resolve({ status: 504, headers: { 'content-type': 'application/json' }, body })
      }, seconds * 1000)
    })
    pending.catch(() => undefined)
    try {
      return await Promise.race([pending, timedOut])
    } finally {
      clearTimeout(timer)
    }
  }

  /** Delivers one platform event to every handler subscribed to sender + topic. */
  async deliverEvent(sender: string, topic: string, body: unknown, maxAttempts = 4): Promise<EventDelivery[]> {
    const handlers = Object.entries(this.options.serviceJson.events ?? {}).filter(
      ([, e]) => e.sender === sender && ((e.topics ?? []).includes(topic) || (e.keys ?? []).includes(topic))
    )
    return Promise.all(handlers.map(([handler]) => this.deliverTo(handler, sender, topic, body, maxAttempts)))
  }

  eventLog(): EventDelivery[] {
    return [...this.deliveries]
  }

  private async deliverTo(
    handler: string,
    sender: string,
    topic: string,
    body: unknown,
    maxAttempts: number
  ): Promise<EventDelivery> {
    const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
    const limit = this.options.serviceJson.events?.[handler]?.rateLimitPerReplica?.concurrent
    let status = 0
    let attempts = 0
    let attemptStarted = performance.now()
    let durationMs = 0
    while (attempts < maxAttempts) {
      attempts += 1
      // Like IO: each attempt goes to some replica, and waits while that replica already runs
      // `rateLimitPerReplica.concurrent` deliveries of this handler.
      const replica = this.nextReplica()
      const release = await this.slots.acquire(`${handler}#${replica}`, limit ?? Number.POSITIVE_INFINITY)
      attemptStarted = performance.now()
      try {
        const response = await this.send(
          'POST',
          `/${this.options.account}/${this.options.workspace}/_events`,
          {
            ...this.platformHeaders(),
            'content-type': 'application/json',
            'x-event-handler-id': handler,
            'x-event-sender': sender,
            'x-event-key': topic,
            'x-event-subject': '',
          },
          payload,
          replica
        )
        status = response.status
      } catch {
        status = 0
      } finally {
        durationMs = performance.now() - attemptStarted
        release()
      }
      if (status >= 200 && status < 300) break
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempts))
    }
    const delivery = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      sender,
      topic,
      handler,
      status,
      attempts,
      body,
      durationMs: Math.round(durationMs),
    }
    this.deliveries.push(delivery)
    return delivery
  }

  private platformHeaders(): Record<string, string> {
    return {
      'x-vtex-account': this.options.account,
      'x-vtex-workspace': this.options.workspace,
      'x-vtex-credential': this.options.appToken,
      'x-vtex-workspace-is-production': 'true',
      // Not an IO header: the simulated now, for an app running in its own process (runtimeChild.ts).
      'x-emulator-now': String(Date.now()),
      'x-request-id': `emu-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    }
  }

  private replicaCursor = 0

  private replicaUrls(): readonly string[] {
    const urls = this.options.workerUrl()
    return typeof urls === 'string' ? [urls] : urls
  }

  /** Round robin over the replicas, as the IO router spreads requests and events. */
  private nextReplica(): number {
    this.replicaCursor = (this.replicaCursor + 1) % Math.max(1, this.replicaUrls().length)
    return this.replicaCursor
  }

  private send(
    method: string,
    path: string,
    headers: http.OutgoingHttpHeaders,
    body?: Buffer,
    replica = this.nextReplica()
  ): Promise<GatewayResponse> {
    const urls = this.replicaUrls()
    const url = new URL(path, urls[replica % urls.length])
    return new Promise((resolve, reject) => {
      // No keep-alive: a socket the worker closes while idle would reset the next request on it.
      const request = http.request(
        url,
        { method, agent: false, headers: { ...headers, host: url.host } },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })
          )
          response.on('error', reject)
        }
      )
      request.on('error', reject)
      request.end(body)
    })
  }
}

/** IO's default when service.json sets none. */
const DEFAULT_ROUTE_TIMEOUT_S = 10

const pick = (headers: http.IncomingHttpHeaders, names: string[]): Record<string, string> => {
  const picked: Record<string, string> = {}
  for (const name of names) {
    const value = headers[name]
    if (typeof value === 'string') picked[name] = value
  }
  return picked
}

/** service.json paths: `:name` is one segment, `*name` the rest of the path (IO's two forms). */
export function compileRoutePath(path: string): { regexp: RegExp; keys: string[] } {
  const keys: string[] = []
  const pattern = path
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        keys.push(segment.slice(1))
        return '([^/]+)'
      }
      if (segment.startsWith('*')) {
        keys.push(segment.slice(1) || 'rest')
        return '(.*)'
      }
      return segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  return { regexp: new RegExp(`^${pattern}/?$`), keys }
}

/** Counting semaphores by key: at most `limit` holders per key, the rest wait in order. */
class Slots {
  private readonly state = new Map<string, { active: number; waiting: Array<() => void> }>()

  async acquire(key: string, limit: number): Promise<() => void> {
    const slot = this.state.get(key) ?? { active: 0, waiting: [] }
    this.state.set(key, slot)
    if (slot.active >= limit) await new Promise<void>((resolve) => slot.waiting.push(resolve))
    slot.active += 1
    return () => {
      slot.active -= 1
      slot.waiting.shift()?.()
    }
  }
}
