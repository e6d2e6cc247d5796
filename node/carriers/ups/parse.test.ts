import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { CarrierResponseError } from '../../errors'
import type { TrackingStatus } from '../../tracking/status'
import type { TrackingResult } from '../../tracking/carrierResult'
import type { UpsActivity, UpsTrackApiResponse, UpsTrackResponse } from './parse'
import { parseUpsTracking, upsErrorMessage } from './parse'

const fixture = (name: string): UpsTrackResponse =>
  JSON.parse(readFileSync(path.join(__dirname, '__fixtures__', `${name}.json`), 'utf8')) as UpsTrackResponse

const parseOne = (raw: UpsTrackResponse, number: string): TrackingResult => {
  const results = parseUpsTracking(raw, [number])
  assert.equal(results.length, 1)
  return results[0]
}

/** A response with the given activities (newest first), as UPS would send them. */
const withActivities = (activity: UpsActivity[], extra: Record<string, unknown> = {}): UpsTrackApiResponse => ({
  trackResponse: {
    shipment: [{ inquiryNumber: '1ZTEST', package: [{ trackingNumber: '1ZA1B2C30310000100', activity, ...extra }] }],
  },
})

const activity = (statusCode: string | undefined, type = 'I', hhmmss = '120000', code = 'XX'): UpsActivity => ({
  status: { type, code, ...(statusCode === undefined ? {} : { statusCode }), description: `code ${statusCode}` },
  date: '20230310',
  time: hhmmss,
  gmtDate: '20230310',
  gmtTime: `${String(Number(hhmmss.slice(0, 2)) + 5).padStart(2, '0')}:${hhmmss.slice(2, 4)}:${hhmmss.slice(4, 6)}`,
  gmtOffset: '-05:00',
})

const LABEL_EVENT = {
  status: 'INFO_RECEIVED',
  substatus: 'label_created',
  carrierCode: 'M/MP/003',
  description: 'Shipper created a label, UPS has not received the package yet.',
  location: { country: 'US' },
} as const

