import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import Ajv from 'ajv'
import { load as loadYaml } from 'js-yaml'

import type { EmuRequest, EmuResponse } from '../http'
import { createDhlSimulator } from './dhl'
import { createFedexSimulator } from './fedex'
import { Timelines, fromRelative } from './timelines'
import type { SimulatedCarrier } from './timelines'
import { SIMULATOR_CREDENTIALS } from './types'
import { createUspsSimulator } from './usps'

/**
 * The FedEx and USPS simulators, and the recorded fixtures the parsers are tested with, checked
 * against the carriers' own OpenAPI files, so neither can drift into a private dialect. DHL's
 * official spec is not available; its simulator is held to the documented example's shape.
 */
const CONTRACTS = path.resolve(__dirname, '../../../shared/contracts/carriers')
const ajv = new Ajv({ strict: false, allErrors: true })
ajv.addSchema(JSON.parse(readFileSync(path.join(CONTRACTS, 'fedex/track.json'), 'utf8')) as object, 'fedex')
ajv.addSchema(loadYaml(readFileSync(path.join(CONTRACTS, 'usps/tracking.yaml'), 'utf8')) as object, 'usps')

function assertSchema(ref: string, body: unknown): void {
  const validate = ajv.getSchema(ref)
  assert.ok(validate, `no schema ${ref}`)
  assert.ok(validate(body), `${ref}: ${ajv.errorsText(validate.errors)}`)
}

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0)
const HOUR = 3600_000

function request(
  host: string,
  method: string,
  reqPath: string,
  init: { headers?: Record<string, string>; body?: unknown; raw?: string; query?: string } = {}
): EmuRequest {
  return {
    method,
    host,
    path: reqPath,
    query: new URLSearchParams(init.query ?? ''),
    headers: Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    rawBody: Buffer.from(init.raw ?? (init.body === undefined ? '' : JSON.stringify(init.body))),
    body: init.body,
  }
}

const answer = async (handled: Promise<EmuResponse | undefined> | EmuResponse | undefined): Promise<EmuResponse> => {
  const response = await handled
  assert.ok(response, 'the simulator did not answer')
  return response
}

function scripted(
  carrier: SimulatedCarrier,
  numbers: string[],
  stories: Record<string, readonly import('./timelines').RelativeEvent[]>
): Timelines {
  const timelines = new Timelines()
  numbers.forEach((trackingNumber, i) => {
    const story = Object.keys(stories)[i % Object.keys(stories).length]
    timelines.script({
      carrier,
      trackingNumber,
      events: fromRelative(T0, stories[story]),
      estimatedDelivery: T0 + 60 * HOUR,
    })
  })
  return timelines
}

