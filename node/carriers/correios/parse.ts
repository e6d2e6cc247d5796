import { CarrierResponseError } from '../../errors'
import { readCarrierTimestamp } from '../../tracking/carrierTime'
import { isTerminal } from '../../tracking/status'
import type { Substatus, TrackingStatus } from '../../tracking/status'
import type { CarrierMessage, EventLocation, TrackingEvent, TrackingResult } from '../../tracking/carrierResult'
import { correiosCarrierCode, isCorrection, mapCorreiosCode } from './statusMap'

/** Wire types of API Rastro (`GET /srorastro/v1/objetos`), from the CWS manual v2.2 §14 and real samples. */
export interface CorreiosEndereco {
  cidade?: string
  uf?: string
  bairro?: string
  cep?: string
  logradouro?: string
  numero?: string
  complemento?: string
}

export interface CorreiosUnidade {
  /** "Unidade de Tratamento", "Agência dos Correios", ... or "País" for a foreign post. */
  tipo?: string
  /** Set on foreign units: the country name ("HONG KONG"). */
  nome?: string
  codSro?: string
  endereco?: CorreiosEndereco
}

export interface CorreiosEvento {
  /** Event family: PO, RO, OEC, BDE, EST, ... */
  codigo: string
  /** Two-digit state inside the family: "01". */
  tipo: string
  /** Brasília local time with no offset: "2022-03-11T17:03:00" (sometimes with a space instead of T). */
  dtHrCriado: string
  descricao?: string
  detalhe?: string
  comentario?: string
  unidade?: CorreiosUnidade
  unidadeDestino?: CorreiosUnidade
}

export interface CorreiosObjeto {
  codObjeto: string
  tipoPostal?: { sigla?: string; descricao?: string; categoria?: string }
  /** Estimated delivery, Brasília local time with no offset. */
  dtPrevista?: string
  modalidade?: string
  peso?: number
  formato?: string
  /** "SRO-020: Objeto não encontrado na base de dados dos Correios." for unknown objects. */
  mensagem?: string
  /** Newest first. */
  eventos?: CorreiosEvento[]
}

export interface CorreiosRastroResponse {
  versao?: string
  quantidade?: number
  resultado?: string
  objetos: CorreiosObjeto[]
}

/** Error body of every Correios 4xx: `{"msgs": ["..."]}`. */
export interface CorreiosErrorBody {
  msgs: string[]
}

const CARRIER = 'correios'

/**
 * Correios writes every time as Brasília wall-clock time with no offset (its own app JSON labels
 * the same instants `America/Sao_Paulo`), whatever the unit's state: that is the carrier's
 * convention, so the zone is Sao Paulo's with its history (UTC−03:00 since 2019, −02:00 in older
 * summers), never a fixed offset.
 */
const CORREIOS_ZONE = 'America/Sao_Paulo'

const LOCAL_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d{1,3})?$/

/**
 * "2022-03-11T17:03:00" or "2022-05-06 07:55:00" (Brasília, no offset) -> "2022-03-11T17:03:00-03:00".
 * Returns undefined for anything else, including impossible dates such as 2022-02-30.
 */
export function brasiliaLocalToIso(local: string): string | undefined {
  const match = LOCAL_TIMESTAMP.exec(local.trim())
  if (!match) return undefined
  const [, date, hours, minutes, seconds = '00'] = match
  return readCarrierTimestamp(`${date}T${hours}:${minutes}:${seconds}`, CORREIOS_ZONE)?.occurredAt
}

/** Brasília local time (no offset) -> epoch ms, or undefined when it is not a valid timestamp. */
export function brasiliaLocalToEpochMs(local: string): number | undefined {
  const iso = brasiliaLocalToIso(local)
  return iso === undefined ? undefined : Date.parse(iso)
}

const SRO_NOT_FOUND = /^SRO-020\b/

/**
 * Turns one API Rastro body into one result per requested object, in request order.
 * Per-object problems (unknown object, no scans yet, unmapped codes) are messages on the result;
 * only a body that is not the documented shape throws (CarrierResponseError).
 */
export function parseRastroResponse(raw: unknown, requested: readonly string[]): TrackingResult[] {
  const response = readResponse(raw)
  const byCode = new Map<string, CorreiosObjeto>()
  for (const objeto of response.objetos) byCode.set(normaliseCode(objeto.codObjeto), objeto)
  return requested.map((code) => {
    const trackingNumber = normaliseCode(code)
    const objeto = byCode.get(trackingNumber)
    if (!objeto) return notFound(trackingNumber, 'Correios returned no object for this code')
    return parseObjeto(trackingNumber, objeto)
  })
}

