import { brasiliaLocalToEpochMs } from './parse'

/** Most objects one API Rastro call accepts (public integrations and the olist client cap at 50). */
export const CORREIOS_MAX_BATCH = 50

export type CorreiosEnvironment = 'production' | 'sandbox'

/** Hosts per environment. Plain http: the IO egress proxy upgrades to TLS (X-Vtex-Use-Https). */
export const CORREIOS_HOSTS: Readonly<Record<CorreiosEnvironment, string>> = {
  production: 'api.correios.com.br',
  sandbox: 'apihom.correios.com.br',
}

export const TRACK_PATH = '/srorastro/v1/objetos'
export const TOKEN_PATH = '/token/v1/autentica/cartaopostagem'

export interface CorreiosTrackRequest {
  path: typeof TRACK_PATH
  /** `resultado=T` asks for every event (U = last only, P = first only). */
  query: { codigosObjetos: string; resultado: 'T' }
}

/**
 * The batch form `GET /srorastro/v1/objetos?codigosObjetos=A,B&resultado=T`, used even for one
 * code so that there is a single request shape. Codes are trimmed, upper-cased and de-duplicated.
 */
export function buildTrackRequest(codes: readonly string[]): CorreiosTrackRequest {
  const unique = [...new Set(codes.map((code) => code.replace(/\s+/g, '').toUpperCase()))]
  if (unique.length === 0 || unique.includes('')) throw new RangeError('Correios tracking needs at least one code')
  if (unique.some((code) => code.includes(','))) throw new RangeError('a Correios code cannot contain a comma')
  if (unique.length > CORREIOS_MAX_BATCH) {
    throw new RangeError(`Correios accepts at most ${CORREIOS_MAX_BATCH} codes per request, got ${unique.length}`)
  }
  return { path: TRACK_PATH, query: { codigosObjetos: unique.join(','), resultado: 'T' } }
}

export interface CorreiosTokenCredentials {
  /** Meu Correios user (CNPJ or login). */
  user: string
  /** "Código de acesso à API" generated in the CWS portal (not the portal password). */
  accessCode: string
  /** "Cartão de postagem" with the Rastro API (87) enabled. */
  postageCard: string
}

export interface CorreiosTokenRequest {
  path: typeof TOKEN_PATH
  /** Value of the Authorization header: Basic base64(user:accessCode). */
  authorization: string
  body: { numero: string }
}

export function buildTokenRequest(credentials: CorreiosTokenCredentials): CorreiosTokenRequest {
  const basic = Buffer.from(`${credentials.user}:${credentials.accessCode}`, 'utf8').toString('base64')
  return { path: TOKEN_PATH, authorization: `Basic ${basic}`, body: { numero: credentials.postageCard } }
}

/** 201 body of the token call (CWS manual v2.2). Times are Brasília local time with no offset. */
export interface CorreiosTokenResponse {
  ambiente: string
  id: string
  perfil: string
  cnpj?: string
  cartaoPostagem?: { numero: string; contrato: string; dr: number; api: number[] }
  api: number[]
  emissao: string
  expiraEm: string
  token: string
}

export interface CorreiosToken {
  token: string
  /** Epoch ms of `expiraEm`, or undefined when Correios sent no readable expiry. */
  expiresAt: number | undefined
}

/** Reads the token and its expiry; undefined when the body has no token at all. */
export function readTokenResponse(raw: unknown): CorreiosToken | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const { token, expiraEm } = raw as Partial<Record<keyof CorreiosTokenResponse, unknown>>
  if (typeof token !== 'string' || token === '') return undefined
  return { token, expiresAt: typeof expiraEm === 'string' ? brasiliaLocalToEpochMs(expiraEm) : undefined }
}

/** Joins the `msgs` of a Correios error body; undefined when the body is not that shape. */
export function readErrorMessages(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('msgs' in raw) || !Array.isArray(raw.msgs)) return undefined
  const text = raw.msgs
    .filter((m): m is string => typeof m === 'string')
    .join('; ')
    .trim()
  return text === '' ? undefined : text
}
