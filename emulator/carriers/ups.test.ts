import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, it } from 'node:test'

import Ajv from 'ajv'
import { load as loadYaml } from 'js-yaml'

import { parseUpsTracking } from '../../node/carriers/ups/parse'
import type { UpsTrackApiResponse, UpsTrackResponse } from '../../node/carriers/ups/parse'
import type { EmuRequest, EmuResponse } from '../http'
import { Timelines, fromRelative } from './timelines'
import { SIMULATOR_CREDENTIALS } from './types'
import { createUpsSimulator, localParts } from './ups'

const CONTRACTS = path.resolve(__dirname, '../../../shared/contracts/carriers/ups')
const ajv = new Ajv({ strict: false, allErrors: true })
ajv.addSchema(loadYaml(readFileSync(path.join(CONTRACTS, 'Tracking.yaml'), 'utf8')) as object, 'tracking')
ajv.addSchema(loadYaml(readFileSync(path.join(CONTRACTS, 'OAuthClientCredentials.yaml'), 'utf8')) as object, 'oauth')

function assertSchema(ref: string, body: unknown): void {
  const validate = ajv.getSchema(ref)
  assert.ok(validate, `no schema ${ref}`)
  assert.ok(validate(body), `${ref}: ${ajv.errorsText(validate.errors)}`)
}

// 2024-01-15 12:00 UTC: winter, so New Jersey is -05:00 and Illinois -06:00.
const T0 = Date.UTC(2024, 0, 15, 12, 0, 0)
const HOUR = 3600_000
const NUMBER = '1ZA1B2C30310000100'
const { clientId, clientSecret } = SIMULATOR_CREDENTIALS.ups

function request(method: string, reqPath: string, headers: Record<string, string> = {}, body = ''): EmuRequest {
  return {
    method,
    host: 'onlinetools.ups.com',
    path: reqPath,
    query: new URLSearchParams(),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    rawBody: Buffer.from(body),
    body: body ? Object.fromEntries(new URLSearchParams(body)) : undefined,
  }
}