void describe('parseUpsTracking: one fixture per state', () => {
  void it('a scan without any offset is read in its state zone (Arizona keeps -07:00 in summer)', () => {
    const scan: UpsActivity = {
      status: { type: 'I', code: 'AR', statusCode: '005', description: 'Arrived at Facility' },
      location: { address: { city: 'PHOENIX', stateProvince: 'AZ', countryCode: 'US' } },
      date: '20230710',
      time: '093000',
    }
    const [event] = parseOne(withActivities([scan]), '1ZA1B2C30310000100').events
    assert.equal(event.occurredAt, '2023-07-10T09:30:00-07:00')
    assert.equal(event.occurredAtLocal, '20230710 093000')
  })

  void it('delivered: full normalised result, ascending, mixed zones, deliveredAt from the delivery scan', () => {
    const result = parseOne(fixture('delivered'), '1Z1442YY7229014688')
    assert.deepEqual(result, {
      carrier: 'ups',
      trackingNumber: '1Z1442YY7229014688',
      found: true,
      status: 'DELIVERED',
      deliveredAt: '2022-01-26T16:30:00-05:00',
      events: [
        { occurredAt: '2022-01-24T11:16:41-05:00', occurredAtLocal: '20220124 111641', ...LABEL_EVENT },
        {
          occurredAt: '2022-01-24T15:59:00-06:00',
          occurredAtLocal: '20220124 155900',
          status: 'IN_TRANSIT',
          substatus: 'picked_up',
          carrierCode: 'I/OR/038',
          description: 'Origin Scan',
          location: { city: 'CHICAGO', state: 'IL', postalCode: '60608', country: 'US' },
        },
        {
          occurredAt: '2022-01-24T19:05:00-06:00',
          occurredAtLocal: '20220124 190500',
          status: 'IN_TRANSIT',
          carrierCode: 'I/DP/005',
          description: 'Departed from Facility',
          location: { city: 'HODGKINS', state: 'IL', postalCode: '60525', country: 'US' },
        },
        {
          occurredAt: '2022-01-25T22:41:00-05:00',
          occurredAtLocal: '20220125 224100',
          status: 'IN_TRANSIT',
          carrierCode: 'I/AR/005',
          description: 'Arrived at Facility',
          location: { city: 'SECAUCUS', state: 'NJ', postalCode: '07094', country: 'US' },
        },
        {
          occurredAt: '2022-01-26T09:12:08-05:00',
          occurredAtLocal: '20220126 091208',
          status: 'OUT_FOR_DELIVERY',
          carrierCode: 'I/OT/072',
          description: 'Loaded on Delivery Vehicle',
          location: { city: 'PARAMUS', state: 'NJ', postalCode: '07652', country: 'US' },
        },
        {
          occurredAt: '2022-01-26T16:30:00-05:00',
          occurredAtLocal: '20220126 163000',
          status: 'DELIVERED',
          carrierCode: 'D/F4/011',
          description: 'DELIVERED',
          location: { city: 'PARAMUS', state: 'NJ', postalCode: '07652', country: 'US' },
        },
      ],
      messages: [],
    })
  })

  void it('in transit: an event at 23:30 local -05:00 is 04:30 UTC the next day, and sorts before 06:15', () => {
    const result = parseOne(fixture('in_transit'), '1ZA1B2C30310000011')
    assert.equal(result.status, 'IN_TRANSIT')
    assert.equal(result.substatus, undefined)
    assert.equal(result.estimatedDelivery, '2023-03-13')
    assert.equal(result.deliveredAt, undefined)
    const departed = result.events[2]
    assert.equal(departed.carrierCode, 'I/DP/005')
    assert.equal(departed.occurredAt, '2023-03-09T23:30:00-05:00')
    assert.equal(departed.occurredAtLocal, '20230309 233000')
    assert.equal(new Date(departed.occurredAt).toISOString(), '2023-03-10T04:30:00.000Z')
    assert.deepEqual(
      result.events.map((e) => e.carrierCode),
      ['M/MP/003', 'I/OR/038', 'I/DP/005', 'I/AR/005']
    )
    assert.deepEqual(result.messages, [])
  })

  void it('out for delivery (072 then 021)', () => {
    const result = parseOne(fixture('out_for_delivery'), '1ZA1B2C30310000020')
    assert.equal(result.status, 'OUT_FOR_DELIVERY')
    assert.deepEqual(
      result.events.slice(-2).map((e) => [e.carrierCode, e.status, e.occurredAt]),
      [
        ['I/OT/072', 'OUT_FOR_DELIVERY', '2023-03-13T06:40:00-05:00'],
        ['I/OT/021', 'OUT_FOR_DELIVERY', '2023-03-13T08:05:00-05:00'],
      ]
    )
  })

  void it('attempt (022): ATTEMPT_FAIL, and the rescheduled date (RDD) wins over SDD', () => {
    const result = parseOne(fixture('attempt'), '1ZA1B2C30310000039')
    assert.equal(result.status, 'ATTEMPT_FAIL')
    assert.equal(result.estimatedDelivery, '2023-03-15')
    const last = result.events.at(-1)
    assert.deepEqual(last, {
      occurredAt: '2023-03-14T14:22:00-05:00',
      occurredAtLocal: '20230314 142200',
      status: 'ATTEMPT_FAIL',
      carrierCode: 'X/48/022',
      description: "The receiver was not available for delivery. We'll make a second attempt the next business day.",
      location: { city: 'AUSTIN', state: 'TX', postalCode: '78704', country: 'US' },
    })
  })

  void it('exception (X/04/013)', () => {
    const result = parseOne(fixture('exception'), '1ZA1B2C30310000048')
    assert.equal(result.status, 'EXCEPTION')
    assert.equal(result.events.at(-1)?.occurredAt, '2023-03-15T11:00:00-07:00')
  })

  void it('returned (034) although the scan type is D: never DELIVERED', () => {
    const result = parseOne(fixture('returned'), '1ZA1B2C30310000057')
    assert.equal(result.status, 'RETURNED')
    assert.equal(result.deliveredAt, undefined)
    assert.deepEqual(
      result.events.map((e) => [e.carrierCode, e.status, e.substatus]),
      [
        ['M/MP/003', 'INFO_RECEIVED', 'label_created'],
        ['I/OR/038', 'IN_TRANSIT', 'picked_up'],
        ['I/AR/005', 'IN_TRANSIT', undefined],
        ['X/53/064', 'RETURN_TO_SENDER', 'refused'],
        ['I/RS/033', 'RETURN_TO_SENDER', undefined],
        ['I/AR/036', 'RETURN_TO_SENDER', undefined],
        ['D/RS/034', 'RETURNED', undefined],
      ]
    )
  })

  void it('return to sender in progress (033) after the final attempt', () => {
    const result = parseOne(fixture('rts_in_progress'), '1ZA1B2C30310000066')
    assert.equal(result.status, 'RETURN_TO_SENDER')
    assert.equal(result.events.at(-2)?.status, 'ATTEMPT_FAIL')
  })

  void it('label created only', () => {
    const result = parseOne(fixture('label_created'), '1ZA1B2C30310000075')
    assert.deepEqual(result, {
      carrier: 'ups',
      trackingNumber: '1ZA1B2C30310000075',
      found: true,
      status: 'INFO_RECEIVED',
      substatus: 'label_created',
      estimatedDelivery: '2023-03-27',
      events: [{ occurredAt: '2023-03-22T16:20:05-05:00', occurredAtLocal: '20230322 162005', ...LABEL_EVENT }],
      messages: [],
    })
  })

  void it('not found as a 404 body: data, not an exception', () => {
    assert.deepEqual(parseUpsTracking(fixture('not_found_404'), ['1ZA1B2C30310000084']), [
      {
        carrier: 'ups',
        trackingNumber: '1ZA1B2C30310000084',
        found: false,
        status: 'PENDING',
        events: [],
        messages: [{ code: 'NOT_FOUND', message: 'TW0001: Tracking Information Not Found' }],
      },
    ])
  })

  void it('not found as a 200 with a shipment warning and no package', () => {
    const result = parseOne(fixture('not_found_200_warning'), '1ZA1B2C30310000084')
    assert.equal(result.found, false)
    assert.equal(result.status, 'PENDING')
    assert.deepEqual(result.messages, [{ code: 'NOT_FOUND', message: 'TW0001: Tracking Information Not Found' }])
  })

  void it('a body that is not the documented shape throws CarrierResponseError', () => {
    assert.throws(() => parseUpsTracking(fixture('malformed'), ['1ZA1B2C30310000093']), CarrierResponseError)
    for (const raw of [null, 'oops', [], {}, { response: {} }, { trackResponse: { shipment: [{ package: [5] }] } }]) {
      assert.throws(() => parseUpsTracking(raw as unknown as UpsTrackResponse, ['1Z']), CarrierResponseError)
    }
    const badStatus = withActivities([{ ...activity('011', 'D'), status: 'D' as unknown as undefined }])
    assert.throws(() => parseUpsTracking(badStatus, ['1ZA1B2C30310000100']), CarrierResponseError)
  })

  void it('the karrio sample (no gmt fields, placeholder currentStatus, a shipment warning)', () => {
    const samplePath = path.resolve(
      __dirname,
      '../../../../shared/contracts/carriers/ups/samples/karrio-ups-tracking_response.json'
    )
    const raw = JSON.parse(readFileSync(samplePath, 'utf8')) as UpsTrackResponse
    const result = parseOne(raw, '1Z1442YY7229014688')
    // currentStatus says statusCode 003; the activity says delivered, and the activity wins.
    assert.equal(result.status, 'DELIVERED')
    // No offset anywhere: the zone comes from the scan's place (Paramus, NJ; a US-only label scan
    // takes the country's main zone), raw value kept.
    assert.equal(result.deliveredAt, '2022-01-26T16:30:00-05:00')
    assert.deepEqual(
      result.events.map((e) => [e.occurredAt, e.occurredAtLocal, e.carrierCode]),
      [
        ['2022-01-26T15:16:41-05:00', '20220126 151641', 'M/MP/003'],
        ['2022-01-26T16:30:00-05:00', '20220126 163000', 'D/F4/011'],
      ]
    )
    assert.deepEqual(result.messages, [{ code: 'CARRIER_MESSAGE', message: '250003: Invalid Access License number' }])
  })

  void it('returns one result per requested number, in request order', () => {
    const results = parseUpsTracking(fixture('in_transit'), ['1ZUNKNOWN0000000', '1za1b2c3 0310000011'])
    assert.deepEqual(
      results.map((r) => [r.trackingNumber, r.found, r.status]),
      [
        ['1ZUNKNOWN0000000', false, 'PENDING'],
        ['1za1b2c3 0310000011', true, 'IN_TRANSIT'],
      ]
    )
  })
})