export const normaliseCode = (code: string): string => code.replace(/\s+/g, '').toUpperCase()

function parseObjeto(trackingNumber: string, objeto: CorreiosObjeto): TrackingResult {
  const eventos = objeto.eventos ?? []
  const mensagem = objeto.mensagem?.trim() ?? ''
  if (eventos.length === 0 && mensagem !== '') {
    return notFound(trackingNumber, mensagem, SRO_NOT_FOUND.test(mensagem) ? 'NOT_FOUND' : 'CARRIER_MESSAGE')
  }

  const messages: CarrierMessage[] = []
  if (mensagem !== '') messages.push({ code: 'CARRIER_MESSAGE', message: mensagem })
  const estimatedDelivery = objeto.dtPrevista === undefined ? undefined : brasiliaLocalToIso(objeto.dtPrevista)
  const base = {
    carrier: CARRIER,
    trackingNumber,
    found: true,
    ...(estimatedDelivery === undefined ? {} : { estimatedDelivery }),
  } as const

  if (eventos.length === 0) {
    messages.push({ code: 'NO_EVENTS', message: 'Correios knows this object but has no events for it yet' })
    return { ...base, status: 'INFO_RECEIVED', substatus: 'label_created', events: [], messages }
  }

  const timeline = applyCorrections(toAscending(eventos.map(readEvent)))
  for (const unmapped of new Set(timeline.filter((e) => !e.mapped).map((e) => e.event.carrierCode))) {
    messages.push({ code: 'UNMAPPED_CODE', message: `Correios event ${unmapped} is not in the status table` })
  }
  const { events, current } = resolveStatuses(timeline)
  if (!current) {
    return { ...base, status: 'INFO_RECEIVED', substatus: 'label_created', events, messages }
  }
  return {
    ...base,
    status: current.status,
    ...(current.substatus === undefined ? {} : { substatus: current.substatus }),
    ...(current.status === 'DELIVERED' ? { deliveredAt: current.occurredAt } : {}),
    events,
    messages,
  }
}

function notFound(trackingNumber: string, message: string, code: CarrierMessage['code'] = 'NOT_FOUND'): TrackingResult {
  return {
    carrier: CARRIER,
    trackingNumber,
    found: false,
    status: 'PENDING',
    events: [],
    messages: [{ code, message }],
  }
}

interface TimelineEntry {
  event: TrackingEvent
  epochMs: number
  correction: boolean
  mapped: boolean
}

function readEvent(evento: CorreiosEvento): TimelineEntry {
  const occurredAt = brasiliaLocalToIso(evento.dtHrCriado)
  if (occurredAt === undefined) {
    throw new CarrierResponseError(CARRIER, `unreadable dtHrCriado "${evento.dtHrCriado}"`)
  }
  const carrierCode = correiosCarrierCode(evento.codigo, evento.tipo)
  const correction = isCorrection(evento.codigo)
  const mapping = correction ? undefined : mapCorreiosCode(evento.codigo, evento.tipo)
  const location = readLocation(evento.unidade)
  const event: TrackingEvent = {
    occurredAt,
    occurredAtLocal: evento.dtHrCriado,
    // A correction's status is settled once the timeline is known (resolveStatuses).
    status: mapping?.status ?? 'UNKNOWN',
    ...(correction ? { substatus: 'correction' as const } : {}),
    ...(mapping?.substatus === undefined ? {} : { substatus: mapping.substatus }),
    carrierCode,
    description: evento.descricao?.trim() || carrierCode,
    ...(location === undefined ? {} : { location }),
  }
  return { event, epochMs: Date.parse(occurredAt), correction, mapped: mapping?.mapped ?? true }
}

function readLocation(unidade: CorreiosUnidade | undefined): EventLocation | undefined {
  if (!unidade) return undefined
  const city = nonEmpty(unidade.endereco?.cidade)
  const state = nonEmpty(unidade.endereco?.uf)
  const postalCode = nonEmpty(unidade.endereco?.cep)
  // Foreign posts come as { tipo: "País", nome: "HONG KONG", endereco: {} }: the name is all there is.
  const country = unidade.tipo === 'País' ? nonEmpty(unidade.nome) : undefined
  const location: EventLocation = {
    ...(city === undefined ? {} : { city }),
    ...(state === undefined ? {} : { state }),
    ...(postalCode === undefined ? {} : { postalCode }),
    ...(country === undefined ? {} : { country }),
  }
  return Object.keys(location).length === 0 ? undefined : location
}

