export type CsvValue = string | number | boolean | null | undefined

/** Cells a spreadsheet would run as a formula (CSV injection): prefixed with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/

/** `,` (RFC 4180), or `;` where spreadsheets use the comma as the decimal mark (pt, es). */
export type CsvSeparator = ',' | ';'

/** One RFC 4180 line (CRLF-terminated): quoted when needed, quotes doubled. */
export function csvLine(values: readonly CsvValue[], separator: CsvSeparator = ','): string {
  return `${values.map((value) => csvCell(value, separator)).join(separator)}\r\n`
}

function csvCell(value: CsvValue, separator: CsvSeparator): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'string') return String(value)
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",;\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text
}
