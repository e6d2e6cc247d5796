import { templateProblem } from '../tracking/trackingLink'

/** A courier the app cannot query: the merchant gives its public tracking page as a URL template. */
export interface TrackingLink {
  /** Courier name as the store writes it on invoices (case and accents ignored). */
  courierName: string
  /** `https://carrier.example/track?n={trackingNumber}` */
  urlTemplate: string
}

/** Validates the `trackingLinks` list of the app settings; every problem is reported. */
export function parseTrackingLinks(value: unknown, problems: string[]): TrackingLink[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    problems.push('trackingLinks must be a list')
    return []
  }
  const links: TrackingLink[] = []
  value.forEach((entry: unknown, index) => {
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {}
    const courierName = typeof record.courierName === 'string' ? record.courierName.trim() : ''
    const urlTemplate = typeof record.urlTemplate === 'string' ? record.urlTemplate.trim() : ''
    const problem = templateProblem(urlTemplate)
    if (!courierName) problems.push(`trackingLinks[${index}].courierName is required`)
    else if (problem !== undefined) problems.push(`trackingLinks[${index}].urlTemplate ${problem}`)
    else links.push({ courierName, urlTemplate })
  })
  return links
}
