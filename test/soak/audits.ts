import type { JournalEntry } from '../../emulator/journal'

/** Order writes that repeat the previous successful write to the same invoice, fed journal slices in order. */
export class OrderWriteAudit {
  private readonly last = new Map<string, string>()
  readonly duplicates: string[] = []
  total = 0

  add(entries: readonly JournalEntry[]): void {
    for (const entry of entries) {
      if (entry.module !== 'oms' || (entry.method !== 'PATCH' && entry.method !== 'PUT') || entry.status >= 300)
        continue
      this.total += 1
      const key = `${entry.method} ${entry.path}`
      const body = JSON.stringify(entry.body)
      if (this.last.get(key) === body) this.duplicates.push(`${key} at ${entry.at}`)
      this.last.set(key, body)
    }
  }
}

/**
 * Carrier calls for the same tracking number that were in flight at the same time: two workers
 * checking one shipment at once, which the claims must make impossible.
 */
export class CarrierOverlapAudit {
  private readonly lastEnd = new Map<string, number>()
  readonly overlaps: string[] = []

  add(entries: readonly JournalEntry[]): void {
    const calls = entries
      .filter(
        (e) =>
          (e.module === 'correios' && e.path.includes('/srorastro/')) ||
          (e.module === 'ups' && e.path.includes('/track/v1/')) ||
          e.module === 'fault'
      )
      .flatMap((e) => numbersIn(e).map((n) => ({ n, start: e.receivedAtMs, end: e.answeredAtMs })))
      .sort((a, b) => a.start - b.start)
    for (const call of calls) {
      const previousEnd = this.lastEnd.get(call.n)
      if (previousEnd !== undefined && call.start < previousEnd) this.overlaps.push(call.n)
      this.lastEnd.set(call.n, Math.max(previousEnd ?? 0, call.end))
    }
  }
}

/** Tracking numbers a carrier call asked for: Correios in the query (codigosObjetos), UPS in the path. */
function numbersIn(entry: JournalEntry): string[] {
  const ups = /\/track\/v1\/details\/([^/?]+)/.exec(entry.path)
  if (ups) return [ups[1]]
  const query = new URLSearchParams(entry.query)
  return query.getAll('codigosObjetos').flatMap((v) => v.split(','))
}
