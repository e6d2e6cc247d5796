import type { MasterData } from '@vtex/api'

import type { ShipmentPatch, ShipmentRecord } from '../tracking/shipment'
import { SHIPMENT_ENTITY, SHIPMENT_FIELDS, SHIPMENT_SCHEMA, shipmentSchema } from './schema'
import { atOrAfter, atOrBefore } from './whereBounds'

/** Master Data's maximum page size. */
export const MAX_PAGE_SIZE = 100

export interface ShipmentPage {
  items: ShipmentRecord[]
  total: number
}

export interface SearchOptions {
  where?: string
  sort?: string
  page: number
  pageSize: number
  fields?: Array<keyof ShipmentRecord>
}

const schemaReady = new Set<string>()

/** The shipment registry: named operations over the Master Data v2 entity, nothing else. */
const DUE_FIELDS = ['id', 'orderId', 'nextCheckAt', 'state', 'carrier', 'trackingNumber'] as const

/** What the sweep's due walk reads of a shipment. */
export type DueShipment = Pick<ShipmentRecord, (typeof DUE_FIELDS)[number]>

export class ShipmentRegistry {
  constructor(
    private readonly masterdata: MasterData,
    private readonly account: string
  ) {}

  /** PUTs the schema once per process and account (idempotent on the Master Data side too). */
  async ensureSchema(): Promise<void> {
    if (schemaReady.has(this.account)) return
    await this.masterdata.createOrUpdateSchema({
      dataEntity: SHIPMENT_ENTITY,
      schemaName: SHIPMENT_SCHEMA,
      schemaBody: shipmentSchema,
    })
    schemaReady.add(this.account)
  }

  async get(id: string): Promise<ShipmentRecord | null> {
    try {
      return await this.masterdata.getDocument<ShipmentRecord>({
        dataEntity: SHIPMENT_ENTITY,
        id,
        fields: SHIPMENT_FIELDS,
      })
    } catch (error) {
      if (statusOf(error) === 404) return null
      throw error
    }
  }

  /** Creates or replaces the whole document under its deterministic id (idempotent). */
  async put(record: ShipmentRecord): Promise<void> {
    await this.masterdata.createOrUpdatePartialDocument({
      dataEntity: SHIPMENT_ENTITY,
      id: record.id,
      fields: { ...record },
      schema: SHIPMENT_SCHEMA,
    })
  }

  async patch(id: string, patch: ShipmentPatch): Promise<void> {
    await this.masterdata.updatePartialDocument({
      dataEntity: SHIPMENT_ENTITY,
      id,
      fields: { ...patch },
      schema: SHIPMENT_SCHEMA,
    })
  }

  async search(options: SearchOptions): Promise<ShipmentPage> {
    const result = await this.masterdata.searchDocumentsWithPaginationInfo<ShipmentRecord>({
      dataEntity: SHIPMENT_ENTITY,
      fields: options.fields ?? SHIPMENT_FIELDS,
      where: options.where,
      sort: options.sort,
      schema: SHIPMENT_SCHEMA,
      pagination: { page: options.page, pageSize: Math.min(options.pageSize, MAX_PAGE_SIZE) },
    })
    return { items: result.data, total: result.pagination.total }
  }

  /**
   * Shipments whose next check is due, oldest first. Always the first page: callers move
   * nextCheckAt forward as they go, so the next call sees the next ones (no deep paging).
   */
  async findDue(nowIso: string, limit: number): Promise<ShipmentRecord[]> {
    const page = await this.search({
      where: atOrBefore('nextCheckAt', nowIso),
      sort: 'nextCheckAt ASC',
      page: 1,
      pageSize: limit,
    })
    return page.items
  }

  /**
   * Due shipments after a cursor (exclusive; the caller drops ids it saw at the cursor instant),
   * oldest first: a due list walked page by page with a plain sorted query, never deep paging.
   * Only the fields that place a shipment in a batch: the batch reads the whole record itself.
   */
  async findDueAfter(afterIso: string | undefined, nowIso: string, limit: number, page = 1): Promise<DueShipment[]> {
    const before = atOrBefore('nextCheckAt', nowIso)
    const found = await this.search({
      where: afterIso === undefined ? before : `${atOrAfter('nextCheckAt', afterIso)} AND ${before}`,
      sort: 'nextCheckAt ASC',
      page,
      pageSize: limit,
      fields: [...DUE_FIELDS],
    })
    return found.items
  }