const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`

void it('the contract check rejects a body that breaks Tracking.yaml', () => {
  const validate = ajv.getSchema('tracking#/components/schemas/TrackApiResponse')
  assert.ok(validate)
  assert.equal(validate({ trackResponse: { shipment: [{ package: [{ activity: 'x' }] }] } }), false)
  assert.equal(validate({ trackResponse: { shipment: [{ package: [{ packageCount: '1' }] }] } }), false)
})

void describe('UPS simulator', () => {
  let now = T0
  let timelines: Timelines
  let sim: ReturnType<typeof createUpsSimulator>

  beforeEach(() => {
    now = T0
    timelines = new Timelines()
    sim = createUpsSimulator({ timelines, now: () => now })
  })

  const handle = async (req: EmuRequest): Promise<EmuResponse> => {
    const response = await sim.handle(req)
    assert.ok(response, `the simulator did not answer ${req.method} ${req.path}`)
    return response
  }

  const token = async (): Promise<string> => {
    const res = await handle(
      request(
        'POST',
        '/security/v1/oauth/token',
        { Authorization: basic(clientId, clientSecret) },
        'grant_type=client_credentials'
      )
    )
    assert.equal(res.status, 200)
    return (res.body as { access_token: string }).access_token
  }

  const track = async (number: string, headers?: Record<string, string>): Promise<EmuResponse> => {
    const auth = { Authorization: `Bearer ${await token()}`, transId: 'abc123', transactionSrc: 'test' }
    return handle(request('GET', `/api/track/v1/details/${number}`, headers ?? auth))
  }

  const script = (story: string, estimatedDelivery?: number): void =>
    timelines.script({
      carrier: 'ups',
      trackingNumber: NUMBER,
      events: fromRelative(T0, sim.stories[story]),
      ...(estimatedDelivery === undefined ? {} : { estimatedDelivery }),
    })

  void it('answers only UPS hosts', async () => {
    assert.equal(
      await sim.handle({ ...request('GET', '/api/track/v1/details/x'), host: 'api.correios.com.br' }),
      undefined
    )
    const cie = await sim.handle({ ...request('GET', '/api/track/v1/details/x'), host: 'wwwcie.ups.com' })
    assert.equal(cie?.status, 401)
  })

  void describe('OAuth', () => {
    void it('issues a token in the documented shape, stamped with the simulated clock', async () => {
      const res = await handle(
        request(
          'POST',
          '/security/v1/oauth/token',
          { Authorization: basic(clientId, clientSecret) },
          'grant_type=client_credentials'
        )
      )
      assert.equal(res.status, 200)
      assertSchema('oauth#/components/schemas/tokenSuccessResponse', res.body)
      const body = res.body as Record<string, string>
      assert.equal(body.token_type, 'Bearer')
      assert.equal(body.issued_at, String(T0))
      assert.equal(body.client_id, clientId)
      assert.equal(body.expires_in, '14399')
      assert.equal(body.status, 'approved')
      assert.match(body.access_token, /^[A-Za-z0-9_-]{20,}$/)
    })

    void it('rejects a wrong secret with 401 in the UPS error shape', async () => {
      const res = await handle(
        request(
          'POST',
          '/security/v1/oauth/token',
          { Authorization: basic(clientId, 'wrong') },
          'grant_type=client_credentials'
        )
      )
      assert.equal(res.status, 401)
      assertSchema('oauth#/components/schemas/tokenErrorResponse', res.body)
      assert.deepEqual(res.body, { response: { errors: [{ code: '10401', message: 'ClientId is Invalid' }] } })
    })

    void it('rejects a missing grant_type with 400', async () => {
      const res = await handle(
        request('POST', '/security/v1/oauth/token', { Authorization: basic(clientId, clientSecret) })
      )
      assert.equal(res.status, 400)
    })
  })

  void describe('Track', () => {
    void it('requires a valid bearer token', async () => {
      script('delivered')
      const headers = { transId: 'abc', transactionSrc: 'test' }
      assert.equal((await track(NUMBER, headers)).status, 401)
      assert.equal((await track(NUMBER, { ...headers, Authorization: 'Bearer not-issued' })).status, 401)
    })

    void it('rejects a call without transId or transactionSrc with 400 in the UPS error shape', async () => {
      script('delivered')
      const bearer = `Bearer ${await token()}`
      const noTransId = await handle(
        request('GET', `/api/track/v1/details/${NUMBER}`, { Authorization: bearer, transactionSrc: 't' })
      )
      assert.equal(noTransId.status, 400)
      assertSchema('tracking#/components/schemas/Response', noTransId.body)
      assert.match(JSON.stringify(noTransId.body), /transId/)
      const noSrc = await handle(
        request('GET', `/api/track/v1/details/${NUMBER}`, { Authorization: bearer, transId: 't' })
      )
      assert.equal(noSrc.status, 400)
      assert.match(JSON.stringify(noSrc.body), /transactionSrc/)
    })

    void it('answers 404 with TW0001 for an unknown number, and before the label exists', async () => {
      const unknown = await track('1ZUNKNOWN000000000')
      assert.equal(unknown.status, 404)
      assert.deepEqual(unknown.body, {
        response: { errors: [{ code: 'TW0001', message: 'Tracking Information Not Found' }] },
      })
      timelines.script({
        carrier: 'ups',
        trackingNumber: NUMBER,
        events: fromRelative(T0 + HOUR, sim.stories.label_only),
      })
      assert.equal((await track(NUMBER)).status, 404)
      now = T0 + 2 * HOUR
      assert.equal((await track(NUMBER)).status, 200)
    })

    void it('renders only events whose time has come, newest first, with local and gmt times', async () => {
      script('delivered', T0 + 72 * HOUR)
      now = T0 + 31 * HOUR
      const res = await track(NUMBER)
      assert.equal(res.status, 200)
      assertSchema('tracking#/components/schemas/TrackApiResponse', res.body)
      const pkg = (res.body as UpsTrackApiResponse).trackResponse.shipment[0].package?.[0]
      assert.ok(pkg)
      assert.equal(pkg.trackingNumber, NUMBER)
      assert.deepEqual(
        pkg.activity?.map((a) => [a.status?.type, a.status?.code, a.status?.statusCode]),
        [
          ['I', 'AR', '005'],
          ['I', 'DP', '005'],
          ['I', 'OR', '038'],
          ['M', 'MP', '003'],
        ]
      )
      // Arrived at Hodgkins, IL at T0+30h = 2024-01-16 18:00 UTC = 12:00 local (-06:00).
      assert.deepEqual(pkg.activity?.[0], {
        location: {
          address: { city: 'HODGKINS', stateProvince: 'IL', postalCode: '60525', countryCode: 'US', country: 'US' },
        },
        status: { type: 'I', code: 'AR', statusCode: '005', description: 'Arrived at Facility' },
        date: '20240116',
        time: '120000',
        gmtDate: '20240116',
        gmtTime: '18:00:00',
        gmtOffset: '-06:00',
      })
      // Origin scan in Secaucus, NJ at T0+5h = 17:00 UTC = 12:00 local (-05:00).
      assert.equal(pkg.activity?.[2].gmtOffset, '-05:00')
      assert.equal(pkg.activity?.[2].time, '120000')
      assert.deepEqual(pkg.currentStatus, {
        type: 'I',
        code: 'AR',
        statusCode: '005',
        description: 'Arrived at Facility',
        simplifiedTextDescription: 'Arrived at Facility',
      })
      assert.deepEqual(pkg.deliveryDate, [{ type: 'SDD', date: '20240118' }])
    })

    void it('moves deliveryDate from SDD to SDD+RDD after an attempt, then to DEL', async () => {
      script('attempt_then_delivered', T0 + 50 * HOUR)
      const datesAt = async (hours: number): Promise<unknown> => {
        now = T0 + hours * HOUR
        const body = (await track(NUMBER)).body as UpsTrackApiResponse
        return body.trackResponse.shipment[0].package?.[0].deliveryDate
      }
      assert.deepEqual(await datesAt(47), [{ type: 'SDD', date: '20240117' }])
      // Attempt at T0+53h = 2024-01-17 17:00 UTC (11:00 in Austin): rescheduled to the next day.
      assert.deepEqual(await datesAt(54), [
        { type: 'SDD', date: '20240117' },
        { type: 'RDD', date: '20240118' },
      ])
      assert.deepEqual(await datesAt(80), [{ type: 'DEL', date: '20240118' }])
    })

    void it('tokens expire on the simulated clock and on expireTokens()', async () => {
      script('delivered')
      const bearer = `Bearer ${await token()}`
      const call = (): Promise<EmuResponse> =>
        handle(
          request('GET', `/api/track/v1/details/${NUMBER}`, {
            Authorization: bearer,
            transId: 'a',
            transactionSrc: 'b',
          })
        )
      assert.equal((await call()).status, 200)
      now = T0 + 14399 * 1000
      assert.equal((await call()).status, 401)
      now = T0
      assert.equal((await call()).status, 200)
      sim.expireTokens()
      assert.equal((await call()).status, 401)
    })
  })

  void describe('stories', () => {
    const expected: Record<string, string> = {
      delivered: 'DELIVERED',
      attempt_then_delivered: 'DELIVERED',
      exception: 'EXCEPTION',
      returned: 'RETURNED',
      stuck: 'IN_TRANSIT',
      label_only: 'INFO_RECEIVED',
    }

    void it('has the named stories, each in time order and starting with a label', () => {
      assert.deepEqual(Object.keys(sim.stories).sort(), Object.keys(expected).sort())
      for (const [name, events] of Object.entries(sim.stories)) {
        assert.equal(events[0].code, 'M/MP/003', name)
        const hours = events.map((e) => e.afterHours)
        assert.deepEqual(
          hours,
          [...hours].sort((a, b) => a - b),
          name
        )
        for (const e of events) assert.match(e.code, /^[A-Z]{1,2}\/[A-Z0-9]{2}\/\d{3}$/, `${name} ${e.code}`)
      }
    })

    void it("ends each story in the expected status once played through the app's parser", async () => {
      for (const [name, status] of Object.entries(expected)) {
        timelines.clear()
        script(name)
        now = T0 + 200 * HOUR
        const res = await track(NUMBER)
        assertSchema('tracking#/components/schemas/TrackApiResponse', res.body)
        const [result] = parseUpsTracking(res.body as UpsTrackResponse, [NUMBER])
        assert.equal(result.status, status, name)
        assert.deepEqual(
          result.messages.filter((m) => m.code === 'UNMAPPED_CODE'),
          [],
          name
        )
        assert.equal(result.events.length, sim.stories[name].length, name)
      }
    })
  })

  void it('localParts follows DST', () => {
    assert.deepEqual(localParts(Date.UTC(2024, 6, 1, 4, 30), 'America/New_York'), {
      date: '20240701',
      time: '003000',
      offset: '-04:00',
    })
    assert.deepEqual(localParts(Date.UTC(2024, 0, 1, 4, 30), 'America/New_York'), {
      date: '20231231',
      time: '233000',
      offset: '-05:00',
    })
    assert.equal(localParts(Date.UTC(2024, 6, 1), 'UTC').offset, '+00:00')
  })
})
