import assert from 'node:assert/strict'
import { beforeEach, describe, it } from 'node:test'

import { parseAppSettings } from '../../settings/appSettings'
import { testRecord } from '../../tracking/testRecord'
import type { ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import { notifyShipment } from './notifyShipment'
import { resetPublishedTemplates } from './sendNotice'

/** VBase with ETags and If-Match, as the real one (and the emulator) answer. */
class FakeVBase {
  files = new Map<string, { body: string; etag: string }>()
  private version = 0
  async getRawJSON(bucket: string, path: string) {
    await tick()
    const file = this.files.get(`${bucket}/${path}`)
    return file ? { data: JSON.parse(file.body) as unknown, headers: { etag: file.etag } } : null
  }
  async saveJSON(bucket: string, path: string, data: unknown, _tracing: unknown, ifMatch?: string) {
    await tick()
    const key = `${bucket}/${path}`
    if (ifMatch !== undefined && this.files.get(key)?.etag !== ifMatch) {
      throw Object.assign(new Error('precondition failed'), { response: { status: 412 } })
    }
    this.files.set(key, { body: JSON.stringify(data), etag: `"${++this.version}"` })
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.random() * 5))

let vbase: FakeVBase
let sent: Array<{ templateName: string; jsonData: { data: Record<string, string> } }>
let sendFails: number | 'timeout' | null

const ctx = (): AppContext =>
  ({
    vtex: { account: 'acme', logger: { info: () => undefined, warn: () => undefined, error: () => undefined } },
    clients: {
      vbase,
      oms: {
        order: async () => ({
          orderId: 'o-1',
          origin: 'Fulfillment',
          clientProfileData: { email: 'ana@example.com', firstName: 'Ana' },
          clientPreferencesData: { locale: 'es-AR' },
        }),
      },
      mail: {
        getTemplate: async () => null,
        publishTemplate: async () => ({}),
        sendMail: async (body: (typeof sent)[number]) => {
          await tick()
          if (sendFails === 'timeout')
            throw Object.assign(new Error('timeout of 5000ms exceeded'), { code: 'ECONNABORTED' })
          if (typeof sendFails === 'number')
            throw Object.assign(new Error('refused'), { response: { status: sendFails } })
          sent.push(body)
          return 'ok'
        },
      },
    },
  }) as unknown as AppContext

const settings = parseAppSettings({})
const now = Date.now()
const record = (overrides: Partial<ShipmentRecord> = {}): ShipmentRecord =>
  testRecord({
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z5R89390357567127',
    invoicePatchedAt: new Date(now - 3600_000).toISOString(),
    events: [
      {
        occurredAt: new Date(now - 60_000).toISOString(),
        status: 'OUT_FOR_DELIVERY',
        carrierCode: 'I/OT/021',
        description: 'Out For Delivery Today',
        location: { city: 'Austin', state: 'TX' },
      },
    ],
    ...overrides,
  })
const input = (overrides: Partial<ShipmentRecord> = {}) => ({
  record: record(overrides),
  changed: true,
  invoicePatched: false,
  settings,
})

void describe('notifyShipment', () => {
  beforeEach(() => {
    vbase = new FakeVBase()
    sent = []
    sendFails = null
    resetPublishedTemplates()
  })

  void it('sends the newest news once, in the order language, and records it', async () => {
    const summary = await notifyShipment(ctx(), input())
    await notifyShipment(ctx(), input())
    assert.deepEqual(
      sent.map((s) => s.templateName),
      ['order-tracking-out-for-delivery_es']
    )
    assert.equal(sent[0].jsonData.data.email, 'ana@example.com')
    assert.equal(sent[0].jsonData.data.trackingUrl, 'https://www.ups.com/track?tracknum=1Z5R89390357567127')
    assert.deepEqual(summary, { emailsSent: 1, emailsSuppressed: 1, emailOutcome: 'sent' })
  })

  void it('concurrent workers on the same shipment send one email between them', async () => {
    // The ledger exists (an earlier decision): from then on every write is compare-and-swap.
    await vbase.saveJSON('notices', `${record().id}.json`, { entries: [] }, undefined)
    await Promise.all(Array.from({ length: 6 }, () => notifyShipment(ctx(), input())))
    assert.equal(sent.length, 1)
  })

  void it('a refused send is retried by a later check; a timed-out one never is', async () => {
    sendFails = 503
    const refused = await notifyShipment(ctx(), input())
    assert.equal(sent.length, 0)
    assert.equal(refused?.emailOutcome, 'failed')
    sendFails = null
    await notifyShipment(ctx(), { ...input({ emailOutcome: 'failed' }), changed: false })
    assert.equal(sent.length, 1, 'retried on an unchanged check because the registry says failed')

    vbase = new FakeVBase()
    sent = []
    sendFails = 'timeout'
    await notifyShipment(ctx(), input())
    sendFails = null
    await notifyShipment(ctx(), { ...input({ emailOutcome: 'failed' }), changed: false })
    assert.equal(sent.length, 0, 'it may have gone out: never sent again')
  })

  void it('never throws, whatever fails', async () => {
    const broken = ctx()
    ;(broken.clients as unknown as { vbase: unknown }).vbase = {
      getRawJSON: async () => {
        throw new Error('vbase down')
      },
    }
    await notifyShipment(broken, input())
    assert.equal(sent.length, 0)
  })
})
