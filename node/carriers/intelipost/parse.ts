import { CarrierResponseError } from '../../errors'
import { formatInZone, readCarrierTimestamp } from '../../tracking/carrierTime'
import type { CarrierMessage, TrackingResult } from '../../tracking/carrierResult'
import type { MappedEvent } from '../shared/normalise'
import { ascending, firstText, isRecord, notFound, resultFrom, unmappedMessage } from '../shared/normalise'
import type {
  IntelipostAnswer,
  IntelipostEnvelope,
  IntelipostHistoryEntry,
  IntelipostShipmentOrder,
  IntelipostVolume,
} from './contract'
import { mapIntelipostState } from './statusMap'

const CARRIER = 'intelipost'
/** The zone Intelipost states in every envelope; used only for epoch-only timestamps. */
export const INTELIPOST_ZONE = 'America/Sao_Paulo'

/**
 * One result per requested number, in request order, from Intelipost's envelopes.
 * - `status: ERROR` saying the order is not found: `found: false` + NOT_FOUND; any other ERROR is
 *   a CARRIER_MESSAGE on that number.
 * - The volume whose `tracking_code` (or the carrier's `logistic_provider_tracking_code`) is the
 *   number gives the events: its state history, ascending, each keeping the offset Intelipost
 *   wrote (`-03:00`, or `-02:00` on old summer-time data). Never a fixed offset.
 * - Raw codes kept: `<macro state>/<micro state code>` and the carrier's own `provider_state`.
 * Throws CarrierResponseError when a body is not the documented envelope.
 */
export function parseIntelipostTracking(raw: unknown, requested: readonly string[]): TrackingResult[] {
  if (!Array.isArray(raw)) throw new CarrierResponseError(CARRIER, 'expected one answer per number')
  const answers = raw as IntelipostAnswer[]
  return requested.map((number) => {
    const answer = answers.find((a) => sameCode(a?.trackingNumber, number))
    if (!answer) return notFound(CARRIER, number, 'Intelipost returned no answer for this number')
    return parseEnvelope(number, answer.envelope)
  })
}

function parseEnvelope(number: string, raw: unknown): TrackingResult {
  if (!isRecord(raw)) throw new CarrierResponseError(CARRIER, 'the answer is not a JSON envelope')
  const envelope = raw as IntelipostEnvelope
  if (envelope.status === 'ERROR') {
    const text = intelipostErrorMessage(envelope) ?? 'Intelipost answered ERROR'
    if (isNotFound(envelope)) return notFound(CARRIER, number, text)
    return {
      carrier: CARRIER,
      trackingNumber: number,
      found: false,
      status: 'PENDING',
      events: [],
      messages: [{ code: 'CARRIER_MESSAGE', message: text }],
    }
  }
  if (envelope.status !== 'OK') throw new CarrierResponseError(CARRIER, `envelope status "${String(envelope.status)}"`)
  // By order number the content is the order; by invoice it is a list (third-party clients).
  const content = Array.isArray(envelope.content) ? (envelope.content as unknown[])[0] : envelope.content
  if (!isRecord(content) || (content.order_number === undefined && content.shipment_order_volume_array === undefined)) {
    return notFound(CARRIER, number, 'Intelipost answered OK with no shipment order')
  }
  return parseOrder(number, validateOrder(content))
}

function parseOrder(number: string, order: IntelipostShipmentOrder): TrackingResult {
  const messages: CarrierMessage[] = []
  const volumes = order.shipment_order_volume_array ?? []
  const volume =
    volumes.find((v) => sameCode(v.tracking_code, number) || sameCode(v.logistic_provider_tracking_code, number)) ??
    (volumes.length === 1 ? volumes[0] : undefined)
  if (volume === undefined && volumes.length > 1) {
    messages.push({
      code: 'CARRIER_MESSAGE',
      message: `Intelipost order ${order.order_number ?? ''} has ${volumes.length} volumes and none has this tracking code; the first is shown`,
    })
  }
  const chosen: IntelipostVolume | undefined = volume ?? volumes[0]
  const history = chosen?.shipment_order_volume_state_history_array ?? []
  const unmapped = new Set<string>()
  const mapped = ascending(history.map((entry) => historyEvent(entry, messages, unmapped)))
  const state = chosen?.shipment_order_volume_state ?? order.shipment_order_volume_state
  const current = mapIntelipostState(state)
  const fallback =
    current.kind === 'status'
      ? { status: current.status, ...(current.substatus ? { substatus: current.substatus } : {}) }
      : state
        ? { status: 'UNKNOWN' as const }
        : undefined
  if (mapped.length === 0 && current.kind === 'unmapped' && state) {
    messages.push(unmappedMessage('Intelipost', state, chosen?.shipment_order_volume_state_localized ?? state))
  }
  const estimatedDelivery = estimateOf(chosen) ?? estimateOf(order)
  const deliveredAt = deliveredOf(chosen) ?? deliveredOf(order)
  // A DELIVERED state with no history and no delivery date is not enough to close the shipment.
  const usable = fallback?.status === 'DELIVERED' && deliveredAt === undefined ? undefined : fallback
  return resultFrom(CARRIER, number, mapped, messages, {
    ...(estimatedDelivery === undefined ? {} : { estimatedDelivery }),
    ...(usable === undefined ? {} : { fallback: usable }),
    ...(deliveredAt === undefined ? {} : { deliveredAt }),
  })
}

/**
 * One history entry as our event. Shared with the webhook parser (./push.ts). `unmapped` collects
 * the codes already reported, so a result names each unknown state once.
 */