void describe('parseUpsTracking: status table', () => {
  // carrier-apis.md section 9, UPS table, written out independently of statusMap.ts.
  const rows: Array<[TrackingStatus, string[]]> = [
    ['INFO_RECEIVED', ['003', '157', '166', '079', '080']],
    ['FAILURE', ['007', '068', '069', '147', '149']],
    ['IN_TRANSIT', ['038', '160', '167', '168', '169', '005', '010', '025', '039', '047', '087', '158', '159']],
    ['IN_TRANSIT', ['164', '165', '071', '073', '074', '075', '012', '092', '014', '084', '134']],
    ['OUT_FOR_DELIVERY', ['006', '021', '037', '072', '089', '091', '146', '162']],
    ['AVAILABLE_FOR_PICKUP', ['017', '040', '144', '161']],
    ['ATTEMPT_FAIL', ['022', '023', '024', '060', '061', '062', '065', '066', '145']],
    ['DELIVERED', ['011', '026', '143']],
    ['EXCEPTION', ['013', '029', '030', '046', '048', '049', '050', '051', '052', '053', '058', '059', '076']],
    ['EXCEPTION', ['083', '085', '123', '124', '125', '126', '132', '139', '141', '086', '090']],
    ['RETURN_TO_SENDER', ['033', '035', '036', '119', '118', '064']],
    ['RETURNED', ['034', '067', '081']],
  ]
  for (const [status, codes] of rows) {
    void it(`${codes.join(', ')} -> ${status}`, () => {
      for (const code of codes) {
        const result = parseOne(withActivities([activity(code)]), '1ZA1B2C30310000100')
        assert.equal(result.status, status, `statusCode ${code}`)
        assert.deepEqual(result.messages, [], `statusCode ${code}`)
      }
    })
  }

  void it('substatus per code', () => {
    const expected: Array<[string, string | undefined]> = [
      ['003', 'label_created'],
      ['038', 'picked_up'],
      ['160', 'accepted'],
      ['012', 'customs_processing'],
      ['134', 'customs_released'],
      ['161', 'delivered_to_pickup_point'],
      ['143', 'delivered_to_agent'],
      ['048', 'delayed'],
      ['052', 'weather_delay'],
      ['059', 'damaged'],
      ['064', 'refused'],
      ['068', 'lost'],
      ['147', 'seized'],
      ['149', 'disposed'],
      ['007', 'cancelled'],
      ['005', undefined],
      ['011', undefined],
    ]
    for (const [code, substatus] of expected) {
      assert.equal(parseOne(withActivities([activity(code)]), '1ZA1B2C30310000100').substatus, substatus, code)
    }
  })

  void it('accepts status codes without leading zeros ("11")', () => {
    assert.equal(parseOne(withActivities([activity('11', 'D')]), '1ZA1B2C30310000100').status, 'DELIVERED')
  })

  void it('no unmapped status code ever becomes DELIVERED, whatever the type letter', () => {
    const delivered = new Set(['011', '026', '143'])
    for (let n = 0; n < 1000; n++) {
      const code = String(n).padStart(3, '0')
      for (const type of ['D', 'I', 'X']) {
        const result = parseOne(withActivities([activity(code, type)]), '1ZA1B2C30310000100')
        assert.equal(result.status === 'DELIVERED', delivered.has(code), `${type}/${code} -> ${result.status}`)
      }
    }
  })

  void it('type D with an unmapped statusCode is UNKNOWN with an UNMAPPED_CODE message', () => {
    const result = parseOne(withActivities([activity('999', 'D', '120000', 'ZZ')]), '1ZA1B2C30310000100')
    assert.equal(result.status, 'UNKNOWN')
    assert.equal(result.deliveredAt, undefined)
    assert.deepEqual(result.messages, [
      { code: 'UNMAPPED_CODE', message: 'UPS status D/ZZ/999 ("code 999") is not in the status table' },
    ])
  })

  void it('without a statusCode the activity type decides (D is UPS\'s own "Delivered" type)', () => {
    const byType: Array<[string, TrackingStatus]> = [
      ['D', 'DELIVERED'],
      ['I', 'IN_TRANSIT'],
      ['M', 'INFO_RECEIVED'],
      ['MV', 'FAILURE'],
      ['X', 'EXCEPTION'],
    ]
    for (const [type, status] of byType) {
      assert.equal(parseOne(withActivities([activity(undefined, type)]), '1ZA1B2C30310000100').status, status, type)
    }
    const freight = parseOne(withActivities([activity(undefined, 'W', '120000', 'WH')]), '1ZA1B2C30310000100')
    assert.equal(freight.status, 'UNKNOWN')
    assert.equal(freight.messages[0]?.code, 'UNMAPPED_CODE')
  })

  void it('type U updates (153-155) are events that never change the status', () => {
    const result = parseOne(
      withActivities([activity('154', 'U', '150000', 'UP'), activity('021', 'I', '090000', 'OT')]),
      '1ZA1B2C30310000100'
    )
    assert.equal(result.status, 'OUT_FOR_DELIVERY')
    assert.deepEqual(
      result.events.map((e) => [e.carrierCode, e.status]),
      [
        ['I/OT/021', 'OUT_FOR_DELIVERY'],
        ['U/UP/154', 'OUT_FOR_DELIVERY'],
      ]
    )
  })

  void it('a terminal status is not reopened by a later non-terminal scan', () => {
    const result = parseOne(
      withActivities([activity('013', 'X', '170000'), activity('011', 'D', '160000', 'FS')]),
      '1ZA1B2C30310000100'
    )
    assert.equal(result.status, 'DELIVERED')
    assert.equal(result.deliveredAt, '2023-03-10T16:00:00-05:00')
    assert.equal(result.events.at(-1)?.status, 'EXCEPTION')
  })

  void it('a package without activity is INFO_RECEIVED with a NO_EVENTS message', () => {
    const result = parseOne(withActivities([]), '1ZA1B2C30310000100')
    assert.equal(result.found, true)
    assert.equal(result.status, 'INFO_RECEIVED')
    assert.deepEqual(result.messages, [{ code: 'NO_EVENTS', message: 'UPS knows the number but has no scans yet' }])
  })
})

