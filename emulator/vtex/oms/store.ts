/**
 * The emulated OMS state, persisted in SQLite. Each order is kept whole as its GetOrder JSON, with
 * the columns list filters and sorts need beside it. The write endpoints' rules (invoicing.ts) run
 * here, not in the HTTP module, so control endpoints and tests that call the store directly get
 * the same behaviour as the app does over HTTP.
 */
import type { Database } from 'better-sqlite3'

import { eventDate } from './dates'
import { applyInvoice, applyTracking, applyTrackingNumber, receiptFor } from './invoicing'
import { buildStats, itemCount, parseListQuery, toListItem } from './listing'
import type { StatRow } from './listing'
import { buildOrder, orderIdPrefix } from './orderFactory'
import { OmsError } from './types'
import type {
  InvoiceRequest,
  ListOrdersQuery,
  NewOrderInput,
  OrderDocument,
  PatchInvoiceRequest,
  Receipt,
  StatusTransition,
  TrackingRequest,
} from './types'

export interface InvoiceResult {
  receipt: Receipt
  order: OrderDocument
  /** Set when the invoice moved the order to another status (what the broadcaster reports). */
  transition?: StatusTransition
}

export interface ListOrdersResult {
  list: Record<string, unknown>[]
  facets: string[]
  paging: { total: number; pages: number; currentPage: number; perPage: number }
  stats: Record<string, unknown>
}

interface OrderRow {
  doc: string
  status_changed_at: string
}

const FIRST_SEQUENCE = 500000

