import type { CsvValue } from './csv'
import type { CsvOptions } from './csvOptions'
import { CSV_LABELS } from './csvLabels'
import type { ShipmentSummary } from './shipmentViews'

/** A row's data: the table row plus the links the file carries. */
export type CsvRow = ShipmentSummary & { trackingUrl: string | null; orderUrl: string }

type Column = { key: string; value: (row: CsvRow, format: CsvFormat) => CsvValue }

interface CsvFormat {
  time(iso: string | null): string
  yesNo(value: boolean): string
  label(id: string, fallback: string): string
}

const ID = 'admin/order-tracking.'

/** The export's columns, in order: words in the admin's language, times in the store's zone. */
const COLUMNS: Column[] = [
  { key: 'id', value: (r) => r.id },
  { key: 'orderId', value: (r) => r.orderId },
  { key: 'invoiceNumber', value: (r) => r.invoiceNumber },
  { key: 'trackingNumber', value: (r) => r.trackingNumberRaw ?? r.trackingNumber },
  { key: 'carrier', value: (r) => r.carrierName },
  { key: 'courierName', value: (r) => r.courierName },
  { key: 'status', value: (r, f) => f.label(`${ID}status.${r.status}`, r.status) },
  { key: 'state', value: (r, f) => f.label(`${ID}state.${r.state}`, r.state) },
  { key: 'invoicedAt', value: (r, f) => f.time(r.invoicedAt) },
  { key: 'promisedDelivery', value: (r, f) => f.time(r.promisedDelivery) },
  // Carriers give a date or a local instant: written as the carrier gave it.
  { key: 'estimatedDelivery', value: (r) => r.estimatedDelivery },
  { key: 'lastEventAt', value: (r, f) => f.time(r.lastEventAt) },
  { key: 'lastEventDescription', value: (r) => r.lastEventDescription },
  { key: 'lastEventLocation', value: (r) => r.lastEventLocation },
  { key: 'deliveredAt', value: (r, f) => f.time(r.deliveredAt) },
  { key: 'overdue', value: (r, f) => f.yesNo(r.overdue) },
  { key: 'stuck', value: (r, f) => f.yesNo(r.stuck) },
  { key: 'nextCheckAt', value: (r, f) => f.time(r.nextCheckAt) },
  { key: 'consecutiveErrors', value: (r) => r.consecutiveErrors },
  { key: 'lastErrorReason', value: (r) => r.lastErrorReason },
  { key: 'trackingUrl', value: (r) => r.trackingUrl },
  { key: 'orderUrl', value: (r) => r.orderUrl },
]

export function csvHeader(options: CsvOptions): string[] {
  const labels = CSV_LABELS[options.locale]
  return COLUMNS.map((column) =>
    (labels[`${ID}csv.column.${column.key}`] ?? column.key).replace('{timeZone}', options.timeZone)
  )
}

export function csvValues(row: CsvRow, options: CsvOptions): CsvValue[] {
  const format = csvFormat(options)
  return COLUMNS.map((column) => column.value(row, format))
}

function csvFormat(options: CsvOptions): CsvFormat {
  const labels = CSV_LABELS[options.locale]
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: options.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  return {
    // "2026-11-02 09:00": sortable, and every spreadsheet reads it as a date and time.
    time: (iso) => {
      const time = iso === null ? NaN : Date.parse(iso)
      if (Number.isNaN(time)) return iso ?? ''
      const p = Object.fromEntries(parts.formatToParts(time).map((part) => [part.type, part.value]))
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
    },
    yesNo: (value) => labels[`${ID}csv.${value ? 'yes' : 'no'}`],
    label: (id, fallback) => labels[id] ?? fallback,
  }
}