void describe('FedEx simulator speaks track.json', () => {
  const FEDEX = 'apis.fedex.com'
  const { clientId, clientSecret } = SIMULATOR_CREDENTIALS.fedex
  const form = (id: string, secret: string): string =>
    new URLSearchParams({ grant_type: 'client_credentials', client_id: id, client_secret: secret }).toString()
  const token = async (sim: ReturnType<typeof createFedexSimulator>): Promise<string> => {
    const res = await answer(
      sim.handle(
        request(FEDEX, 'POST', '/oauth/token', {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          raw: form(clientId, clientSecret),
        })
      )
    )
    assert.equal(res.status, 200)
    return (res.body as { access_token: string }).access_token
  }

  void it('every story, every hour: 200 bodies match TrkcResponseVO_TrackingNumber; unknown numbers are per-number errors', async () => {
    let now = T0
    const numbers = Array.from({ length: 7 }, (_, i) => String(700000000000 + i))
    const probe = createFedexSimulator({ timelines: new Timelines(), now: () => now })
    const timelines = scripted('fedex', numbers.slice(0, 6), probe.stories)
    const sim = createFedexSimulator({ timelines, now: () => now })
    for (now = T0 - HOUR; now < T0 + 90 * HOUR; now += 6 * HOUR) {
      const bearer = await token(sim)
      const res = await answer(
        sim.handle(
          request(FEDEX, 'POST', '/track/v1/trackingnumbers', {
            headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
            body: {
              includeDetailedScans: true,
              trackingInfo: numbers.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
            },
          })
        )
      )
      assert.equal(res.status, 200)
      assertSchema('fedex#/components/schemas/TrkcResponseVO_TrackingNumber', res.body)
      const results = (
        res.body as { output: { completeTrackResults: Array<{ trackResults: Array<{ error?: { code: string } }> }> } }
      ).output.completeTrackResults
      assert.equal(results.length, numbers.length)
      assert.equal(results[6].trackResults[0].error?.code, 'TRACKING.TRACKINGNUMBER.NOTFOUND')
    }
  })

  void it('errors use the spec shapes: 401 on bad credentials and expired tokens, 400 past 30 numbers', async () => {
    const sim = createFedexSimulator({ timelines: new Timelines(), now: () => T0 })
    const denied = await answer(
      sim.handle(
        request(FEDEX, 'POST', '/oauth/token', {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          raw: form(clientId, 'nope'),
        })
      )
    )
    assert.equal(denied.status, 401)
    assertSchema('fedex#/components/schemas/ErrorResponseVO401', denied.body)
    const expired = await answer(
      sim.handle(
        request(FEDEX, 'POST', '/track/v1/trackingnumbers', { headers: { authorization: 'Bearer old' }, body: {} })
      )
    )
    assert.equal(expired.status, 401)
    assertSchema('fedex#/components/schemas/ErrorResponseVO401', expired.body)
    const bearer = await token(sim)
    const tooMany = await answer(
      sim.handle(
        request(FEDEX, 'POST', '/track/v1/trackingnumbers', {
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: {
            includeDetailedScans: true,
            trackingInfo: Array.from({ length: 31 }, (_, i) => ({
              trackingNumberInfo: { trackingNumber: String(i + 1e11) },
            })),
          },
        })
      )
    )
    assert.equal(tooMany.status, 400)
    assertSchema('fedex#/components/schemas/ErrorResponseVO', tooMany.body)
  })

  void it('the recorded FedEx fixtures match the spec too', () => {
    const dir = path.resolve(__dirname, '../../node/carriers/fedex/__fixtures__')
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const body = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>
      if ('output' in body) assertSchema('fedex#/components/schemas/TrkcResponseVO_TrackingNumber', body)
      else if ('errors' in body) assertSchema('fedex#/components/schemas/ErrorResponseVO401', body)
    }
  })

  void it('the contract check itself rejects a broken body', () => {
    const validate = ajv.getSchema('fedex#/components/schemas/TrkcResponseVO_TrackingNumber')
    assert.ok(validate)
    assert.equal(validate({ output: { completeTrackResults: [{ trackResults: [{ scanEvents: 'x' }] }] } }), false)
  })
})

