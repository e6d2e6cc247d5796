/**
 * Minimal 5-field cron matcher (minute hour day-of-month month day-of-week) with `*`, `*\/n`,
 * lists and ranges: enough for the expressions VTEX apps register with the scheduler.
 */
export function cronMatches(expression: string, date: Date): boolean {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== 5) throw new Error(`cron expression needs 5 fields: ${expression}`)
  const values = [date.getUTCMinutes(), date.getUTCHours(), date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCDay()]
  return fields.every((field, index) => fieldMatches(field, values[index]))
}

function fieldMatches(field: string, value: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step in ${field}`)
    if (range === '*') return value % step === 0
    const [from, to] = range.split('-').map(Number)
    const upper = to ?? (stepText === undefined ? from : Number.MAX_SAFE_INTEGER)
    return value >= from && value <= upper && (value - from) % step === 0
  })
}

/** The latest minute in (from, to] at which the expression fires, if any. */
export function lastFiringBetween(expression: string, from: number, to: number): number | undefined {
  const minute = 60_000
  const start = Math.floor(from / minute) * minute + minute
  // Scan back from `to`, bounded to a week of minutes however far the clock jumped.
  for (let t = Math.floor(to / minute) * minute, n = 0; t >= start && n < 7 * 24 * 60; t -= minute, n++) {
    if (cronMatches(expression, new Date(t))) return t
  }
  return undefined
}
