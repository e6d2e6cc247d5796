import { createHash } from 'crypto'

import type { EmuRequest, EmuResponse } from '../http'
import { header, json } from '../http'
import type { RelativeEvent, ScriptedEvent } from './timelines'
import { brazilianScan } from './timelines'
import type { CarrierSimulator, SimulatorDeps } from './types'
import { SIMULATOR_CREDENTIALS } from './types'
import { localParts } from './ups'

/**
 * Plays 17TRACK v2.4 (shared/contracts/carriers/17track): POST register / gettrackinfo / stoptrack /
 * getquota with the `17token` header, `{code, data{accepted, rejected}}` answers, per-number
 * refusals (-18019901 already registered, -18019902 not registered, -18019906 not tracked),
 * whole-call failures in a 200 (-18010014 over 40 numbers), HTTP 401 for a bad key, 429 past 3
 * requests a second, and a registration quota (-18019908 once used up). Like the real Correios
 * feed, a delivery event has no zone: time_iso and time_utc are null and only time_raw holds it.
 * A story's `code` is the 17TRACK sub_status. `webhook()` builds a signed TRACKING_UPDATED push.
 */
const HOST = 'api.17track.net'
const BASE = '/track/v2.4/'
const MAX = 40

export interface Track17Simulator extends CarrierSimulator {
  setQuota(total: number): void
  setRateLimit(perSecond: number): void
  webhook(trackingNumber: string, apiKey: string): { body: string; headers: Record<string, string> }
  registered(trackingNumber: string): { carrier: number; stopped: boolean } | undefined
}

export function createTrack17Simulator(deps: SimulatorDeps): Track17Simulator {
  const registered = new Map<string, { carrier: number; stopped: boolean }>()
  let quotaTotal = 100
  let perSecond = 3
  let window = { second: -1, count: 0 }

  const ok = (accepted: unknown[], rejected: unknown[] = []): EmuResponse =>
    json(200, { code: 0, data: { accepted, rejected } })
  const refusal = (number: string, code: number, message: string) => ({ number, carrier: 0, error: { code, message } })

  function handle(req: EmuRequest): EmuResponse {
    if (req.method !== 'POST') return json(404, { code: -1, data: { errors: [{ code: -1, message: 'Not found' }] } })
    if (header(req, '17token') !== SIMULATOR_CREDENTIALS.track17.apiKey) {
      return json(401, { code: -18010002, data: { errors: [{ code: -18010002, message: 'Invalid security key.' }] } })
    }
    const second = Math.floor(deps.now() / 1000)
    window = window.second === second ? { second, count: window.count + 1 } : { second, count: 1 }
    if (window.count > perSecond)
      return { status: 429, headers: { 'content-type': 'text/plain' }, body: 'Too Many Requests' }
    const endpoint = req.path.slice(BASE.length)
    const items = Array.isArray(req.body) ? (req.body as Array<{ number?: unknown; carrier?: unknown }>) : undefined
    if (endpoint === 'getquota') {
      return json(200, {
        code: 0,
        data: {
          quota_total: quotaTotal,
          quota_used: registered.size,
          quota_remain: Math.max(0, quotaTotal - registered.size),
          today_used: registered.size,
        },
      })
    }
    if (!items)
      return json(200, {
        code: -18010013,
        data: { errors: [{ code: -18010013, message: 'Submitted data is invalid.' }] },
      })
    if (items.length > MAX) {
      return json(200, {
        code: -18010014,
        data: { errors: [{ code: -18010014, message: 'Tracking numbers exceed the 40 limit.' }] },
      })
    }
    const numbers = items.map((i) => (typeof i.number === 'string' ? i.number.trim().toUpperCase() : ''))
    switch (endpoint) {
      case 'register': {
        const accepted: unknown[] = []
        const rejected: unknown[] = []
        items.forEach((item, index) => {
          const number = numbers[index]
          if (registered.has(number))
            return rejected.push(
              refusal(
                number,
                -18019901,
                `The tracking number '${number}' has been registered, don't need to repeat registration.`
              )
            )
          if (registered.size >= quotaTotal) return rejected.push(refusal(number, -18019908, 'The quota is used up.'))
          const carrier = typeof item.carrier === 'number' ? item.carrier : 2151
          registered.set(number, { carrier, stopped: false })
          return accepted.push({ origin: typeof item.carrier === 'number' ? 2 : 1, number, carrier })
        })
        return ok(accepted, rejected)
      }
      case 'gettrackinfo': {
        const accepted: unknown[] = []
        const rejected: unknown[] = []
        for (const number of numbers) {
          const r = registered.get(number)
          if (!r)
            rejected.push(
              refusal(number, -18019902, `The tracking number '${number}' does not register, please register first.`)
            )
          else accepted.push(render(number, r.carrier))
        }
        return ok(accepted, rejected)
      }
      case 'stoptrack': {
        const accepted: unknown[] = []
        const rejected: unknown[] = []
        for (const number of numbers) {
          const r = registered.get(number)
          if (!r || r.stopped) rejected.push(refusal(number, -18019906, 'Only numbers being tracked can be stopped.'))
          else {
            r.stopped = true
            accepted.push({ number, carrier: r.carrier })
          }
        }
        return ok(accepted, rejected)
      }
      default:
        return json(404, { code: -1, data: { errors: [{ code: -1, message: `No 17TRACK API at ${req.path}` }] } })
    }
  }

  function render(number: string, carrier: number): Record<string, unknown> {
    const events = deps.timelines.visibleEvents('track17', number, deps.now())
    const latest = events[0]
    const sub = latest?.code ?? 'NotFound_Other'
    const recipient = deps.timelines.get('track17', number)?.events.find((e) => /^Delivered/.test(e.code)) ?? latest
    return {
      number,
      carrier,
      param: null,
      tag: null,
      track_info: {
        shipping_info: {
          shipper_address: { country: 'BR', state: 'SP', city: 'SAO PAULO' },
          recipient_address: address(recipient),
        },
        latest_status: { status: sub.split('_')[0], sub_status: sub, sub_status_descr: null },
        latest_event: latest ? renderEvent(latest) : null,
        time_metrics: { estimated_delivery_date: { source: null, from: null, to: null } },
        milestone: [],
        tracking: {
          providers_hash: 1,
          providers: [
            {
              provider: { key: carrier, name: 'Correios', alias: 'Correios Brazil', country: 'BR' },
              latest_sync_status: 'Success',
              events: events.map(renderEvent),
            },
          ],
        },
      },
    }
  }

  return {
    name: 'track17',
    stories: TRACK17_STORIES,
    setQuota: (total) => {
      quotaTotal = total
    },
    setRateLimit: (n) => {
      perSecond = n
    },
    registered: (number) => registered.get(number.toUpperCase()),
    webhook: (number, apiKey) => {
      const r = registered.get(number.toUpperCase())
      if (!r) throw new Error(`17TRACK is not tracking ${number}`)
      const body = JSON.stringify({ event: 'TRACKING_UPDATED', data: render(number.toUpperCase(), r.carrier) })
      const sign = createHash('sha256').update(`${body}/${apiKey}`, 'utf8').digest('hex')
      return { body, headers: { 'content-type': 'application/json', sign } }
    },
    handle(req) {
      if (req.host !== HOST) return undefined
      if (!req.path.startsWith(BASE))
        return json(404, { code: -1, data: { errors: [{ code: -1, message: 'Not found' }] } })
      return handle(req)
    },
  }
}

