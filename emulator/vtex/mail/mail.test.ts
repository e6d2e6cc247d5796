import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { OrderStore } from '../oms'
import Database from 'better-sqlite3'
import { compile, TemplateError } from './handlebars'
import { Mailbox } from './mailbox'
import { sendOrderEmails } from './orderEmails'

void describe('emulated Handlebars', () => {
  void it('escapes, nests #if/else and refuses helpers it does not know', () => {
    const render = compile('{{#if a.b}}<b>{{a.b}}</b>{{#if c}}!{{else}}?{{/if}}{{/if}}{{{raw}}}')
    assert.equal(render({ a: { b: '<x>' }, raw: '<i>' }), '<b>&lt;x&gt;</b>?<i>')
    assert.throws(() => compile('{{#each items}}{{/each}}'), TemplateError)
    assert.throws(() => compile('{{formatDate when}}'), TemplateError)
    assert.throws(() => compile('{{#if a}}'), TemplateError)
  })
})

void describe("VTEX's own order emails", () => {
  const setup = (origin: 'Marketplace' | 'Fulfillment') => {
    const store = new OrderStore(new Database(':memory:'))
    const order = store.createOrder('acme', { origin, courier: 'UPS Ground', email: 'ana@example.com' })
    store.invoice('acme', order.orderId, {
      type: 'Output',
      invoiceNumber: 'NF1',
      invoiceValue: String(order.value),
      issuanceDate: new Date().toISOString(),
      items: [],
      courier: 'UPS Ground',
      trackingNumber: '1Z5R89390357567127',
    } as never)
    return { store, orderId: order.orderId, mailbox: new Mailbox() }
  }
  const write = (s: ReturnType<typeof setup>, kind: 'patch' | 'tracking', change: () => void): string[] => {
    const before = s.store.getOrder('acme', s.orderId)
    change()
    const after = s.store.getOrder('acme', s.orderId)
    if (!after) throw new Error('no order')
    const seen = s.mailbox.list().length
    sendOrderEmails(s.mailbox, { account: 'acme', kind, invoiceNumber: 'NF1', before, after }, Date.now())
    return s.mailbox
      .list()
      .slice(seen)
      .map((m) => m.templateName)
  }
  const track = (s: ReturnType<typeof setup>, descriptions: string[], delivered = false) =>
    write(s, 'tracking', () =>
      s.store.putTracking('acme', s.orderId, 'NF1', {
        isDelivered: delivered,
        deliveredDate: delivered ? '2026-11-05 10:00' : null,
        events: descriptions.map((description, i) => ({
          city: 'Austin',
          state: 'TX',
          description,
          date: `2026-11-0${i + 1}`,
        })),
      })
    )

  void it('shipped with number and URL, no first update (known issue), updates after, delivered once', () => {
    const s = setup('Marketplace')
    const patch = () =>
      s.store.patchInvoice('acme', s.orderId, 'NF1', {
        trackingNumber: '1Z5R89390357567127',
        trackingUrl: 'https://www.ups.com/track?tracknum=1Z5R89390357567127',
        dispatchedDate: null,
        courier: 'UPS Ground',
      })
    assert.deepEqual(write(s, 'patch', patch), ['vtexcommerce-order-shipped'])
    assert.deepEqual(write(s, 'patch', patch), [], 'only the first time')
    assert.deepEqual(track(s, ['Label']), [], 'the first shipping update is lost')
    assert.deepEqual(track(s, ['Label', 'Origin Scan']), ['vtexcommerce-order-shipping-update'])
    assert.deepEqual(track(s, ['Label', 'Origin Scan', 'Delivered'], true), [
      'vtexcommerce-order-shipping-update',
      'vtexcommerce-order-shipping-finished',
    ])
  })

  void it('nothing for a fulfillment order', () => {
    const s = setup('Fulfillment')
    assert.deepEqual(track(s, ['Label', 'Origin Scan']), [])
  })
})
