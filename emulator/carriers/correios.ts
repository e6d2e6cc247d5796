import { randomBytes } from 'crypto'

import type { EmuRequest, EmuResponse } from '../http'
import { header, json } from '../http'
import type { RelativeEvent, ScriptedEvent, ScriptedShipment } from './timelines'
import type { CarrierSimulator, SimulatorDeps } from './types'
import { SIMULATOR_CREDENTIALS } from './types'

/**
 * Plays Correios API Rastro (CWS) for tests and demos, from scripted timelines on the simulated
 * clock. Written from the contract (carrier-apis.md §1, §10), not from the app's parser, so that
 * a parser bug is not mirrored here.
 *
 * Choices where the contract is silent:
 * - An object that is scripted but has no visible event yet answers SRO-020, like an unknown one:
 *   SRO learns about an object at its first scan (posting); labels printed from the merchant's
 *   range are unknown to Rastro until then, which is what merchants report seeing.
 * - PAR (customs) events carry `dtHrCriado` with a space instead of "T", as the real app-proxy
 *   sample does, so the space variant is always exercised.
 * - A missing Authorization header gives 401; an unknown or expired token gives 403.
 */

const HOSTS: Readonly<Record<string, 'PRODUCAO' | 'HOMOLOGACAO'>> = {
  'api.correios.com.br': 'PRODUCAO',
  'apihom.correios.com.br': 'HOMOLOGACAO',
}

const TOKEN_PATH = '/token/v1/autentica/cartaopostagem'
const TRACK_PATH = '/srorastro/v1/objetos'
const MAX_CODES = 50
const TOKEN_TTL_MS = 24 * 3600_000
const BRASILIA_OFFSET_MS = -3 * 3600_000
const SRO_020 = 'SRO-020: Objeto não encontrado na base de dados dos Correios.'
const RESULTADO_NAMES: Readonly<Record<string, string>> = {
  T: 'Todos os Eventos',
  U: 'Último Evento',
  P: 'Primeiro Evento',
}

export interface CorreiosSimulator extends CarrierSimulator {
  /** Makes every token issued so far invalid, as if 24 h had passed (tests of token refresh). */
  expireTokens(): void
}

interface IssuedToken {
  host: string
  expiresAt: number
}

export function createCorreiosSimulator(deps: SimulatorDeps): CorreiosSimulator {
  const tokens = new Map<string, IssuedToken>()

  const handle = (req: EmuRequest): EmuResponse | undefined => {
    if (!(req.host in HOSTS)) return undefined
    if (req.path === TOKEN_PATH) {
      return req.method === 'POST' ? issueToken(req, tokens, deps.now()) : errorBody(405, 'Método não permitido.')
    }
    if (req.path === TRACK_PATH || req.path.startsWith(`${TRACK_PATH}/`)) {
      if (req.method !== 'GET') return errorBody(405, 'Método não permitido.')
      const denied = checkBearer(req, tokens, deps.now())
      if (denied) return denied
      const single = req.path.slice(TRACK_PATH.length + 1)
      return track(deps, single ? [single] : (req.query.get('codigosObjetos') ?? '').split(','), req.query)
    }
    return errorBody(404, `Recurso não encontrado: ${req.path}`)
  }

  return {
    name: 'correios',
    handle,
    stories: CORREIOS_STORIES,
    expireTokens: () => {
      for (const issued of tokens.values()) issued.expiresAt = Number.NEGATIVE_INFINITY
    },
  }
}

function issueToken(req: EmuRequest, tokens: Map<string, IssuedToken>, now: number): EmuResponse {
  const expected = SIMULATOR_CREDENTIALS.correios
  const basic = /^Basic\s+(.+)$/i.exec(header(req, 'authorization') ?? '')
  if (!basic) return errorBody(401, 'Credenciais de acesso não informadas.')
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
  if (decoded !== `${expected.user}:${expected.accessCode}`) {
    return errorBody(401, 'Usuário ou código de acesso inválido.')
  }
  const numero = isRecord(req.body) ? req.body.numero : undefined
  if (numero !== expected.postageCard) {
    return errorBody(401, 'Cartão de postagem inválido ou não vinculado ao usuário.')
  }
  const token = randomBytes(32).toString('base64url')
  const expiresAt = now + TOKEN_TTL_MS
  tokens.set(token, { host: req.host, expiresAt })
  return json(201, {
    ambiente: HOSTS[req.host],
    id: expected.user,
    perfil: 'PJ',
    cnpj: '00000000000191',
    cartaoPostagem: { numero: expected.postageCard, contrato: '9912345678', dr: 72, api: [87] },
    api: [87],
    emissao: brasiliaLocal(now),
    expiraEm: brasiliaLocal(expiresAt),
    token,
  })
}