export class OrderStore {
  constructor(private readonly db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS oms_orders (
        account TEXT NOT NULL,
        order_id TEXT NOT NULL,
        sequence TEXT NOT NULL,
        status TEXT NOT NULL,
        origin TEXT NOT NULL,
        creation_date INTEGER NOT NULL,
        invoiced_date INTEGER,
        status_changed_at TEXT NOT NULL,
        total_value INTEGER NOT NULL,
        total_items INTEGER NOT NULL,
        currency TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (account, order_id)
      );
      CREATE INDEX IF NOT EXISTS oms_orders_status ON oms_orders (account, status, creation_date);
      CREATE INDEX IF NOT EXISTS oms_orders_creation ON oms_orders (account, creation_date);
      CREATE INDEX IF NOT EXISTS oms_orders_invoiced ON oms_orders (account, invoiced_date);
      CREATE INDEX IF NOT EXISTS oms_orders_sequence ON oms_orders (account, sequence);
      CREATE TABLE IF NOT EXISTS oms_sequences (account TEXT PRIMARY KEY, last INTEGER NOT NULL);
    `)
  }

  createOrder(account: string, input: NewOrderInput = {}): OrderDocument {
    if (!/^[a-z0-9-]+$/.test(account)) throw new OmsError(400, `invalid account name '${account}'`)
    return this.db.transaction((): OrderDocument => {
      this.db
        .prepare(
          `INSERT INTO oms_sequences (account, last) VALUES (?, ?)
           ON CONFLICT (account) DO UPDATE SET last = last + 1`
        )
        .run(account, FIRST_SEQUENCE + 1)
      const { last } = this.db.prepare('SELECT last FROM oms_sequences WHERE account = ?').get(account) as {
        last: number
      }
      const sequence = String(last)
      const orderId = input.orderId ?? `${orderIdPrefix(account)}${sequence}-01`
      if (this.getOrder(account, orderId)) throw new OmsError(409, `Order ${orderId} already exists`)
      const order = buildOrder(account, orderId, sequence, input)
      this.db
        .prepare(
          `INSERT INTO oms_orders (account, order_id, sequence, status, origin, creation_date, invoiced_date,
             status_changed_at, total_value, total_items, currency, doc)
           VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`
        )
        .run(
          account,
          orderId,
          sequence,
          order.status,
          order.origin,
          Date.parse(order.creationDate),
          eventDate(new Date(order.creationDate)),
          order.value,
          itemCount(order),
          order.storePreferencesData.currencyCode,
          JSON.stringify(order)
        )
      return order
    })()
  }

  /** By order id, or by sequence as `seq502556` (both are documented for GetOrder). */
  getOrder(account: string, orderId: string): OrderDocument | undefined {
    const row = this.findRow(account, orderId)
    return row ? (JSON.parse(row.doc) as OrderDocument) : undefined
  }

  listOrders(account: string, query: ListOrdersQuery = {}): ListOrdersResult {
    const parsed = parseListQuery(query)
    const where = ['account = ?']
    const params: (string | number)[] = [account]
    if (parsed.statuses.length) {
      where.push(`status IN (${parsed.statuses.map(() => '?').join(', ')})`)
      params.push(...parsed.statuses)
    }
    for (const [column, range] of [
      ['creation_date', parsed.creation],
      ['invoiced_date', parsed.invoiced],
    ] as const) {
      if (!range) continue
      where.push(`${column} IS NOT NULL`)
      if (range.from !== undefined) {
        where.push(`${column} >= ?`)
        params.push(range.from)
      }
      if (range.to !== undefined) {
        where.push(`${column} <= ?`)
        params.push(range.to)
      }
    }
    const whereSql = where.join(' AND ')
    const statRows = this.db
      .prepare(`SELECT total_value AS value, total_items AS items, origin, currency FROM oms_orders WHERE ${whereSql}`)
      .all(...params) as StatRow[]
    const { column, direction } = parsed.orderBy
    const docs = this.db
      .prepare(
        `SELECT doc FROM oms_orders WHERE ${whereSql} ORDER BY ${column} ${direction}, order_id ${direction}
         LIMIT ? OFFSET ?`
      )
      .all(...params, parsed.perPage, (parsed.page - 1) * parsed.perPage) as { doc: string }[]
    const total = statRows.length
    return {
      list: docs.map((row) => toListItem(JSON.parse(row.doc) as OrderDocument)),
      facets: [],
      paging: { total, pages: Math.ceil(total / parsed.perPage), currentPage: parsed.page, perPage: parsed.perPage },
      stats: buildStats(statRows),
    }
  }

  /** Invoice notification; see applyInvoice for the rules. */
  invoice(account: string, orderId: string, body: InvoiceRequest): InvoiceResult {
    return this.db.transaction((): InvoiceResult => {
      const { order, row } = this.requireOrder(account, orderId)
      const now = new Date()
      const transition = applyInvoice(order, body, now, row.status_changed_at)
      this.save(account, order, transition?.currentChangeDate)
      return { receipt: receiptFor(order, now), order, transition }
    })()
  }

  /** Partial-invoice PATCH (tracking number, URL, courier). Fires no state change. */
  patchInvoice(account: string, orderId: string, invoiceNumber: string, body: PatchInvoiceRequest): Receipt {
    return this.update(account, orderId, (order, now) => applyTrackingNumber(order, invoiceNumber, body, now))
  }

  /** Tracking PUT (events, delivered flag). Fires no state change: the order stays invoiced. */
  putTracking(account: string, orderId: string, invoiceNumber: string, body: TrackingRequest): Receipt {
    return this.update(account, orderId, (order, now) => applyTracking(order, invoiceNumber, body, now))
  }

  private update(account: string, orderId: string, change: (order: OrderDocument, now: Date) => void): Receipt {
    return this.db.transaction((): Receipt => {
      const { order } = this.requireOrder(account, orderId)
      const now = new Date()
      change(order, now)
      this.save(account, order)
      return receiptFor(order, now)
    })()
  }

  private findRow(account: string, orderId: string): OrderRow | undefined {
    const bySequence = /^seq(\d+)$/.exec(orderId)
    const sql = bySequence
      ? 'SELECT doc, status_changed_at FROM oms_orders WHERE account = ? AND sequence = ? ORDER BY creation_date LIMIT 1'
      : 'SELECT doc, status_changed_at FROM oms_orders WHERE account = ? AND order_id = ?'
    return this.db.prepare(sql).get(account, bySequence ? bySequence[1] : orderId) as OrderRow | undefined
  }

  private requireOrder(account: string, orderId: string): { order: OrderDocument; row: OrderRow } {
    const row = this.findRow(account, orderId)
    if (!row) throw new OmsError(404, `Order ${orderId} not found`)
    return { order: JSON.parse(row.doc) as OrderDocument, row }
  }

  private save(account: string, order: OrderDocument, statusChangedAt?: string): void {
    this.db
      .prepare(
        `UPDATE oms_orders SET status = ?, invoiced_date = ?, total_value = ?, total_items = ?, doc = ?,
           status_changed_at = COALESCE(?, status_changed_at)
         WHERE account = ? AND order_id = ?`
      )
      .run(
        order.status,
        order.invoicedDate ? Date.parse(order.invoicedDate) : null,
        order.value,
        itemCount(order),
        JSON.stringify(order),
        statusChangedAt ?? null,
        account,
        order.orderId
      )
  }
}
