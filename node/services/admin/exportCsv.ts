import { ShipmentRegistry } from '../../registry/shipmentRegistry'
import type { AttentionCutoffs } from '../../tracking/attention'
import { attentionCutoffs } from '../../tracking/attention'
import type { ShipmentRecord } from '../../tracking/shipment'
import type { AppContext } from '../../typings/context'
import { loadSettings } from '../settings'
import { carrierModule } from '../../carriers'
import { csvLine } from './csv'
import type { CsvRow } from './csvColumns'
import { csvHeader, csvValues } from './csvColumns'
import type { CsvOptions, CsvRequest } from './csvOptions'
import type { ShipmentFilter } from './shipmentQuery'
import { SEARCH_WINDOW, whereFor } from './shipmentQuery'
import { SUMMARY_FIELDS, toSummary } from './shipmentViews'
import { loadStoreTimeZone } from '../storeCalendar'

/** Rows per export: the search window merchants know from the table; past it, narrow the filter. */
export const EXPORT_LIMIT = SEARCH_WINDOW
const SCROLL_SIZE = 1000
/** Excel reads UTF-8 (accents in city names) only with a byte-order mark. */
const BOM = '\uFEFF'

/** The table row's fields plus the invoice's tracking URL. */
const CSV_FIELDS: Array<keyof ShipmentRecord> = [...SUMMARY_FIELDS, 'trackingUrl']

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
export async function exportCsv(ctx: AppContext, filter: ShipmentFilter, request: CsvRequest): Promise<CsvExport> {
  const settings = await loadSettings(ctx)
  const registry = new ShipmentRegistry(ctx.clients.masterdata, ctx.vtex.account)
  await registry.ensureSchema()
  const now = Date.now()
  const storeZone = await loadStoreTimeZone(ctx, settings)
  const cutoffs = attentionCutoffs(now, settings.stuckAfterHours, storeZone)
  const options: CsvOptions = { ...request, timeZone: request.timeZone ?? storeZone }
  const where = whereFor(filter, cutoffs)
  const total = await registry.count(where)
  const pages = registry.scroll({
    where,
    sort: 'invoicedAt DESC',
    size: SCROLL_SIZE,
    limit: EXPORT_LIMIT,
    fields: CSV_FIELDS,
  })
  const first = await pages.next()
  const exported = Math.min(total, EXPORT_LIMIT)
  return {
    filename: `shipments-${new Date(now).toISOString().slice(0, 10)}.csv`,
    total,
    exported,
    truncated: total > EXPORT_LIMIT,
    lines: csvLines(ctx, first, pages, { cutoffs, options, total, exported }),
  }
}

async function* csvLines(
  ctx: AppContext,
  first: IteratorResult<ShipmentRecord[]>,
  rest: AsyncGenerator<ShipmentRecord[]>,
  file: { cutoffs: AttentionCutoffs; options: CsvOptions; total: number; exported: number }
): AsyncGenerator<string> {
  const { cutoffs, options } = file
  yield BOM + csvLine(csvHeader(options), options.separator)
  let written = 0
  try {
    let page = first
    while (!page.done) {
      yield page.value
        .map((record) => csvLine(csvValues(rowOf(ctx, record, cutoffs), options), options.separator))
        .join('')
      written += page.value.length
      page = await rest.next()
    }
  } catch (error) {
    // Headers are gone already: say so in the file instead of cutting it silently.
    ctx.vtex.logger.error({ message: 'CSV export interrupted', written, error: String(error) })
    yield `# export interrupted after ${written} rows; download it again\r\n`
    return
  }
  if (file.total > file.exported) {
    yield `# truncated: ${file.exported} of ${file.total} shipments exported; narrow the filter to export the rest\r\n`
  }
}

/** Absolute links: a CSV is read outside the admin, where a relative /admin/orders/… leads nowhere. */
const rowOf = (ctx: AppContext, record: ShipmentRecord, cutoffs: AttentionCutoffs): CsvRow => {
  const summary = toSummary(record, cutoffs)
  const carrier = record.carrier ?? null
  const number = record.trackingNumber ?? null
  return {
    ...summary,
    trackingUrl:
      record.trackingUrl ?? (carrier !== null && number !== null ? carrierModule(carrier).trackingUrl(number) : null),
    orderUrl: `https://${ctx.vtex.account}.myvtex.com${summary.orderAdminUrl}`,
  }
}