function checkBearer(req: EmuRequest, tokens: Map<string, IssuedToken>, now: number): EmuResponse | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '')
  if (!bearer) return errorBody(401, 'Token de acesso não informado.')
  const issued = tokens.get(bearer[1])
  if (!issued || issued.host !== req.host) return errorBody(403, 'Token inválido.')
  if (issued.expiresAt <= now) return errorBody(403, 'Token expirado.')
  return undefined
}

function track(deps: SimulatorDeps, rawCodes: string[], query: URLSearchParams): EmuResponse {
  const codes = rawCodes.map((code) => code.trim().toUpperCase()).filter((code) => code !== '')
  if (codes.length === 0) return errorBody(400, 'Informe ao menos um código de objeto.')
  if (codes.length > MAX_CODES) {
    return errorBody(400, `Quantidade de objetos excede o limite de ${MAX_CODES} por consulta.`)
  }
  const resultado = (query.get('resultado') ?? 'T').toUpperCase()
  if (!(resultado in RESULTADO_NAMES)) return errorBody(400, 'Parâmetro resultado inválido: use T, U ou P.')
  const now = deps.now()
  const objetos = codes.map((code) => renderObject(deps, code, now, resultado))
  return json(200, {
    versao: '1.8.7',
    quantidade: objetos.length,
    resultado: RESULTADO_NAMES[resultado],
    objetos,
  })
}

export function renderObject(
  deps: SimulatorDeps,
  code: string,
  now: number,
  resultado: string
): Record<string, unknown> {
  const shipment = deps.timelines.get('correios', code)
  const visible = deps.timelines.visibleEvents('correios', code, now)
  if (!shipment || visible.length === 0) return { codObjeto: code, mensagem: SRO_020 }
  const chosen = resultado === 'U' ? visible.slice(0, 1) : resultado === 'P' ? visible.slice(-1) : visible
  return {
    codObjeto: code,
    tipoPostal: postalType(code),
    ...(shipment.estimatedDelivery === undefined ? {} : { dtPrevista: brasiliaLocal(shipment.estimatedDelivery) }),
    modalidade: 'F',
    peso: 0.5,
    formato: 'Pacote',
    eventos: chosen.map((event) => renderEvent(event, nextScripted(shipment, event))),
  }
}

function renderEvent(event: ScriptedEvent, next: ScriptedEvent | undefined): Record<string, unknown> {
  const [codigo, tipo = '01'] = event.code.toUpperCase().split('/')
  const stamp = brasiliaLocal(event.at)
  const forwarded = ['RO', 'DO', 'TRI', 'PMT'].includes(codigo) && next !== undefined
  return {
    codigo,
    tipo,
    dtHrCriado: codigo === 'PAR' ? stamp.replace('T', ' ') : stamp,
    descricao: event.description ?? defaultDescription(codigo, tipo),
    unidade: unit(codigo, event),
    ...(forwarded ? { unidadeDestino: unit('CD', next) } : {}),
  }
}

function unit(codigo: string, event: ScriptedEvent): Record<string, unknown> {
  if (event.country && event.country.toUpperCase() !== 'BR' && !event.state) {
    return { codSro: '', endereco: {}, tipo: 'País', nome: event.country.toUpperCase() }
  }
  const endereco = {
    ...(event.city ? { cidade: event.city.toUpperCase() } : {}),
    ...(event.state ? { uf: event.state.toUpperCase() } : {}),
    ...(event.postalCode ? { cep: event.postalCode.replace(/\D/g, '') } : {}),
  }
  return { codSro: '', endereco, tipo: UNIT_TYPES[codigo] ?? 'Unidade de Tratamento' }
}

/** The scripted event after this one (even if not yet visible): RO/DO show where the object is going. */
const nextScripted = (shipment: ScriptedShipment, event: ScriptedEvent): ScriptedEvent | undefined =>
  [...shipment.events].sort((a, b) => a.at - b.at).find((candidate) => candidate.at > event.at)

