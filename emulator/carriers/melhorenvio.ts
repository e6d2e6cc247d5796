import { randomUUID } from 'crypto'

import type { EmuRequest, EmuResponse } from '../http'
import { header, json } from '../http'
import type { RelativeEvent, ScriptedEvent, ScriptedShipment } from './timelines'
import type { CarrierSimulator, SimulatorDeps } from './types'
import { SIMULATOR_CREDENTIALS } from './types'
import { localParts } from './ups'

/**
 * Plays Melhor Envio API v2 for the app (shared/contracts/carriers/melhor-envio/CONTRACT.md):
 * `POST /api/v2/me/shipment/tracking` with `{"orders": [ids]}` answering an object keyed by order id
 * (`status` plus the life-cycle timestamps "YYYY-MM-DD HH:mm:ss" in São Paulo time, no offset), and
 * `GET /api/v2/me/orders/search?q=` to find an order by its carrier code or protocol. Requires
 * `Authorization: Bearer` and a `User-Agent` with a contact e-mail, as Melhor Envio does.
 *
 * Error bodies follow Laravel, which Melhor Envio runs on (not documented): 401
 * `{"message":"Unauthenticated."}`, 422 `{"message", "errors": {field: [..]}}`, and 429
 * `{"message":"Too Many Attempts."}` with Retry-After and X-RateLimit-* headers once the per-minute
 * quota is used (250 per user by Melhor Envio's FAQ; settable for tests).
 *
 * Like Melhor Envio, the tracking route is cached for an hour per order: asking again within the
 * hour answers what the first call saw (`setCacheMs(0)` turns that off).
 *
 * Scripted event codes are Melhor Envio statuses (`generated`, `posted`, `delivered`, ...); each
 * sets the order's `status` and its `<status>_at` timestamp when it has one.
 */
const HOSTS = new Set(['melhorenvio.com.br', 'sandbox.melhorenvio.com.br'])
const TRACKING = '/api/v2/me/shipment/tracking'
const SEARCH = '/api/v2/me/orders/search'
const ZONE = 'America/Sao_Paulo'
export const MELHOR_ENVIO_SIMULATOR_QUOTA = 250

export interface MelhorEnvioSimulator extends CarrierSimulator {
  setQuotaPerMinute(calls: number | undefined): void
  /** How long a tracking answer per order is served from the cache (Melhor Envio: one hour). */
  setCacheMs(ms: number): void
  /** The order id the simulator gave a scripted code (tests). */
  orderIdOf(trackingCode: string): string
}