const address = (event: ScriptedEvent | undefined): Record<string, unknown> => ({
  country: event?.country ?? 'BR',
  state: event?.state ?? null,
  city: event?.city?.toUpperCase() ?? null,
  street: null,
  postal_code: event?.postalCode ?? null,
})

/** Correios through 17TRACK: scans with an offset, but the delivery with only a zoneless time_raw. */
function renderEvent(event: ScriptedEvent): Record<string, unknown> {
  const p = localParts(event.at, 'America/Sao_Paulo')
  const date = `${p.date.slice(0, 4)}-${p.date.slice(4, 6)}-${p.date.slice(6, 8)}`
  const time = `${p.time.slice(0, 2)}:${p.time.slice(2, 4)}:${p.time.slice(4, 6)}`
  const zoneless = /^Delivered/.test(event.code)
  return {
    time_iso: zoneless ? null : `${date}T${time}${p.offset}`,
    time_utc: zoneless ? null : new Date(event.at).toISOString().replace('.000Z', 'Z'),
    time_raw: { date, time, timezone: zoneless ? null : p.offset },
    description: event.description ?? event.code,
    location: [event.city?.toUpperCase(), event.state].filter(Boolean).join(', '),
    stage: null,
    sub_status: event.code,
    address: address(event),
  }
}

const at = brazilianScan

/** Named 17TRACK timelines: a Correios parcel São Paulo → Recife (Recife is also -03:00, no DST). */
export const TRACK17_STORIES: Record<string, readonly RelativeEvent[]> = {
  delivered: [
    at(1, 'InfoReceived', 'Objeto postado', 'Sao Paulo', 'SP'),
    at(8, 'InTransit_PickedUp', 'Objeto recebido na unidade', 'Sao Paulo', 'SP'),
    at(20, 'InTransit_Departure', 'Objeto em trânsito - por favor aguarde', 'Sao Paulo', 'SP'),
    at(44, 'InTransit_Arrival', 'Objeto recebido na unidade de distribuição', 'Recife', 'PE'),
    at(50, 'OutForDelivery_Other', 'Objeto saiu para entrega ao destinatário', 'Recife', 'PE'),
    at(54, 'Delivered_Other', 'Objeto entregue ao destinatário', 'Recife', 'PE'),
  ],
  returning: [
    at(1, 'InfoReceived', 'Objeto postado', 'Sao Paulo', 'SP'),
    at(44, 'DeliveryFailure_NoBody', 'Destinatário ausente', 'Recife', 'PE'),
    at(90, 'Exception_Returning', 'Objeto será devolvido ao remetente', 'Recife', 'PE'),
  ],
  stuck: [at(1, 'InfoReceived', 'Objeto postado', 'Sao Paulo', 'SP')],
}