const UNIT_TYPES: Readonly<Record<string, string>> = {
  PO: 'Agência dos Correios',
  CO: 'Agência dos Correios',
  OEC: 'Unidade de Distribuição',
  BDE: 'Unidade de Distribuição',
  BDI: 'Unidade de Distribuição',
  BDR: 'Unidade de Distribuição',
  LDI: 'Agência dos Correios',
  PAR: 'Unidade Operacional',
}

/** `sigla` is the code's first two letters; a few common ones get their real names. */
function postalType(code: string): Record<string, string> {
  const sigla = code.slice(0, 2)
  const known: Record<string, [string, string]> = {
    DG: ['ENCOMENDA SEDEX (ETIQ LOGICA)', 'SEDEX'],
    SS: ['SEDEX', 'SEDEX'],
    OY: ['ENCOMENDA PAC (ETIQ LOGICA)', 'PAC'],
    QB: ['ENCOMENDA PAC', 'PAC'],
  }
  const [descricao, categoria] = known[sigla] ?? ['OBJETO', 'ENCOMENDA']
  return { sigla, descricao, categoria }
}

/** Texts of the SRO manual (status-tables/status_correios_from_manual.csv). */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'PO/00': 'Objeto postado',
  'PO/01': 'Objeto postado',
  'PO/09': 'Objeto postado após o horário limite da unidade',
  'CO/01': 'Objeto coletado',
  'RO/01': 'Objeto em trânsito - por favor aguarde',
  'DO/01': 'Objeto em trânsito - por favor aguarde',
  'CD/01': 'Objeto recebido na unidade de distribuição',
  'OEC/01': 'Objeto saiu para entrega ao destinatário',
  'LDI/01': 'Objeto aguardando retirada no endereço indicado',
  'BDE/01': 'Objeto entregue ao destinatário',
  'BDE/02': 'A entrega não pode ser efetuada - Carteiro não atendido',
  'BDE/04': 'A entrega não pode ser efetuada - Cliente recusou-se a receber',
  'BDE/06': 'A entrega não pode ser efetuada - Cliente desconhecido no local',
  'BDE/07': 'A entrega não pode ser efetuada - Endereço incorreto',
  'BDE/09': 'Objeto não localizado',
  'BDE/20': 'A entrega não pode ser efetuada - Carteiro não atendido',
  'BDE/23': 'Objeto devolvido ao remetente',
  'BDE/50': 'Objeto roubado',
  'IDC/01': 'Objeto não localizado',
  'PAR/10': 'Fiscalização aduaneira finalizada',
  'PAR/16': 'Objeto recebido pelos Correios do Brasil',
  'PAR/17': 'Aguardando pagamento',
  'PAR/21': 'Encaminhado para fiscalização aduaneira',
  'PAR/31': 'Pagamento confirmado',
}

const FAMILY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  PO: 'Objeto postado',
  RO: 'Objeto em trânsito - por favor aguarde',
  DO: 'Objeto em trânsito - por favor aguarde',
  CD: 'Objeto recebido na unidade dos Correios',
  OEC: 'Objeto saiu para entrega ao destinatário',
  LDI: 'Objeto aguardando retirada no endereço indicado',
  EST: 'Favor desconsiderar a informação anterior',
  IDC: 'Objeto não localizado',
}

const defaultDescription = (codigo: string, tipo: string): string =>
  DESCRIPTIONS[`${codigo}/${tipo}`] ?? FAMILY_DESCRIPTIONS[codigo] ?? 'Objeto em processamento'

/** Epoch ms -> Brasília wall-clock time with no offset, as Correios writes it ("2022-03-11T17:03:00"). */
export const brasiliaLocal = (epochMs: number): string =>
  new Date(epochMs + BRASILIA_OFFSET_MS).toISOString().slice(0, 19)

const errorBody = (status: number, message: string): EmuResponse => json(status, { msgs: [message] })

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// --- stories: hours after the invoice, with real Correios units on plausible routes ---

const SP = { city: 'SAO PAULO', state: 'SP' }
const CAJAMAR = { city: 'CAJAMAR', state: 'SP' }

