import { CarrierResponseError } from '../../errors'
import { readCarrierTimestamp } from '../../tracking/carrierTime'
import type { CarrierMessage, TrackingEvent, TrackingResult } from '../../tracking/carrierResult'
import { firstText, isRecord, notFound, unmappedMessage } from '../shared/normalise'
import type { MelhorEnvioAnswer, MelhorEnvioTrackingEntry } from './contract'
import { mapMelhorEnvioStatus, TIMESTAMP_FIELDS } from './statusMap'

const CARRIER = 'melhorenvio'
/** Melhor Envio writes "YYYY-MM-DD HH:mm:ss" without an offset: São Paulo wall time. */
export const MELHOR_ENVIO_ZONE = 'America/Sao_Paulo'

/** Melhor Envio's own Portuguese words for each status (its plugin's translation table). */
const WORDS: Readonly<Record<string, string>> = {
  pending: 'Pendente',
  released: 'Liberado',
  paid: 'Paga',
  generated: 'Gerada',
  posted: 'Postado',
  delivered: 'Entregue',
  undelivered: 'Não entregue',
  canceled: 'Cancelado',
  expired: 'Expirado',
}

/**
 * One result per requested number, in request order. The number resolved to a Melhor Envio order
 * (by the client); the order's timestamps become its events (created, paid, generated, posted,
 * delivered, canceled, expired), read in São Paulo time unless they carry an offset. The current
 * status is the order's `status` through the table: an unknown value is UNKNOWN (reported) even
 * when a `delivered_at` is present, and `delivered` without `delivered_at` does not close it.
 */
export function parseMelhorEnvioTracking(raw: unknown, requested: readonly string[]): TrackingResult[] {
  const answer = validate(raw)
  return requested.map((number) => {
    const id = answer.orders[number]
    if (!id) return notFound(CARRIER, number, 'no Melhor Envio order has this code')
    const entry = answer.tracking[id]
    if (!isRecord(entry)) return notFound(CARRIER, number, `Melhor Envio returned no tracking for order ${id}`)
    return parseEntry(number, entry)
  })
}

/** One order's tracking entry (also what a webhook carries in `data`). */
export function parseEntry(number: string, entry: MelhorEnvioTrackingEntry): TrackingResult {
  const messages: CarrierMessage[] = []
  const events: Array<TrackingEvent & { instant: number }> = []
  for (const [field, value] of TIMESTAMP_FIELDS) {
    const text = entry[field]
    if (text === undefined || text === null || text === '') continue
    if (typeof text !== 'string') throw new CarrierResponseError(CARRIER, `${field} is not a string`)
    const read = readCarrierTimestamp(text, MELHOR_ENVIO_ZONE)
    if (!read) throw new CarrierResponseError(CARRIER, `${field} "${text}" is not a date-time`)
    const mapping = mapMelhorEnvioStatus(value)
    if (mapping.kind !== 'status') continue
    events.push({
      instant: read.instant,
      occurredAt: read.occurredAt,
      occurredAtLocal: text,
      status: mapping.status,
      ...(mapping.substatus ? { substatus: mapping.substatus } : {}),
      carrierCode: field,
      description: WORDS[value] ?? value,
    })
  }
  events.sort((a, b) => a.instant - b.instant)
  const ordered: TrackingEvent[] = events.map(({ instant: _instant, ...event }) => event)
  const status = firstText(entry.status ?? undefined)
  const result: TrackingResult = {
    carrier: CARRIER,
    trackingNumber: number,
    found: true,
    status: 'INFO_RECEIVED',
    events: ordered,
    messages,
  }
  const mapping = mapMelhorEnvioStatus(status)
  if (mapping.kind === 'unmapped') {
    result.status = 'UNKNOWN'
    messages.push(unmappedMessage('Melhor Envio', status ?? '(none)', status ?? 'no status'))
    return result
  }
  const delivered = ordered.find((e) => e.carrierCode === 'delivered_at')
  if (mapping.status === 'DELIVERED' && delivered === undefined) {
    // "delivered" with no delivery time: not enough to close the shipment; the last dated step stands.
    const last = ordered.at(-1)
    result.status = last && last.status !== 'DELIVERED' ? last.status : 'IN_TRANSIT'
    messages.push({ code: 'CARRIER_MESSAGE', message: 'Melhor Envio says delivered but gives no delivery time' })
    return result
  }
  result.status = mapping.status
  if (mapping.substatus) result.substatus = mapping.substatus
  if (mapping.status === 'DELIVERED' && delivered) result.deliveredAt = delivered.occurredAt
  if (ordered.length === 0)
    messages.push({ code: 'NO_EVENTS', message: 'Melhor Envio knows the order but gives no dates yet' })
  return result
}

function validate(raw: unknown): MelhorEnvioAnswer {
  if (!isRecord(raw) || !isRecord(raw.orders) || !isRecord(raw.tracking)) {
    throw new CarrierResponseError(CARRIER, 'the tracking answer is not an object keyed by order id')
  }
  for (const [id, entry] of Object.entries(raw.tracking)) {
    if (!isRecord(entry)) throw new CarrierResponseError(CARRIER, `the tracking of order ${id} is not an object`)
  }
  return raw as unknown as MelhorEnvioAnswer
}

/** Melhor Envio's own words from an error body (Laravel style: `message`, `errors`, or `error`). */
export function melhorEnvioErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return typeof body === 'string' && body.trim() !== '' ? body.trim().slice(0, 200) : undefined
  const parts: string[] = []
  if (typeof body.message === 'string') parts.push(body.message)
  if (typeof body.error === 'string') parts.push(body.error)
  if (isRecord(body.errors)) {
    for (const [field, list] of Object.entries(body.errors)) {
      if (Array.isArray(list)) parts.push(`${field}: ${list.filter((m) => typeof m === 'string').join(' ')}`)
    }
  }
  return parts.length > 0 ? parts.join('; ') : undefined
}