export function historyEvent(
  value: unknown,
  messages: CarrierMessage[],
  unmapped: Set<string> = new Set()
): MappedEvent {
  if (!isRecord(value)) throw new CarrierResponseError(CARRIER, 'a history entry is not an object')
  const entry = value as IntelipostHistoryEntry
  const state = firstText(entry.shipment_order_volume_state ?? undefined) ?? ''
  const micro = entry.shipment_volume_micro_state ?? undefined
  const microCode = firstText(micro?.code ?? undefined)
  const carrierCode = [state, microCode !== undefined && microCode !== state ? microCode : undefined]
    .filter((p) => p !== undefined && p !== '')
    .join('/')
  const description =
    firstText(
      entry.provider_message ?? undefined,
      micro?.default_name ?? undefined,
      micro?.name ?? undefined,
      entry.shipment_order_volume_state_localized ?? undefined
    ) ?? carrierCode
  const mapping = mapIntelipostState(state)
  if (mapping.kind === 'unmapped' && !unmapped.has(carrierCode)) {
    unmapped.add(carrierCode)
    messages.push(unmappedMessage('Intelipost', carrierCode || '(none)', description))
  }
  const time = timeOf(entry)
  const provider = firstText(entry.provider_state ?? undefined)
  return {
    instant: time.instant,
    setsStatus: true,
    event: {
      occurredAt: time.occurredAt,
      occurredAtLocal: time.raw,
      status: mapping.kind === 'status' ? mapping.status : 'UNKNOWN',
      ...(mapping.kind === 'status' && mapping.substatus ? { substatus: mapping.substatus } : {}),
      carrierCode: provider ? `${carrierCode} (${provider})` : carrierCode,
      description,
    },
  }
}

/**
 * The event's time: `event_date_iso` (when it happened at the carrier), else `created_iso` (when
 * Intelipost recorded it), each with the offset written in it. Only an epoch-only entry is shown in
 * São Paulo time, the zone Intelipost's envelope declares.
 */
function timeOf(entry: IntelipostHistoryEntry): { occurredAt: string; instant: number; raw: string } {
  for (const iso of [entry.event_date_iso, entry.created_iso]) {
    if (typeof iso !== 'string' || iso.trim() === '') continue
    const read = readCarrierTimestamp(iso, INTELIPOST_ZONE)
    if (!read) throw new CarrierResponseError(CARRIER, `history date "${iso}" is not an ISO date-time`)
    return { occurredAt: read.occurredAt, instant: read.instant, raw: iso }
  }
  for (const epoch of [entry.event_date, entry.created]) {
    if (typeof epoch !== 'number' || !Number.isFinite(epoch)) continue
    return { ...formatInZone(epoch, INTELIPOST_ZONE), raw: String(epoch) }
  }
  throw new CarrierResponseError(CARRIER, 'a history entry has no date')
}

function estimateOf(holder: IntelipostVolume | IntelipostShipmentOrder | undefined): string | undefined {
  const iso = holder?.estimated_delivery_date_iso
  if (typeof iso === 'string' && iso.trim() !== '') return readCarrierTimestamp(iso, INTELIPOST_ZONE)?.occurredAt
  const epoch = holder?.estimated_delivery_date
  return typeof epoch === 'number' && Number.isFinite(epoch)
    ? formatInZone(epoch, INTELIPOST_ZONE).occurredAt
    : undefined
}

function deliveredOf(holder: IntelipostVolume | IntelipostShipmentOrder | undefined): string | undefined {
  const iso = holder?.delivered_date_iso
  if (typeof iso === 'string' && iso.trim() !== '') return readCarrierTimestamp(iso, INTELIPOST_ZONE)?.occurredAt
  const epoch = holder?.delivered_date
  return typeof epoch === 'number' && Number.isFinite(epoch)
    ? formatInZone(epoch, INTELIPOST_ZONE).occurredAt
    : undefined
}

function validateOrder(content: Record<string, unknown>): IntelipostShipmentOrder {
  const volumes = content.shipment_order_volume_array
  if (volumes !== undefined && volumes !== null && !Array.isArray(volumes)) {
    throw new CarrierResponseError(CARRIER, 'shipment_order_volume_array is not an array')
  }
  for (const volume of (volumes ?? []) as unknown[]) {
    if (!isRecord(volume)) throw new CarrierResponseError(CARRIER, 'a volume is not an object')
    const history = volume.shipment_order_volume_state_history_array
    if (history !== undefined && history !== null && !Array.isArray(history)) {
      throw new CarrierResponseError(CARRIER, 'shipment_order_volume_state_history_array is not an array')
    }
  }
  return content as IntelipostShipmentOrder
}

/** Intelipost's own words from an ERROR envelope: "key: text" of each message. */
export function intelipostErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body) || !Array.isArray(body.messages)) return undefined
  const parts = (body.messages as unknown[])
    .filter(isRecord)
    .map((m) =>
      [typeof m.key === 'string' ? m.key : undefined, typeof m.text === 'string' ? m.text : undefined]
        .filter((p) => p !== undefined && p !== '')
        .join(': ')
    )
    .filter((p) => p !== '')
  return parts.length > 0 ? parts.join('; ') : undefined
}

/** Intelipost's not-found wording: the message key or text (PT/EN). Not documented publicly. */
function isNotFound(envelope: IntelipostEnvelope): boolean {
  const text = (intelipostErrorMessage(envelope) ?? '').toLowerCase()
  return /not[._ ]?found|notfound|n[ãa]o encontrad|inexistente/.test(text)
}

const sameCode = (a: string | null | undefined, b: string): boolean =>
  typeof a === 'string' && a.trim() !== '' && a.trim().toUpperCase() === b.trim().toUpperCase()