void describe('parseUpsTracking: time', () => {
  const at = (a: UpsActivity): string => parseOne(withActivities([a]), '1ZA1B2C30310000100').events[0].occurredAt

  void it('builds the instant from the gmt fields and writes it in the scan offset', () => {
    const a: UpsActivity = {
      status: { type: 'I', code: 'DP', statusCode: '005' },
      date: '20231231',
      time: '233000',
      gmtDate: '20240101',
      gmtTime: '04:30:00',
      gmtOffset: '-05:00',
    }
    assert.equal(at(a), '2023-12-31T23:30:00-05:00')
    assert.equal(Date.parse(at(a)), Date.UTC(2024, 0, 1, 4, 30, 0))
  })

  void it('accepts gmtTime as HHMMSS and as the spec example "74700"', () => {
    const base = { status: { statusCode: '005' }, date: '20210210', time: '024700', gmtDate: '20210210' }
    assert.equal(at({ ...base, gmtTime: '074700', gmtOffset: '-05:00' }), '2021-02-10T02:47:00-05:00')
    assert.equal(at({ ...base, gmtTime: '74700', gmtOffset: '-05:00' }), '2021-02-10T02:47:00-05:00')
  })

  void it('derives the offset from local vs gmt when gmtOffset is missing', () => {
    const a = {
      status: { statusCode: '005' },
      date: '20210210',
      time: '014700',
      gmtDate: '20210210',
      gmtTime: '07:47:00',
    }
    assert.equal(at(a), '2021-02-10T01:47:00-06:00')
  })

  void it('uses local time with gmtOffset when the gmt fields are missing', () => {
    assert.equal(
      at({ status: { statusCode: '005' }, date: '20210210', time: '233000', gmtOffset: '+09:30' }),
      '2021-02-10T23:30:00+09:30'
    )
  })

  void it('writes a known zero offset as +00:00 and an unknown one as Z', () => {
    const gmt = {
      status: { statusCode: '005' },
      date: '20210210',
      time: '120000',
      gmtDate: '20210210',
      gmtTime: '12:00:00',
    }
    assert.equal(at({ ...gmt, gmtOffset: '+00:00' }), '2021-02-10T12:00:00+00:00')
    assert.equal(at({ status: { statusCode: '005' }, date: '20210210', time: '120000' }), '2021-02-10T12:00:00Z')
  })

  void it('rejects impossible dates and times instead of rolling them over', () => {
    const bad = [
      { status: { statusCode: '005' }, date: '20230231', time: '120000' },
      { status: { statusCode: '005' }, date: '2023-02-01', time: '120000' },
      { status: { statusCode: '005' }, date: '20230201', time: '250000' },
      { status: { statusCode: '005' } },
    ]
    for (const a of bad) assert.throws(() => at(a), CarrierResponseError, JSON.stringify(a))
  })
})

void describe('upsErrorMessage', () => {
  void it('joins UPS errors and ignores other shapes', () => {
    assert.equal(
      upsErrorMessage({ response: { errors: [{ code: '10401', message: 'ClientId is Invalid' }, { message: 'x' }] } }),
      '10401: ClientId is Invalid; x'
    )
    assert.equal(upsErrorMessage({ response: { errors: [] } }), undefined)
    assert.equal(upsErrorMessage({ error: 'nope' }), undefined)
    assert.equal(upsErrorMessage('<html>'), undefined)
  })
})
