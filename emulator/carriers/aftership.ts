import { createHmac, randomBytes, randomUUID } from 'crypto'

import type { EmuRequest, EmuResponse } from '../http'
import { header, json } from '../http'
import type { RelativeEvent, ScriptedEvent } from './timelines'
import { brazilianScan } from './timelines'
import type { CarrierSimulator, SimulatorDeps } from './types'
import { SIMULATOR_CREDENTIALS } from './types'
import { localParts } from './ups'

/**
 * Plays the AfterShip Tracking API (dated version 2025-01, shared/contracts/carriers/aftership):
 * `as-api-key` auth, POST /trackings (201, or 400 meta 4003 when the number is already tracked),
 * GET /trackings?tracking_numbers= (at most 50, only registered numbers listed), DELETE
 * /trackings/{id}, the `{meta, data}` envelope with meta.type on errors, X-RateLimit-* headers on
 * every answer and 429 past the per-second limit (10 by default). A 502 answers plain text, as the
 * real one did. Checkpoint times are local with the place's offset (GET form); a story's `code` is
 * the AfterShip subtag ("InTransit_002"). `webhook()` builds a signed push the way AfterShip sends it.
 */
const HOST = 'api.aftership.com'
const BASE = '/tracking/2025-01/trackings'
const MAX_LIST = 50

interface Registered {
  id: string
  slug: string
  createdAt: number
  deleted: boolean
}

export interface AftershipSimulator extends CarrierSimulator {
  /** Requests per second per key before 429 (AfterShip documents 10). */
  setRateLimit(perSecond: number): void
  /** The next `times` calls answer 502 with AfterShip's plain-text body. */
  failNext(times: number): void
  /** A signed webhook delivery for a registered number, as AfterShip POSTs it. */
  webhook(trackingNumber: string, secret: string, eventId?: string): { body: string; headers: Record<string, string> }
  registered(trackingNumber: string): { id: string; slug: string; deleted: boolean } | undefined
}