export const CORREIOS_STORIES: Record<string, readonly RelativeEvent[]> = {
  /** The manual's shape: PO -> RO -> CD -> OEC -> BDE/01, São Paulo to Rio in about three days. */
  delivered: [
    { afterHours: 5, code: 'PO/01', ...SP },
    { afterHours: 14, code: 'RO/01', ...CAJAMAR },
    { afterHours: 40, code: 'CD/01', city: 'RIO DE JANEIRO', state: 'RJ' },
    { afterHours: 63, code: 'OEC/01', city: 'RIO DE JANEIRO', state: 'RJ' },
    { afterHours: 69, code: 'BDE/01', city: 'RIO DE JANEIRO', state: 'RJ' },
  ],
  attempt_then_delivered: [
    { afterHours: 4, code: 'PO/01', ...SP },
    { afterHours: 13, code: 'RO/01', ...CAJAMAR },
    { afterHours: 38, code: 'CD/01', city: 'BELO HORIZONTE', state: 'MG' },
    { afterHours: 62, code: 'OEC/01', city: 'BELO HORIZONTE', state: 'MG' },
    { afterHours: 67, code: 'BDE/20', city: 'BELO HORIZONTE', state: 'MG' },
    { afterHours: 86, code: 'OEC/01', city: 'BELO HORIZONTE', state: 'MG' },
    { afterHours: 90, code: 'BDE/01', city: 'BELO HORIZONTE', state: 'MG' },
  ],
  returned: [
    { afterHours: 6, code: 'PO/01', ...SP },
    { afterHours: 15, code: 'RO/01', ...CAJAMAR },
    { afterHours: 40, code: 'CD/01', city: 'CURITIBA', state: 'PR' },
    { afterHours: 64, code: 'OEC/01', city: 'CURITIBA', state: 'PR' },
    { afterHours: 69, code: 'BDE/06', city: 'CURITIBA', state: 'PR' },
    { afterHours: 110, code: 'RO/01', city: 'CURITIBA', state: 'PR' },
    { afterHours: 150, code: 'CD/01', ...SP },
    { afterHours: 170, code: 'BDE/23', ...SP },
  ],
  /** Posted, then nothing: the dashboard's "stuck" case. */
  stuck: [{ afterHours: 8, code: 'PO/01', ...SP }],
  exception: [
    { afterHours: 5, code: 'PO/01', ...SP },
    { afterHours: 16, code: 'RO/01', ...CAJAMAR },
    { afterHours: 52, code: 'CD/01', city: 'SALVADOR', state: 'BA' },
    { afterHours: 75, code: 'OEC/01', city: 'SALVADOR', state: 'BA' },
    { afterHours: 80, code: 'BDE/07', city: 'SALVADOR', state: 'BA' },
  ],
  lost: [
    { afterHours: 5, code: 'PO/01', ...SP },
    { afterHours: 14, code: 'RO/01', ...CAJAMAR },
    { afterHours: 46, code: 'RO/01', city: 'RECIFE', state: 'PE' },
    { afterHours: 240, code: 'IDC/01', city: 'RECIFE', state: 'PE' },
  ],
  /** Correios records a delivery by mistake and withdraws it with EST before the real one. */
  corrected: [
    { afterHours: 5, code: 'PO/01', ...SP },
    { afterHours: 30, code: 'CD/01', city: 'CAMPINAS', state: 'SP' },
    { afterHours: 52, code: 'OEC/01', city: 'CAMPINAS', state: 'SP' },
    { afterHours: 53, code: 'BDE/01', city: 'CAMPINAS', state: 'SP' },
    { afterHours: 53.5, code: 'EST/01', city: 'CAMPINAS', state: 'SP' },
    { afterHours: 76, code: 'OEC/01', city: 'CAMPINAS', state: 'SP' },
    { afterHours: 79, code: 'BDE/01', city: 'CAMPINAS', state: 'SP' },
  ],
  /** An import from China: foreign units with an empty address, then customs (PAR) in Curitiba. */
  international: [
    { afterHours: 2, code: 'PO/01', country: 'CHINA' },
    { afterHours: 30, code: 'RO/01', country: 'CHINA' },
    { afterHours: 190, code: 'PAR/16', city: 'CURITIBA', state: 'PR' },
    { afterHours: 260, code: 'PAR/10', city: 'CURITIBA', state: 'PR' },
    { afterHours: 290, code: 'RO/01', city: 'CURITIBA', state: 'PR' },
    { afterHours: 320, code: 'OEC/01', city: 'FLORIANOPOLIS', state: 'SC' },
    { afterHours: 325, code: 'BDE/01', city: 'FLORIANOPOLIS', state: 'SC' },
  ],
}
