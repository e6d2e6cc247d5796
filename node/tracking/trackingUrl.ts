/** Longest invoice tracking URL kept; longer ones are not a carrier page anyone typed. */
export const MAX_TRACKING_URL_LENGTH = 2048
/** How much of a refused URL is kept for the merchant to see. */
const MAX_REJECTED_LENGTH = 300

export interface CheckedTrackingUrl {
  /** An absolute http(s) URL, safe to link to and to write back to the order; null otherwise. */
  url: string | null
  /** What the invoice had when it was refused (`javascript:…`, `data:…`, not a URL), shortened; shown as text only. */
  rejected: string | null
}

/**
 * The invoice's trackingUrl as the app may use it. Only absolute http and https URLs become links:
 * anything else (`javascript:`, `data:`, `vbscript:`, relative paths, garbage) would run or
 * navigate in the admin's session if rendered as a link, so it is kept aside as rejected text.
 */
export function checkTrackingUrl(raw: string | null | undefined): CheckedTrackingUrl {
  const text = raw?.trim() ?? ''
  if (text === '') return { url: null, rejected: null }
  if (isHttpUrl(text) && text.length <= MAX_TRACKING_URL_LENGTH) return { url: text, rejected: null }
  return { url: null, rejected: text.slice(0, MAX_REJECTED_LENGTH) }
}

/** Whether `text` is an absolute http(s) URL with a host (what the WHATWG parser accepts). */
export function isHttpUrl(text: string): boolean {
  // No control characters or spaces: browsers strip them, which is how `java\tscript:` sneaks past.
  if (/[\u0000-\u0020\u007f]/.test(text)) return false
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}