const nonEmpty = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

/** Correios sends newest first; reversing before a stable sort keeps its order for equal instants. */
const toAscending = (entries: TimelineEntry[]): TimelineEntry[] =>
  [...entries].reverse().sort((a, b) => a.epochMs - b.epochMs)

/** Each EST withdraws the latest remaining non-correction event before it. */
function applyCorrections(entries: TimelineEntry[]): TimelineEntry[] {
  const kept: TimelineEntry[] = []
  for (const entry of entries) {
    if (entry.correction) {
      const withdrawn = findLastIndex(kept, (e) => !e.correction)
      if (withdrawn >= 0) kept.splice(withdrawn, 1)
    }
    kept.push(entry)
  }
  return kept
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (predicate(items[i])) return i
  return -1
}

interface CurrentStatus {
  status: TrackingStatus
  substatus?: Substatus
  occurredAt: string
}

/**
 * Walks the corrected timeline: the latest event sets the status, except that a terminal status
 * (DELIVERED, RETURNED, FAILURE) is not reopened by a later non-terminal scan. A correction event
 * shows the status in force once the withdrawn event is gone.
 */
function resolveStatuses(entries: TimelineEntry[]): { events: TrackingEvent[]; current?: CurrentStatus } {
  let current: CurrentStatus | undefined
  const events = entries.map(({ event, correction }) => {
    if (correction) return { ...event, status: current?.status ?? 'INFO_RECEIVED' }
    if (!current || !isTerminal(current.status) || isTerminal(event.status)) {
      current = { status: event.status, substatus: event.substatus, occurredAt: event.occurredAt }
    }
    return event
  })
  return { events, current }
}

// --- shape checks: the body comes off the wire, so nothing is trusted until it is read here ---

type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function readResponse(raw: unknown): CorreiosRastroResponse {
  if (!isRecord(raw)) throw malformed('the body is not a JSON object')
  if (Array.isArray(raw.msgs)) throw malformed(`error body instead of objects: ${raw.msgs.map(String).join('; ')}`)
  if (!Array.isArray(raw.objetos)) throw malformed('"objetos" is missing or not an array')
  return { objetos: raw.objetos.map(readObjeto) }
}

function readObjeto(value: unknown, index: number): CorreiosObjeto {
  if (!isRecord(value) || typeof value.codObjeto !== 'string') {
    throw malformed(`objetos[${index}] has no codObjeto`)
  }
  if (value.eventos !== undefined && !Array.isArray(value.eventos)) {
    throw malformed(`objetos[${index}].eventos is not an array`)
  }
  return {
    codObjeto: value.codObjeto,
    dtPrevista: optionalString(value.dtPrevista),
    mensagem: optionalString(value.mensagem),
    eventos: value.eventos?.map((evento, i) => readEvento(evento, `objetos[${index}].eventos[${i}]`)),
  }
}

function readEvento(value: unknown, where: string): CorreiosEvento {
  if (
    !isRecord(value) ||
    typeof value.codigo !== 'string' ||
    typeof value.tipo !== 'string' ||
    typeof value.dtHrCriado !== 'string'
  ) {
    throw malformed(`${where} lacks codigo, tipo or dtHrCriado`)
  }
  return {
    codigo: value.codigo,
    tipo: value.tipo,
    dtHrCriado: value.dtHrCriado,
    descricao: optionalString(value.descricao),
    unidade: readUnidade(value.unidade),
  }
}

function readUnidade(value: unknown): CorreiosUnidade | undefined {
  if (!isRecord(value)) return undefined
  const endereco = isRecord(value.endereco) ? value.endereco : {}
  return {
    tipo: optionalString(value.tipo),
    nome: optionalString(value.nome),
    endereco: {
      cidade: optionalString(endereco.cidade),
      uf: optionalString(endereco.uf),
      cep: optionalString(endereco.cep),
    },
  }
}

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

const malformed = (detail: string): CarrierResponseError =>
  new CarrierResponseError(CARRIER, `unexpected API Rastro response: ${detail}`)
