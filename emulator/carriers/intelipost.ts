import type { EmuRequest, EmuResponse } from '../http'
import { header, json } from '../http'
import type { RelativeEvent, ScriptedEvent, ScriptedShipment } from './timelines'
import type { CarrierSimulator, SimulatorDeps } from './types'
import { SIMULATOR_CREDENTIALS } from './types'
import { localParts } from './ups'

/**
 * Plays Intelipost API v1 for the app (shared/contracts/carriers/intelipost/CONTRACT.md):
 * `GET /api/v1/shipment_order/tracking_code/{code}` with the `api-key` (or `api_key`) header,
 * answering Intelipost's envelope `{status, messages, content, time, timezone, locale}` with the
 * shipment order of the SDK fixtures (one volume, its state history). Every time is written in
 * São Paulo local time with the offset of that date (so 2018 summer-time dates come out `-02:00`),
 * and also as epoch milliseconds, as Intelipost does.
 *
 * Errors keep the envelope with `status: "ERROR"`. Intelipost documents no error keys, no status
 * codes and no rate limit publicly; the simulator's choices are stand-ins: 401 `api.key.invalid`,
 * 404 `shipmentOrder.notFound`, and, when a quota is set, 429 `request.limit.exceeded` with
 * Retry-After.
 *
 * Scripted event codes are `MACRO_STATE` or `MACRO_STATE/micro code` (e.g. `IN_TRANSIT/27`); the
 * description is the carrier's own text (`provider_message`).
 */
const HOST = 'api.intelipost.com.br'
const PREFIX = '/api/v1/shipment_order/tracking_code/'
const ZONE = 'America/Sao_Paulo'

export interface IntelipostSimulator extends CarrierSimulator {
  /** Requests per key per simulated minute before 429; undefined = no quota. */
  setQuotaPerMinute(calls: number | undefined): void
}

export function createIntelipostSimulator(deps: SimulatorDeps): IntelipostSimulator {
  let quota: number | undefined
  const used = new Map<string, number>()

  function track(req: EmuRequest, code: string): EmuResponse {
    if (req.method !== 'GET') return envelopeError(405, 'method.not.allowed', 'Método não permitido.')
    const key = header(req, 'api-key') ?? header(req, 'api_key')
    if (key !== SIMULATOR_CREDENTIALS.intelipost.apiKey) {
      return envelopeError(401, 'api.key.invalid', 'API key inválida.')
    }
    if (quota !== undefined) {
      const minute = Math.floor(deps.now() / 60_000)
      const slot = `${key}:${minute}`
      const count = (used.get(slot) ?? 0) + 1
      used.set(slot, count)
      if (count > quota) {
        const retry = Math.max(1, Math.ceil(((minute + 1) * 60_000 - deps.now()) / 1000))
        return envelopeError(429, 'request.limit.exceeded', 'Limite de requisições excedido.', {
          'retry-after': String(retry),
        })
      }
    }
    const number = decodeURIComponent(code).trim()
    const shipment = deps.timelines.get('intelipost', number)
    const events = deps.timelines.visibleEvents('intelipost', number, deps.now())
    if (!shipment || events.length === 0) {
      return envelopeError(404, 'shipmentOrder.notFound', 'Pedido de envio não encontrado.')
    }
    return json(200, envelope('OK', [], renderOrder(shipment, events)))
  }

  return {
    name: 'intelipost',
    stories: INTELIPOST_STORIES,
    setQuotaPerMinute: (calls) => {
      quota = calls
      used.clear()
    },
    handle(req) {
      if (req.host !== HOST) return undefined
      if (req.path.startsWith(PREFIX) && req.path.length > PREFIX.length) {
        return track(req, req.path.slice(PREFIX.length))
      }
      return envelopeError(404, 'resource.not.found', 'Recurso não encontrado.')
    },
  }
}

const envelope = (status: 'OK' | 'ERROR', messages: unknown[], content: unknown): Record<string, unknown> => ({
  status,
  messages,
  content,
  time: '12.3 ms',
  timezone: ZONE,
  locale: 'pt_BR',
})

const envelopeError = (status: number, key: string, text: string, headers: Record<string, string> = {}): EmuResponse =>
  json(status, envelope('ERROR', [{ type: 'ERROR', text, key }], {}), headers)

/** "2018-01-15T13:43:38.137-02:00": São Paulo wall time with that date's offset. */
export function saoPauloIso(at: number): string {
  const p = localParts(at, ZONE)
  const ms = String(at % 1000).padStart(3, '0')
  return `${p.date.slice(0, 4)}-${p.date.slice(4, 6)}-${p.date.slice(6, 8)}T${p.time.slice(0, 2)}:${p.time.slice(2, 4)}:${p.time.slice(4, 6)}.${ms}${p.offset}`
}

