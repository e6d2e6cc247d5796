/**
 * Every link the admin page renders goes through these: data from invoices and carriers must never
 * become a `javascript:` (or `data:`, `vbscript:`) link in the admin's session.
 */

/** The URL when it is an absolute http(s) URL, else null (render it as text, never as a link). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url || /[\u0000-\u0020\u007f]/.test(url)) return null
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '' ? url : null
  } catch {
    return null
  }
}

/** A same-origin admin path ("/admin/orders/…"), else null: no scheme, no protocol-relative "//host". */
export function safeAdminPath(path: string | null | undefined): string | null {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null
  return /[\u0000-\u0020\u007f]/.test(path) ? null : path
}
