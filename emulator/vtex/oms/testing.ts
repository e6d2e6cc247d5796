/** Helpers shared by the OMS emulator tests (requests as the proxy builds them, sample bodies). */
import Database from 'better-sqlite3'

import type { EmuRequest, EmuResponse } from '../../http'
import { createOmsModule } from './module'
import { OrderStore } from './store'
import type { InvoiceRequest, OrderDocument, OrderStateChange } from './types'

export interface OmsHarness {
  store: OrderStore
  events: OrderStateChange[]
  call(method: string, path: string, options?: CallOptions): Promise<EmuResponse | undefined>
}

export interface CallOptions {
  body?: unknown
  host?: string
  account?: string | null
  headers?: Record<string, string>
}

export function omsHarness(): OmsHarness {
  const store = new OrderStore(new Database(':memory:'))
  const events: OrderStateChange[] = []
  const module = createOmsModule({ store, onStateChange: (event) => events.push(event) })
  return {
    store,
    events,
    call: async (method, path, options = {}) => module.handle(omsRequest(method, path, options)),
  }
}

/** A request as `readRequest` hands it over: decoded path, parsed query, lower-case headers. */
export function omsRequest(method: string, path: string, options: CallOptions = {}): EmuRequest {
  const [pathname, search = ''] = path.split('?')
  const query = new URLSearchParams(search)
  const host = options.host ?? 'portal.vtexcommercestable.com.br'
  const account = options.account === undefined ? 'acme' : options.account
  if (account !== null && host === 'portal.vtexcommercestable.com.br' && !query.has('an')) query.set('an', account)
  const headers = options.headers ?? { vtexidclientautcookie: 'APP-TOKEN' }
  const rawBody = options.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(options.body))
  return {
    method,
    host,
    path: decodeURIComponent(pathname),
    query,
    headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
    rawBody,
    body: options.body,
  }
}

/** A valid Output invoice for the whole order, with the tracking fields left empty as the spec asks. */
export function invoiceFor(order: OrderDocument, overrides: Partial<InvoiceRequest> = {}): InvoiceRequest {
  return {
    type: 'Output',
    issuanceDate: '2024-02-09T10:10:20-03:00',
    invoiceNumber: 'NF-000123',
    invoiceValue: String(order.value),
    invoiceKey: null,
    invoiceUrl: null,
    embeddedInvoice: null,
    courier: '',
    trackingNumber: '',
    trackingUrl: '',
    dispatchedDate: null,
    items: order.items.map((item) => ({ id: item.id, price: item.price, quantity: item.quantity })),
    ...overrides,
  }
}

export const trackingNumberBody = {
  trackingNumber: 'AA123456789BR',
  trackingUrl: 'https://rastreamento.correios.com.br/app/index.php?objeto=AA123456789BR',
  courier: 'Correios SEDEX',
  dispatchedDate: '2024-02-09T13:16:13.4617653+00:00',
}

export const trackingBody = {
  isDelivered: false,
  deliveredDate: null,
  events: [
    { city: 'Rio de Janeiro', state: 'RJ', description: 'Coletado pela transportadora', date: '2015-06-23' },
    { city: 'Sao Paulo', state: 'SP', description: 'A caminho de Curitiba', date: '2015-06-24' },
  ],
}

export const bodyOf = (response: EmuResponse | undefined): Record<string, unknown> => {
  if (!response) throw new Error('the OMS module did not answer')
  return response.body as Record<string, unknown>
}