const LOCALIZED: Record<string, string> = {
  NEW: 'Criado',
  READY_FOR_SHIPPING: 'Pronto para envio',
  SHIPPED: 'Despachado',
  IN_TRANSIT: 'Em trânsito',
  TO_BE_DELIVERED: 'Saiu para entrega',
  DELIVERED: 'Entregue',
  DELIVERY_FAILED: 'Falha na entrega',
  CLARIFY_DELIVERY_FAIL: 'Esclarecer falha na entrega',
}

function renderHistory(event: ScriptedEvent, index: number): Record<string, unknown> {
  const [state, micro] = event.code.split('/')
  const iso = saoPauloIso(event.at)
  return {
    shipment_order_volume_id: 1,
    shipment_order_volume_state: state,
    tracking_state: null,
    created: event.at,
    created_iso: iso,
    provider_message: event.description ?? null,
    provider_state: event.description ? event.description.toUpperCase().slice(0, 20) : null,
    esprinter_message: null,
    shipment_volume_micro_state: {
      id: index + 1,
      code: micro ?? state,
      default_name: micro ? (event.description ?? state) : state,
      i18n_name: null,
      description: event.description ?? state,
      shipment_order_volume_state_id: 1,
      shipment_volume_state_source_id: 2,
      name: micro ? (event.description ?? state) : state,
    },
    attachments: null,
    shipment_order_volume_state_localized: LOCALIZED[state] ?? state,
    shipment_order_volume_state_history: 1000 + index,
    event_date: event.at,
    event_date_iso: iso,
  }
}

/** The order as Intelipost's SDK fixtures show it, with only the tracking-relevant fields. */
function renderOrder(shipment: ScriptedShipment, newestFirst: readonly ScriptedEvent[]): Record<string, unknown> {
  const events = [...newestFirst].reverse()
  const state = events.at(-1)?.code.split('/')[0] ?? 'NEW'
  const delivered = state === 'DELIVERED' ? events.at(-1) : undefined
  const first = events[0]
  const estimate =
    shipment.estimatedDelivery === undefined
      ? {}
      : {
          estimated_delivery_date: shipment.estimatedDelivery,
          estimated_delivery_date_iso: saoPauloIso(shipment.estimatedDelivery),
        }
  return {
    id: 1,
    order_number: `OT${shipment.trackingNumber}`,
    sales_order_number: `OT${shipment.trackingNumber}`,
    created: first.at,
    created_iso: saoPauloIso(first.at),
    shipment_order_volume_state: state,
    delivered_date: delivered ? delivered.at : null,
    ...estimate,
    shipment_order_volume_array: [
      {
        shipment_order_volume_number: '1',
        shipment_order_volume_state: state,
        shipment_order_volume_state_localized: LOCALIZED[state] ?? state,
        tracking_code: shipment.trackingNumber,
        logistic_provider_tracking_code: null,
        delivered: delivered !== undefined,
        delivered_date: delivered ? delivered.at : null,
        ...estimate,
        shipment_order_volume_state_history_array: events.map(renderHistory),
      },
    ],
  }
}

/* ------------------------------------------------------------------ stories */

const at = (afterHours: number, code: string, description?: string): RelativeEvent => ({
  afterHours,
  code,
  country: 'BR',
  ...(description ? { description } : {}),
})

/** Jadlog / Total Express parcels as Intelipost normalises them (Jadlog's own words as provider text). */
export const INTELIPOST_STORIES: Record<string, readonly RelativeEvent[]> = {
  delivered: [
    at(0, 'NEW'),
    at(2, 'READY_FOR_SHIPPING'),
    at(6, 'SHIPPED', 'EMISSAO'),
    at(10, 'IN_TRANSIT', 'ENTRADA'),
    at(20, 'IN_TRANSIT/27', 'TRANSFERENCIA'),
    at(40, 'TO_BE_DELIVERED', 'EM ROTA'),
    at(46, 'DELIVERED', 'ENTREGUE'),
  ],
  failed_then_delivered: [
    at(0, 'NEW'),
    at(6, 'SHIPPED', 'EMISSAO'),
    at(30, 'TO_BE_DELIVERED', 'EM ROTA'),
    at(36, 'DELIVERY_FAILED', 'DESTINATARIO AUSENTE'),
    at(54, 'TO_BE_DELIVERED', 'EM ROTA'),
    at(58, 'DELIVERED', 'ENTREGUE'),
  ],
  clarify: [
    at(0, 'NEW'),
    at(6, 'SHIPPED', 'EMISSAO'),
    at(30, 'DELIVERY_FAILED', 'ENDERECO NAO LOCALIZADO'),
    at(40, 'CLARIFY_DELIVERY_FAIL', 'AGUARDANDO INSTRUCOES'),
  ],
  stuck: [at(0, 'NEW'), at(6, 'SHIPPED', 'EMISSAO'), at(12, 'IN_TRANSIT', 'ENTRADA')],
  label_only: [at(0, 'NEW')],
}