  /** The given shipments, read fresh: one search over their orders (a batch spans at most 100 orders). */
  async getMany(shipments: ReadonlyArray<{ id: string; orderId: string }>): Promise<ShipmentRecord[]> {
    if (shipments.length === 0) return []
    const wanted = new Set(shipments.map((s) => s.id))
    const orderIds = [...new Set(shipments.map((s) => s.orderId))]
    const where = orderIds.map((orderId) => `orderId=${quote(orderId)}`).join(' OR ')
    const found: ShipmentRecord[] = []
    // Orders with many packages can pass one page; a batch's orders never come near the window.
    for (let page = 1; ; page++) {
      const result = await this.search({ where, page, pageSize: MAX_PAGE_SIZE })
      found.push(...result.items.filter((r) => wanted.has(r.id)))
      if (page * MAX_PAGE_SIZE >= result.total || result.items.length === 0) return found
    }
  }

  async findByOrder(orderId: string): Promise<ShipmentRecord[]> {
    const page = await this.search({ where: `orderId=${quote(orderId)}`, page: 1, pageSize: MAX_PAGE_SIZE })
    return page.items
  }

  /**
   * The packages (`orderId/invoiceNumber`) the registry holds for any of these orders: one search
   * for a whole page of orders, not one per order.
   */
  async knownPackagesOf(orderIds: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>()
    if (orderIds.length === 0) return known
    const where = orderIds.map((orderId) => `orderId=${quote(orderId)}`).join(' OR ')
    for (let page = 1; ; page++) {
      const found = await this.search({ where, page, pageSize: MAX_PAGE_SIZE, fields: ['orderId', 'invoiceNumber'] })
      found.items.forEach((item) => known.add(packageKey(item.orderId, item.invoiceNumber)))
      if (found.items.length < MAX_PAGE_SIZE || page * MAX_PAGE_SIZE >= found.total) return known
    }
  }

  /** How many documents match (one-document page: Master Data returns the total in a header). */
  async count(where?: string): Promise<number> {
    const page = await this.search({ where, page: 1, pageSize: 1, fields: ['id'] })
    return page.total
  }

  /**
   * Every matching document, `size` per page, through Master Data scroll (no 10,000 window).
   * Stops after `limit` documents when given; the last page may then be cut short.
   */
  async *scroll(options: ScrollOptions): AsyncGenerator<ShipmentRecord[]> {
    let token: string | undefined
    let read = 0
    for (;;) {
      const page = await this.masterdata.scrollDocuments<ShipmentRecord>({
        dataEntity: SHIPMENT_ENTITY,
        fields: options.fields ?? SHIPMENT_FIELDS,
        where: options.where,
        sort: options.sort,
        schema: SHIPMENT_SCHEMA,
        size: options.size,
        mdToken: token,
      })
      token = page.mdToken
      const docs = scrolledDocs(page.data)
      const items = options.limit === undefined ? docs : docs.slice(0, options.limit - read)
      read += items.length
      if (items.length > 0) yield items
      if (docs.length < options.size || (options.limit !== undefined && read >= options.limit)) return
    }
  }
}

export interface ScrollOptions {
  where?: string
  sort?: string
  /** Documents per scroll page (Master Data allows up to 1,000). */
  size: number
  limit?: number
  fields?: Array<keyof ShipmentRecord>
}

/** @vtex/api types a scroll page as `{ data }` but hands over the response body: the array itself. */
const scrolledDocs = (body: unknown): ShipmentRecord[] => {
  if (Array.isArray(body)) return body as ShipmentRecord[]
  const nested = (body as { data?: unknown } | null)?.data
  return Array.isArray(nested) ? (nested as ShipmentRecord[]) : []
}

export const packageKey = (orderId: string, invoiceNumber: string): string => `${orderId}/${invoiceNumber}`

/** Master Data `_where` string literal. */
export const quote = (value: string): string => `"${value.replace(/["\\]/g, '')}"`

const statusOf = (error: unknown): number | undefined =>
  (error as { response?: { status?: number } } | null)?.response?.status