export function createAftershipSimulator(deps: SimulatorDeps): AftershipSimulator {
  const registered = new Map<string, Registered>()
  let perSecond = 10
  let failures = 0
  const windows = new Map<string, { second: number; count: number }>()

  function rateHeaders(key: string): Record<string, string> {
    const second = Math.floor(deps.now() / 1000)
    const used = windows.get(key)?.second === second ? (windows.get(key)?.count ?? 0) : 0
    return {
      'x-ratelimit-limit': String(perSecond),
      'x-ratelimit-remaining': String(Math.max(0, perSecond - used)),
      'x-ratelimit-reset': String(second + 1),
    }
  }

  const envelope = (status: number, key: string, meta: Record<string, unknown>, data?: unknown): EmuResponse =>
    json(status, { meta: { code: status, ...meta }, data: data ?? {} }, rateHeaders(key))

  function handle(req: EmuRequest): EmuResponse {
    const key = header(req, 'as-api-key') ?? ''
    if (failures > 0) {
      failures -= 1
      return { status: 502, headers: { 'content-type': 'text/plain' }, body: 'Interal Error' }
    }
    if (key !== SIMULATOR_CREDENTIALS.aftership.apiKey) {
      return envelope(401, key, { type: 'Unauthorized', message: 'Invalid API key.' })
    }
    const second = Math.floor(deps.now() / 1000)
    const window = windows.get(key)
    const count = window?.second === second ? window.count + 1 : 1
    windows.set(key, { second, count })
    if (count > perSecond) {
      return {
        ...envelope(429, key, { type: 'TooManyRequests', message: 'You have exceeded the API call rate limit.' }),
        headers: { 'content-type': 'application/json', ...rateHeaders(key), 'retry-after': '1' },
      }
    }
    if (req.path === BASE && req.method === 'POST') return create(req, key)
    if (req.path === BASE && req.method === 'GET') return list(req, key)
    const id = /^\/tracking\/2025-01\/trackings\/([A-Za-z0-9]+)$/.exec(req.path)?.[1]
    if (id && req.method === 'DELETE') {
      const found = [...registered.entries()].find(([, r]) => r.id === id && !r.deleted)
      if (!found) return envelope(404, key, { type: 'NotFound', message: 'Tracking does not exist.' })
      found[1].deleted = true
      return envelope(200, key, {}, render(found[0], found[1]))
    }
    return envelope(404, key, { type: 'NotFound', message: `No AfterShip API at ${req.method} ${req.path}` })
  }

  function create(req: EmuRequest, key: string): EmuResponse {
    const body = req.body as { tracking_number?: unknown; slug?: unknown } | undefined
    const number = typeof body?.tracking_number === 'string' ? body.tracking_number.trim().toUpperCase() : ''
    if (!/^[A-Z0-9\-._/]{4,100}$/.test(number)) {
      return envelope(400, key, {
        code: 4005,
        type: 'BadRequest',
        message: 'The value of `tracking_number` is invalid.',
      })
    }
    const existing = registered.get(number)
    if (existing && !existing.deleted) {
      return json(
        400,
        {
          meta: { code: 4003, type: 'BadRequest', message: 'Tracking already exists.' },
          data: { tracking: { id: existing.id } },
        },
        rateHeaders(key)
      )
    }
    const slug = typeof body?.slug === 'string' && body.slug !== '' ? body.slug : 'brazil-correios'
    // couriers/all lists required_fields per slug; Total Express needs two the app does not have.
    if (slug === 'total-express') {
      return envelope(400, key, {
        code: 4011,
        type: 'BadRequest',
        message:
          'Missing or invalid value of the required fields for this courier: tracking_account_number, tracking_key',
      })
    }
    const tracking: Registered = { id: randomBytes(16).toString('hex'), slug, createdAt: deps.now(), deleted: false }
    registered.set(number, tracking)
    return envelope(201, key, {}, render(number, tracking))
  }

  function list(req: EmuRequest, key: string): EmuResponse {
    const numbers = (req.query.get('tracking_numbers') ?? '')
      .split(',')
      .map((n) => n.trim().toUpperCase())
      .filter((n) => n !== '')
    if (numbers.length > MAX_LIST) {
      return envelope(400, key, {
        code: 400,
        type: 'BadRequest',
        message: `tracking_numbers takes at most ${MAX_LIST} values.`,
      })
    }
    const trackings = numbers.flatMap((n) => {
      const r = registered.get(n)
      return r && !r.deleted ? [render(n, r)] : []
    })
    return envelope(
      200,
      key,
      {},
      { pagination: { total: trackings.length, next_cursor: null, has_next_page: false }, trackings }
    )
  }

  function render(number: string, tracking: Registered): Record<string, unknown> {
    const events = deps.timelines.visibleEvents('aftership', number, deps.now())
    const latest = events[0]
    const subtag = latest?.code ?? 'Pending_001'
    const tag = subtag.split('_')[0]
    const destination = deps.timelines.get('aftership', number)?.events.find((e) => /^Delivered/.test(e.code))
    return {
      id: tracking.id,
      legacy_id: tracking.id.slice(0, 24),
      created_at: new Date(tracking.createdAt).toISOString().replace('.000Z', '+00:00'),
      updated_at: new Date(deps.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      tracking_number: number,
      slug: tracking.slug,
      active: !/^(Delivered|Expired)/.test(subtag),
      tag,
      subtag,
      subtag_message: latest?.description ?? 'Pending',
      destination_country_region: countryIso3(destination?.country ?? events.at(-1)?.country ?? 'BR'),
      // Oldest first, as the recordings have them.
      checkpoints: [...events].reverse().map((e) => checkpoint(e, tracking.slug)),
    }
  }

  return {
    name: 'aftership',
    stories: AFTERSHIP_STORIES,
    setRateLimit: (n) => {
      perSecond = n
      windows.clear()
    },
    failNext: (times) => {
      failures = times
    },
    registered: (number) => {
      const r = registered.get(number.toUpperCase())
      return r ? { id: r.id, slug: r.slug, deleted: r.deleted } : undefined
    },
    webhook: (number, secret, eventId = randomUUID()) => {
      const r = registered.get(number.toUpperCase())
      if (!r) throw new Error(`AfterShip is not tracking ${number}`)
      const body = JSON.stringify({
        ts: Math.floor(deps.now() / 1000),
        event: 'tracking_update',
        event_id: eventId,
        is_tracking_first_tag: false,
        msg: render(number.toUpperCase(), r),
      })
      const signature = createHmac('sha256', secret).update(body, 'utf8').digest('base64')
      return { body, headers: { 'content-type': 'application/json', 'aftership-hmac-sha256': signature } }
    },
    handle(req) {
      if (req.host !== HOST) return undefined
      return handle(req)
    },
  }
}

const ZONES: Record<string, string> = {
  BR: 'America/Sao_Paulo',
  MX: 'America/Mexico_City',
  AR: 'America/Argentina/Buenos_Aires',
  CL: 'America/Santiago',
  CO: 'America/Bogota',
}
const ISO3: Record<string, string> = { BR: 'BRA', MX: 'MEX', AR: 'ARG', CL: 'CHL', CO: 'COL' }
const countryIso3 = (alpha2: string): string => ISO3[alpha2] ?? alpha2

function checkpoint(event: ScriptedEvent, slug: string): Record<string, unknown> {
  const country = event.country ?? 'BR'
  const p = localParts(event.at, ZONES[country] ?? 'UTC')
  const local = `${p.date.slice(0, 4)}-${p.date.slice(4, 6)}-${p.date.slice(6, 8)}T${p.time.slice(0, 2)}:${p.time.slice(2, 4)}:${p.time.slice(4, 6)}${p.offset}`
  return {
    created_at: new Date(event.at + 60_000).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    slug,
    checkpoint_time: local,
    location: [event.city, event.state].filter(Boolean).join(', ') || null,
    city: event.city ?? null,
    state: event.state ?? null,
    postal_code: event.postalCode ?? null,
    coordinate: null,
    country_region: countryIso3(country),
    message: event.description ?? event.code,
    tag: event.code.split('_')[0],
    subtag: event.code,
    subtag_message: event.description ?? event.code,
    raw_tag: null,
    source: 'carrier',
    hash: randomBytes(8).toString('hex'),
  }
}

const at = brazilianScan

/** Named AfterShip timelines: a Correios parcel São Paulo → Rio de Janeiro, as AfterShip tags it. */
export const AFTERSHIP_STORIES: Record<string, readonly RelativeEvent[]> = {
  delivered: [
    at(1, 'InfoReceived_001', 'Objeto postado', 'Sao Paulo', 'SP'),
    at(6, 'InTransit_002', 'Objeto recebido na unidade', 'Sao Paulo', 'SP'),
    at(20, 'InTransit_007', 'Objeto em trânsito - por favor aguarde', 'Cajamar', 'SP'),
    at(40, 'InTransit_003', 'Objeto recebido na unidade de distribuição', 'Rio de Janeiro', 'RJ'),
    at(50, 'OutForDelivery_001', 'Objeto saiu para entrega ao destinatário', 'Rio de Janeiro', 'RJ'),
    at(54, 'Delivered_001', 'Objeto entregue ao destinatário', 'Rio de Janeiro', 'RJ'),
  ],
  returned: [
    at(1, 'InfoReceived_001', 'Objeto postado', 'Sao Paulo', 'SP'),
    at(20, 'InTransit_007', 'Objeto em trânsito - por favor aguarde', 'Cajamar', 'SP'),
    at(50, 'AttemptFail_002', 'Destinatário ausente', 'Rio de Janeiro', 'RJ'),
    at(80, 'Exception_010', 'Objeto será devolvido ao remetente', 'Rio de Janeiro', 'RJ'),
    at(120, 'Exception_011', 'Objeto devolvido ao remetente', 'Sao Paulo', 'SP'),
  ],
  stuck: [at(1, 'InfoReceived_001', 'Objeto postado', 'Sao Paulo', 'SP')],
}