export function createMelhorEnvioSimulator(deps: SimulatorDeps): MelhorEnvioSimulator {
  let quota: number | undefined = MELHOR_ENVIO_SIMULATOR_QUOTA
  const used = new Map<string, number>()
  const ids = new Map<string, string>()
  let cacheMs = 3600_000
  const cache = new Map<string, { at: number; order: Record<string, string | null> | undefined }>()

  const orderIdOf = (code: string): string => {
    const key = code.trim().toUpperCase()
    let id = ids.get(key)
    if (!id) {
      id = randomUUID()
      ids.set(key, id)
    }
    return id
  }
  const shipmentOfId = (id: string): ScriptedShipment | undefined =>
    deps.timelines.list().find((s) => s.carrier === 'melhorenvio' && orderIdOf(s.trackingNumber) === id)

  function guard(req: EmuRequest): EmuResponse | undefined {
    if (header(req, 'authorization') !== `Bearer ${SIMULATOR_CREDENTIALS.melhorenvio.token}`) {
      return json(401, { message: 'Unauthenticated.' })
    }
    if (!/\([^()\s]+@[^()\s]+\)/.test(header(req, 'user-agent') ?? '')) {
      return json(400, { message: 'User-Agent must name the application and a contact e-mail.' })
    }
    if (quota === undefined) return undefined
    const minute = Math.floor(deps.now() / 60_000)
    const count = (used.get(String(minute)) ?? 0) + 1
    used.set(String(minute), count)
    const retry = Math.max(1, Math.ceil(((minute + 1) * 60_000 - deps.now()) / 1000))
    if (count > quota) {
      return json(
        429,
        { message: 'Too Many Attempts.' },
        { 'retry-after': String(retry), 'x-ratelimit-limit': String(quota), 'x-ratelimit-remaining': '0' }
      )
    }
    return undefined
  }

  function tracking(req: EmuRequest): EmuResponse {
    if (req.method !== 'POST') return json(405, { message: 'The GET method is not supported for this route.' })
    const refused = guard(req)
    if (refused) return refused
    const orders = (req.body as { orders?: unknown } | undefined)?.orders
    if (!Array.isArray(orders) || orders.length === 0 || orders.some((o) => typeof o !== 'string')) {
      return json(422, {
        message: 'The given data was invalid.',
        errors: { orders: ['The orders field is required.'] },
      })
    }
    const answer: Record<string, unknown> = {}
    for (const id of orders as string[]) {
      const cached = cache.get(id)
      if (cached && deps.now() - cached.at < cacheMs) {
        if (cached.order) answer[id] = cached.order
        continue
      }
      const shipment = shipmentOfId(id)
      const events = shipment ? deps.timelines.visibleEvents('melhorenvio', shipment.trackingNumber, deps.now()) : []
      const order = shipment && events.length > 0 ? renderOrder(id, shipment, events) : undefined
      cache.set(id, { at: deps.now(), order })
      if (order) answer[id] = order
    }
    return json(200, Object.keys(answer).length === 0 ? [] : answer)
  }

  function search(req: EmuRequest): EmuResponse {
    if (req.method !== 'GET') return json(405, { message: 'Method not allowed.' })
    const refused = guard(req)
    if (refused) return refused
    const q = (req.query.get('q') ?? '').trim()
    if (!q) return json(422, { message: 'The given data was invalid.', errors: { q: ['The q field is required.'] } })
    const shipment = deps.timelines.get('melhorenvio', q)
    const visible = shipment ? deps.timelines.visibleEvents('melhorenvio', q, deps.now()) : []
    if (!shipment || visible.length === 0) return json(200, [])
    const id = orderIdOf(shipment.trackingNumber)
    const order = renderOrder(id, shipment, visible)
    return json(200, [{ id, protocol: order.protocol, status: order.status, tracking: order.tracking }])
  }

  return {
    name: 'melhorenvio',
    stories: MELHOR_ENVIO_STORIES,
    orderIdOf,
    setQuotaPerMinute: (calls) => {
      quota = calls
      used.clear()
    },
    setCacheMs: (ms) => {
      cacheMs = ms
      cache.clear()
    },
    handle(req) {
      if (!HOSTS.has(req.host)) return undefined
      if (req.path === TRACKING) return tracking(req)
      if (req.path === SEARCH) return search(req)
      return json(404, { message: 'Not Found' })
    },
  }
}

/** "2026-03-10 17:40:00": São Paulo wall time, no offset, as Melhor Envio writes it. */
function localText(at: number): string {
  const p = localParts(at, ZONE)
  return `${p.date.slice(0, 4)}-${p.date.slice(4, 6)}-${p.date.slice(6, 8)} ${p.time.slice(0, 2)}:${p.time.slice(2, 4)}:${p.time.slice(4, 6)}`
}

const STAMPED: Record<string, string> = {
  pending: 'created_at',
  paid: 'paid_at',
  generated: 'generated_at',
  posted: 'posted_at',
  delivered: 'delivered_at',
  canceled: 'canceled_at',
  expired: 'expired_at',
}

function renderOrder(
  id: string,
  shipment: ScriptedShipment,
  newestFirst: readonly ScriptedEvent[]
): Record<string, string | null> {
  const order: Record<string, string | null> = {
    id,
    protocol: `ORD-${id.slice(0, 12).replace(/-/g, '').toUpperCase()}`,
    status: newestFirst[0].code,
    tracking: shipment.trackingNumber,
    melhorenvio_tracking: `ME${id.slice(0, 8).toUpperCase()}`,
  }
  for (const field of Object.values(STAMPED)) order[field] = null
  for (const event of [...newestFirst].reverse()) {
    const field = STAMPED[event.code]
    if (field) order[field] = localText(event.at)
  }
  return order
}

const at = (afterHours: number, code: string): RelativeEvent => ({ afterHours, code, country: 'BR' })

/** A label's life at Melhor Envio: it reports no carrier scans, only these steps. */
export const MELHOR_ENVIO_STORIES: Record<string, readonly RelativeEvent[]> = {
  delivered: [at(0, 'pending'), at(0.2, 'paid'), at(0.5, 'generated'), at(8, 'posted'), at(60, 'delivered')],
  undelivered: [at(0, 'pending'), at(0.2, 'paid'), at(0.5, 'generated'), at(8, 'posted'), at(70, 'undelivered')],
  canceled: [at(0, 'pending'), at(0.2, 'paid'), at(3, 'canceled')],
  stuck: [at(0, 'pending'), at(0.2, 'paid'), at(0.5, 'generated'), at(8, 'posted')],
  label_only: [at(0, 'pending'), at(0.2, 'paid'), at(0.5, 'generated')],
}
