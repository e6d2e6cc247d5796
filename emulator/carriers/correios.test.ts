import assert from 'node:assert/strict'
import { beforeEach, describe, it } from 'node:test'

import type { EmuRequest, EmuResponse } from '../http'
import { brasiliaLocal, createCorreiosSimulator } from './correios'
import type { CorreiosSimulator } from './correios'
import { fromRelative, Timelines } from './timelines'
import { SIMULATOR_CREDENTIALS } from './types'

const T0 = Date.parse('2025-03-10T12:00:00Z') // 09:00 in Brasília
const HOUR = 3600_000
const creds = SIMULATOR_CREDENTIALS.correios

function request(partial: Partial<EmuRequest> & { url: string }): EmuRequest {
  const url = new URL(partial.url)
  return {
    method: partial.method ?? 'GET',
    host: url.hostname,
    path: url.pathname,
    query: url.searchParams,
    headers: partial.headers ?? {},
    rawBody: Buffer.alloc(0),
    body: partial.body,
  }
}

const basic = (user: string, code: string): string => `Basic ${Buffer.from(`${user}:${code}`).toString('base64')}`

interface Json {
  [key: string]: unknown
}

const bodyOf = (response: EmuResponse | undefined): Json => {
  assert.ok(response, 'the simulator answered')
  return response.body as Json
}

