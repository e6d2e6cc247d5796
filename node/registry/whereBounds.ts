/**
 * Inclusive bounds on instants in Master Data `_where`. The v2 grammar has `=`, `<>`, `<`, `>` and
 * `between`, but no `<=` or `>=` (VTEX answers 400), so an inclusive bound is a strict comparison
 * one millisecond further out. Exact for what the registry stores: every instant is written with
 * `toISOString`, whose precision is the millisecond.
 */
const shift = (iso: string, ms: number): string => {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) throw new RangeError(`not an ISO instant: ${iso}`)
  return new Date(time + ms).toISOString()
}

/** `field` at or after `iso` (what `field>=iso` would mean). */
export const atOrAfter = (field: string, iso: string): string => `${field}>${shift(iso, -1)}`

/** `field` at or before `iso` (what `field<=iso` would mean). */
export const atOrBefore = (field: string, iso: string): string => `${field}<${shift(iso, 1)}`
