import { ShipmentRegistry } from '../../registry/shipmentRegistry'
import type { AttentionCutoffs } from '../../tracking/attention'
import { attentionCutoffs } from '../../tracking/attention'
import type { ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import { loadSettings } from '../settings'
import type { CsvValue } from './csv'
import { csvLine } from './csv'
import type { ShipmentFilter } from './shipmentQuery'
import { SEARCH_WINDOW, whereFor } from './shipmentQuery'
import type { ShipmentSummary } from './shipmentViews'
import { SUMMARY_FIELDS, toSummary } from './shipmentViews'

/** Rows per export: the search window merchants know from the table; past it, narrow the filter. */
export const EXPORT_LIMIT = SEARCH_WINDOW
const SCROLL_SIZE = 1000
/** Excel reads UTF-8 (accents in city names) only with a byte-order mark. */
const BOM = '\uFEFF'

const COLUMNS: ReadonlyArray<keyof ShipmentSummary> = [
  'id',
  'orderId',
  'invoiceNumber',
  'trackingNumber',
  'carrier',
  'courierName',
  'status',
  'substatus',
  'state',
  'invoicedAt',
  'promisedDelivery',
  'estimatedDelivery',
  'lastEventAt',
  'lastEventDescription',
  'lastEventLocation',
  'deliveredAt',
  'overdue',
  'stuck',
  'nextCheckAt',
  'consecutiveErrors',
  'lastErrorReason',
  'orderAdminUrl',
]

export interface CsvExport {
  filename: string
  /** Shipments matching the filter when the export started. */
  total: number
  /** Rows written (at most EXPORT_LIMIT). */
  exported: number
  truncated: boolean
  /** The file, line by line: header, rows, then a `#` line saying it was cut short, if it was. */
  lines: AsyncGenerator<string>
}

/**
 * CSV of the current filter, newest invoice first, read with Master Data scroll and streamed.
 * The first page is read before answering, so a failing query is still a clear error status.
 */
export async function exportCsv(ctx: AppContext, filter: ShipmentFilter): Promise<CsvExport> {
  const settings = await loadSettings(ctx)
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  await registry.ensureSchema()
  const now = Date.now()
  const cutoffs = attentionCutoffs(now, settings.stuckAfterHours)
  const where = whereFor(filter, cutoffs)
  const total = await registry.count(where)
  const pages = registry.scroll({
    where,
    sort: 'invoicedAt DESC',
    size: SCROLL_SIZE,
    limit: EXPORT_LIMIT,
    fields: SUMMARY_FIELDS,
  })
  const first = await pages.next()
  const exported = Math.min(total, EXPORT_LIMIT)
  return {
    filename: `shipments-${new Date(now).toISOString().slice(0, 10)}.csv`,
    total,
    exported,
    truncated: total > EXPORT_LIMIT,
    lines: csvLines(ctx, first, pages, cutoffs, { total, exported }),
  }
}

async function* csvLines(
  ctx: AppContext,
  first: IteratorResult<ShipmentRecord[]>,
  rest: AsyncGenerator<ShipmentRecord[]>,
  cutoffs: AttentionCutoffs,
  counts: { total: number; exported: number }
): AsyncGenerator<string> {
  yield BOM + csvLine(COLUMNS)
  let written = 0
  try {
    let page = first
    while (!page.done) {
      yield page.value.map((record) => rowOf(toSummary(record, cutoffs))).join('')
      written += page.value.length
      page = await rest.next()
    }
  } catch (error) {
    // Headers are gone already: say so in the file instead of cutting it silently.
    ctx.vtex.logger.error({ message: 'CSV export interrupted', written, error: String(error) })
    yield `# export interrupted after ${written} rows; download it again\r\n`
    return
  }
  if (counts.total > counts.exported) {
    yield `# truncated: ${counts.exported} of ${counts.total} shipments exported; narrow the filter to export the rest\r\n`
  }
}

const rowOf = (summary: ShipmentSummary): string => csvLine(COLUMNS.map((column) => summary[column] as CsvValue))