void describe('Correios simulator', () => {
  let now = T0
  let timelines: Timelines
  let simulator: CorreiosSimulator

  const handle = async (req: EmuRequest): Promise<EmuResponse | undefined> => simulator.handle(req)

  const login = async (host = 'api.correios.com.br'): Promise<EmuResponse | undefined> =>
    handle(
      request({
        method: 'POST',
        url: `http://${host}/token/v1/autentica/cartaopostagem`,
        headers: { authorization: basic(creds.user, creds.accessCode) },
        body: { numero: creds.postageCard },
      })
    )

  const token = async (host?: string): Promise<string> => String(bodyOf(await login(host)).token)

  const track = async (codes: string, bearer?: string, host = 'api.correios.com.br') =>
    handle(
      request({
        url: `http://${host}/srorastro/v1/objetos?codigosObjetos=${codes}&resultado=T`,
        headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` },
      })
    )

  beforeEach(() => {
    now = T0
    timelines = new Timelines()
    simulator = createCorreiosSimulator({ timelines, now: () => now })
  })

  void it('ignores other hosts', async () => {
    assert.equal(await handle(request({ url: 'http://onlinetools.ups.com/track' })), undefined)
  })

  void describe('token', () => {
    void it('issues a 24 h token in Brasília local time for the right credentials', async () => {
      const response = await login()
      assert.equal(response?.status, 201)
      const body = bodyOf(response)
      assert.equal(body.ambiente, 'PRODUCAO')
      assert.equal(body.emissao, '2025-03-10T09:00:00')
      assert.equal(body.expiraEm, '2025-03-11T09:00:00')
      assert.match(String(body.token), /^[A-Za-z0-9_-]{40,}$/)
      assert.notEqual(await token(), body.token, 'each login mints a new opaque token')
      assert.equal(bodyOf(await login('apihom.correios.com.br')).ambiente, 'HOMOLOGACAO')
    })

    void it('answers 401 {msgs} for a wrong access code, a wrong card or no credentials', async () => {
      const wrongCode = await handle(
        request({
          method: 'POST',
          url: 'http://api.correios.com.br/token/v1/autentica/cartaopostagem',
          headers: { authorization: basic(creds.user, 'wrong') },
          body: { numero: creds.postageCard },
        })
      )
      assert.equal(wrongCode?.status, 401)
      assert.deepEqual(bodyOf(wrongCode), { msgs: ['Usuário ou código de acesso inválido.'] })

      const wrongCard = await handle(
        request({
          method: 'POST',
          url: 'http://api.correios.com.br/token/v1/autentica/cartaopostagem',
          headers: { authorization: basic(creds.user, creds.accessCode) },
          body: { numero: '0000000000' },
        })
      )
      assert.equal(wrongCard?.status, 401)

      const none = await handle(
        request({ method: 'POST', url: 'http://api.correios.com.br/token/v1/autentica/cartaopostagem' })
      )
      assert.equal(none?.status, 401)
    })
  })

  void describe('tracking', () => {
    void it('requires a valid, unexpired bearer token from the same environment', async () => {
      assert.equal((await track('DG049186226BR'))?.status, 401)
      assert.equal((await track('DG049186226BR', 'made-up'))?.status, 403)
      const sandbox = await token('apihom.correios.com.br')
      assert.equal((await track('DG049186226BR', sandbox))?.status, 403)

      const bearer = await token()
      assert.equal((await track('DG049186226BR', bearer))?.status, 200)
      now = T0 + 24 * HOUR
      const expired = await track('DG049186226BR', bearer)
      assert.equal(expired?.status, 403)
      assert.deepEqual(bodyOf(expired), { msgs: ['Token expirado.'] })
    })

    void it('expireTokens invalidates every token issued so far, not later ones', async () => {
      const old = await token()
      simulator.expireTokens()
      assert.equal((await track('DG049186226BR', old))?.status, 403)
      assert.equal((await track('DG049186226BR', await token()))?.status, 200)
    })

    void it('rejects more than 50 codes with 400 {msgs} and accepts 50', async () => {
      const bearer = await token()
      const codes = (n: number) => Array.from({ length: n }, (_, i) => `DG${String(i).padStart(8, '0')}0BR`).join(',')
      const tooMany = await track(codes(51), bearer)
      assert.equal(tooMany?.status, 400)
      assert.match(String((bodyOf(tooMany).msgs as string[])[0]), /50/)
      const fifty = bodyOf(await track(codes(50), bearer))
      assert.equal(fifty.quantidade, 50)
    })

    void it('answers SRO-020 for unknown codes and for scripted codes with no visible event yet', async () => {
      timelines.script({
        carrier: 'correios',
        trackingNumber: 'SS123456785BR',
        events: fromRelative(T0, [{ afterHours: 5, code: 'PO/01', city: 'SAO PAULO', state: 'SP' }]),
      })
      const body = bodyOf(await track('AB102030405BR,SS123456785BR', await token()))
      assert.deepEqual(body.objetos, [
        { codObjeto: 'AB102030405BR', mensagem: 'SRO-020: Objeto não encontrado na base de dados dos Correios.' },
        { codObjeto: 'SS123456785BR', mensagem: 'SRO-020: Objeto não encontrado na base de dados dos Correios.' },
      ])
    })

    void it('renders visible events newest first in Brasília time, with codigo/tipo split and dtPrevista', async () => {
      timelines.script({
        carrier: 'correios',
        trackingNumber: 'DG049186226BR',
        events: fromRelative(T0, simulator.stories.delivered),
        estimatedDelivery: T0 + 72 * HOUR,
      })
      now = T0 + 41 * HOUR
      const body = bodyOf(await track('dg049186226br', await token()))
      const [objeto] = body.objetos as Json[]
      assert.equal(objeto.codObjeto, 'DG049186226BR')
      assert.equal(objeto.dtPrevista, '2025-03-13T09:00:00')
      assert.deepEqual((objeto.tipoPostal as Json).sigla, 'DG')
      const eventos = objeto.eventos as Json[]
      assert.deepEqual(
        eventos.map((e) => [e.codigo, e.tipo, e.dtHrCriado]),
        [
          ['CD', '01', '2025-03-12T01:00:00'],
          ['RO', '01', '2025-03-10T23:00:00'],
          ['PO', '01', '2025-03-10T14:00:00'],
        ]
      )
      assert.deepEqual(eventos[2], {
        codigo: 'PO',
        tipo: '01',
        dtHrCriado: '2025-03-10T14:00:00',
        descricao: 'Objeto postado',
        unidade: { codSro: '', endereco: { cidade: 'SAO PAULO', uf: 'SP' }, tipo: 'Agência dos Correios' },
      })
      assert.deepEqual(eventos[1].unidadeDestino, {
        codSro: '',
        endereco: { cidade: 'RIO DE JANEIRO', uf: 'RJ' },
        tipo: 'Unidade de Tratamento',
      })
    })

    void it('shows foreign posts as País with an empty address and PAR times with a space', async () => {
      timelines.script({
        carrier: 'correios',
        trackingNumber: 'NL314159268CN',
        events: fromRelative(T0, simulator.stories.international),
      })
      now = T0 + 200 * HOUR
      const [objeto] = bodyOf(await track('NL314159268CN', await token())).objetos as Json[]
      const eventos = objeto.eventos as Json[]
      assert.equal(objeto.dtPrevista, undefined)
      assert.deepEqual(eventos[0].dtHrCriado, brasiliaLocal(T0 + 190 * HOUR).replace('T', ' '))
      assert.match(String(eventos[0].dtHrCriado), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      assert.deepEqual(eventos[2].unidade, { codSro: '', endereco: {}, tipo: 'País', nome: 'CHINA' })
    })

    void it('serves the single-object path and resultado=U', async () => {
      timelines.script({
        carrier: 'correios',
        trackingNumber: 'OY876543216BR',
        events: fromRelative(T0, simulator.stories.returned),
      })
      now = T0 + 200 * HOUR
      const bearer = await token()
      const single = await handle(
        request({
          url: 'http://api.correios.com.br/srorastro/v1/objetos/OY876543216BR?resultado=U',
          headers: { authorization: `Bearer ${bearer}` },
        })
      )
      const [objeto] = bodyOf(single).objetos as Json[]
      assert.deepEqual(
        (objeto.eventos as Json[]).map((e) => `${e.codigo}/${e.tipo}`),
        ['BDE/23']
      )
    })
  })

  void it('formats Brasília local time three hours behind UTC, across midnight', () => {
    assert.equal(brasiliaLocal(Date.parse('2025-01-01T02:30:00Z')), '2024-12-31T23:30:00')
    assert.equal(brasiliaLocal(Date.parse('2022-03-11T20:03:00Z')), '2022-03-11T17:03:00')
  })

  void it('offers the named stories, each ending as its name says', () => {
    const last = (name: string): string | undefined => simulator.stories[name]?.at(-1)?.code
    assert.deepEqual(Object.keys(simulator.stories).sort(), [
      'attempt_then_delivered',
      'corrected',
      'delivered',
      'exception',
      'international',
      'lost',
      'returned',
      'stuck',
    ])
    assert.equal(last('delivered'), 'BDE/01')
    assert.equal(last('attempt_then_delivered'), 'BDE/01')
    assert.ok(simulator.stories.attempt_then_delivered.some((e) => e.code === 'BDE/20'))
    assert.equal(last('returned'), 'BDE/23')
    assert.equal(last('stuck'), 'PO/01')
    assert.equal(last('exception'), 'BDE/07')
    assert.equal(last('lost'), 'IDC/01')
    assert.deepEqual(
      simulator.stories.delivered.map((e) => e.code),
      ['PO/01', 'RO/01', 'CD/01', 'OEC/01', 'BDE/01']
    )
  })
})
