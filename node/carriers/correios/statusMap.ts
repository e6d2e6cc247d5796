import { invertCodeTable } from '../../tracking/status'
import type { Substatus, TrackingStatus } from '../../tracking/status'

/**
 * Correios SRO event codes ("codigo/tipo") mapped to the canonical model. Sources: the SRO
 * manual table (shared/contracts/carriers/correios/status-tables) and carrier-apis.md §9.
 *
 * Tables are written status-first so a reviewer can check each row against the manual. A code
 * ending in "/*" covers the whole family (the manual reuses families with new tipos over the
 * years, e.g. OEC/00 in 2016, OEC/01 in 2022, OEC/03 in 2023). BDE, BDI and BDR are always
 * listed explicitly by tipo: they carry delivered, failed, returned and lost states alike, so
 * a new tipo there must surface as UNKNOWN rather than inherit anything. PAR (customs) is listed
 * by tipo too: its meanings changed (PAR/17 once read "liberado pela alfândega" and now reads
 * "Aguardando pagamento" in real import responses), so an unknown PAR tipo must not be guessed.
 */

/** Delivery-family prefixes: "entrega" (BDE), "entrega interna" (BDI) and "entrega remetente" (BDR). */
const BD_FAMILIES = ['BDE', 'BDI', 'BDR'] as const

const bd = (...tipos: string[]): string[] => BD_FAMILIES.flatMap((codigo) => tipos.map((tipo) => `${codigo}/${tipo}`))
const families = (...codigos: string[]): string[] => codigos.map((codigo) => `${codigo}/*`)

export const CORREIOS_STATUS_TABLE: Partial<Record<TrackingStatus, readonly string[]>> = {
  IN_TRANSIT: [
    ...families('PO', 'CO', 'RO', 'DO', 'TRI', 'PMT', 'CD', 'CUN', 'CMT'),
    // Customs: finished (10), received at destination (15), in Brazil (16), at the export unit (18),
    // forwarded to customs inspection (21), import charges paid (31).
    ...['PAR/10', 'PAR/15', 'PAR/16', 'PAR/18', 'PAR/21', 'PAR/31'],
    // Returned to a Correios unit, scheduled, reprinted, received for next-day delivery, tax released.
    ...bd('22', '32', '45', '53', '57'),
    // "Área com distribuição sujeita a prazo diferenciado": slower area, nothing to act on.
    ...bd('66'),
    ...['FC/02', 'FC/03', 'FC/05'],
  ],
  OUT_FOR_DELIVERY: families('OEC'),
  AVAILABLE_FOR_PICKUP: [...families('LDI'), ...bd('24')],
  // Only 00 (legacy) and 01 mean "entregue ao destinatário"; every other BDE tipo is something else.
  DELIVERED: bd('00', '01'),
  ATTEMPT_FAIL: [...bd('02', '20', '25', '35', '46', '47'), 'FC/07'],
  EXCEPTION: [
    // 42 "Lote de objetos incompleto": held like 41, not on its way back.
    ...bd('03', '07', '12', '19', '28', '34', '37', '38', '41', '42', '54', '55', '56', '58', '59', '69'),
    ...['BLQ/01', 'FC/04'],
    // "Aguardando pagamento": the import waits for the customer to pay its charges.
    'PAR/17',
  ],
  RETURN_TO_SENDER: [
    ...bd('04', '05', '06', '08', '10', '21', '26', '33', '36', '40', '48', '49'),
    'FC/01',
    // "Objeto saiu para entrega ao remetente": out for delivery, but back to the sender.
    'OEC/09',
    ...families('LDE'),
  ],
  RETURNED: bd('23'),
  FAILURE: [...bd('09', '43', '50', '51', '52'), ...families('IDC')],
}

export const CORREIOS_SUBSTATUS_TABLE: Partial<Record<Substatus, readonly string[]>> = {
  accepted: families('PO'),
  picked_up: families('CO'),
  departed_facility: families('RO', 'DO', 'TRI', 'PMT'),
  arrived_at_facility: [...families('CD', 'CUN', 'CMT'), ...bd('22', '45'), 'FC/05', 'PAR/15'],
  customs_processing: ['PAR/16', 'PAR/18', 'PAR/21'],
  customs_released: ['PAR/10', 'PAR/31', ...bd('57')],
  customs_hold: bd('40', '55', '56'),
  payment_required: [...bd('54', '58', '59'), 'PAR/17'],
  rescheduled: [...bd('32', '53'), 'FC/02'],
  delayed: [...bd('66', '69'), 'FC/03'],
  recipient_unavailable: bd('02', '20', '21', '35', '46', '47'),
  business_closed: [...bd('25'), 'FC/07'],
  address_issue: [...bd('07', '08', '19', '34'), 'FC/04'],
  refused: bd('04', '33', '48'),
  recipient_moved: bd('10'),
  unclaimed: bd('03', '12', '26'),
  damaged: bd('28', '37'),
  lost: [...bd('09'), ...families('IDC')],
  stolen: bd('50', '51', '52'),
  seized: bd('43'),
  held_by_sender_request: ['BLQ/01'],
  held_by_carrier: bd('41', '42'),
  other: bd('38'),
}

const statusByCode = invertCodeTable(CORREIOS_STATUS_TABLE)
const substatusByCode = invertCodeTable(CORREIOS_SUBSTATUS_TABLE)

/** "EST" = "Favor desconsiderar a informação anterior": it withdraws the event before it. */
export const CORRECTION_CODIGO = 'EST'

export const isCorrection = (codigo: string): boolean => codigo.trim().toUpperCase() === CORRECTION_CODIGO

/** "BDE" + "1" -> "BDE/01": the manual writes tipos unpadded, the API sends two digits. */
export function correiosCarrierCode(codigo: string, tipo: string): string {
  const family = codigo.trim().toUpperCase()
  const trimmed = tipo.trim()
  const normalisedTipo = /^\d$/.test(trimmed) ? trimmed.padStart(2, '0') : trimmed.toUpperCase()
  return `${family}/${normalisedTipo}`
}

export interface CorreiosCodeMapping {
  status: TrackingStatus
  substatus?: Substatus
  /** false when the code is in neither table: status is UNKNOWN and the caller reports it. */
  mapped: boolean
}

/** Maps one event code; the exact code wins over its family entry. Never guesses: unknown -> UNKNOWN. */
export function mapCorreiosCode(codigo: string, tipo: string): CorreiosCodeMapping {
  const code = correiosCarrierCode(codigo, tipo)
  const familyKey = `${code.slice(0, code.indexOf('/'))}/*`
  const status = statusByCode.get(code) ?? statusByCode.get(familyKey)
  if (status === undefined) return { status: 'UNKNOWN', mapped: false }
  const substatus = substatusByCode.get(code) ?? substatusByCode.get(familyKey)
  return substatus === undefined ? { status, mapped: true } : { status, substatus, mapped: true }
}