void describe('USPS simulator speaks tracking.yaml', () => {
  const USPS = 'apis.usps.com'
  const { clientId, clientSecret } = SIMULATOR_CREDENTIALS.usps

  void it('every story, every hour: DETAIL bodies match TrackingDetails, SUMMARY bodies TrackingSummary, unknown is a 404 ErrorMessage', async () => {
    let now = T0
    const numbers = [
      '9400111206206406260787',
      '9400111201080805483016',
      '9405803699300124287899',
      '9434611206206406227577',
      '9434611206206407667136',
      '9400111206206407628746',
    ]
    const probe = createUspsSimulator({ timelines: new Timelines(), now: () => now })
    const sim = createUspsSimulator({ timelines: scripted('usps', numbers.slice(0, 5), probe.stories), now: () => now })
    const token = async (): Promise<string> => {
      const res = await answer(
        sim.handle(
          request(USPS, 'POST', '/oauth2/v3/token', {
            headers: { 'content-type': 'application/json' },
            body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
          })
        )
      )
      return (res.body as { access_token: string }).access_token
    }
    let bearer = ''
    for (now = T0 + HOUR; now < T0 + 90 * HOUR; now += 6 * HOUR) {
      bearer = await token()
      for (const number of numbers.slice(0, 5)) {
        const res = await answer(
          sim.handle(
            request(USPS, 'GET', `/tracking/v3/tracking/${number}`, {
              headers: { authorization: `Bearer ${bearer}` },
              query: 'expand=DETAIL',
            })
          )
        )
        assert.equal(res.status, 200)
        assertSchema('usps#/components/schemas/TrackingDetails', res.body)
        const summary = await answer(
          sim.handle(
            request(USPS, 'GET', `/tracking/v3/tracking/${number}`, { headers: { authorization: `Bearer ${bearer}` } })
          )
        )
        assertSchema('usps#/components/schemas/TrackingSummary', summary.body)
      }
    }
    const unknown = await answer(
      sim.handle(
        request(USPS, 'GET', `/tracking/v3/tracking/${numbers[5]}`, {
          headers: { authorization: `Bearer ${bearer}` },
          query: 'expand=DETAIL',
        })
      )
    )
    assert.equal(unknown.status, 404)
    assertSchema('usps#/components/schemas/ErrorMessage', unknown.body)
    const denied = await answer(
      sim.handle(
        request(USPS, 'GET', `/tracking/v3/tracking/${numbers[0]}`, { headers: { authorization: 'Bearer stale' } })
      )
    )
    assert.equal(denied.status, 401)
    assert.equal(denied.headers?.['www-authenticate'], 'Bearer realm="https://api.usps.com"')
    assertSchema('usps#/components/schemas/ErrorMessage', denied.body)
  })

  void it('the recorded USPS fixtures match the spec too', () => {
    const dir = path.resolve(__dirname, '../../node/carriers/usps/__fixtures__')
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('oauth'))) {
      const body = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>
      assertSchema(`usps#/components/schemas/${'error' in body ? 'ErrorMessage' : 'TrackingDetails'}`, body)
    }
  })
})

void describe('DHL simulator', () => {
  const example = JSON.parse(
    readFileSync(path.join(CONTRACTS, 'dhl/karrio-dhl_universal-tracking-example.json'), 'utf8')
  ) as {
    trackingResponse: { shipments: Array<Record<string, unknown> & { events: Array<Record<string, unknown>> }> }
    error: Record<string, unknown>
  }

  void it('answers with the documented keys only, and problems shaped like the documented error', async () => {
    let now = T0
    const sim = createDhlSimulator({
      timelines: scripted('dhl', ['3318810025'], {
        delivered: createDhlSimulator({ timelines: new Timelines(), now: () => now }).stories.delivered,
      }),
      now: () => now,
    })
    now = T0 + 40 * HOUR
    const key = { 'DHL-API-Key': SIMULATOR_CREDENTIALS.dhl.apiKey }
    const res = await answer(
      sim.handle(
        request('api-eu.dhl.com', 'GET', '/track/shipments', { headers: key, query: 'trackingNumber=3318810025' })
      )
    )
    assert.equal(res.status, 200)
    const shipment = (
      res.body as { shipments: Array<Record<string, unknown> & { events: Array<Record<string, unknown>> }> }
    ).shipments[0]
    const documented = example.trackingResponse.shipments[0]
    for (const k of Object.keys(shipment)) assert.ok(k in documented, `undocumented shipment key ${k}`)
    for (const k of Object.keys(shipment.events[0])) assert.ok(k in documented.events[0], `undocumented event key ${k}`)
    const missing = await answer(
      sim.handle(
        request('api-eu.dhl.com', 'GET', '/track/shipments', { headers: key, query: 'trackingNumber=0000000000' })
      )
    )
    assert.equal(missing.status, 404)
    assert.deepEqual(Object.keys(missing.body as object).sort(), Object.keys(example.error).sort())
    const noKey = await answer(
      sim.handle(request('api-eu.dhl.com', 'GET', '/track/shipments', { query: 'trackingNumber=3318810025' }))
    )
    assert.equal(noKey.status, 401)
  })
})
