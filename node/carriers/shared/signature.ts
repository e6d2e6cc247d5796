import { createHash, createHmac, timingSafeEqual } from 'crypto'

/**
 * Webhook signatures, shared by every carrier that pushes: the digest over the RAW body bytes (never
 * a re-serialised parse), and a constant-time comparison, so neither parsing nor timing leaks
 * anything to a caller without the secret.
 */

export type DigestEncoding = 'hex' | 'base64'

/** HMAC-SHA256 of `body` keyed with `secret` (UTF-8, NFKD-normalised as EasyPost does when asked). */
export function hmacSha256(secret: string, body: Buffer | string, encoding: DigestEncoding): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest(encoding)
}

/** Plain SHA-256 of the parts, concatenated as bytes (17TRACK signs body + "/" + key). */
export function sha256(parts: ReadonlyArray<Buffer | string>, encoding: DigestEncoding): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(typeof part === 'string' ? Buffer.from(part, 'utf8') : part)
  return hash.digest(encoding)
}

/**
 * Constant-time equality of a received signature with the expected one. Both are hashed first, so
 * inputs of different lengths compare in the same time too (timingSafeEqual needs equal lengths).
 * Hex is compared case-insensitively when `caseInsensitive` (hex digests are sent either way).
 */
export function safeEqual(received: string | undefined, expected: string, caseInsensitive = false): boolean {
  if (received === undefined) return false
  const a = caseInsensitive ? received.trim().toLowerCase() : received.trim()
  const b = caseInsensitive ? expected.toLowerCase() : expected
  const da = createHash('sha256').update(a, 'utf8').digest()
  const db = createHash('sha256').update(b, 'utf8').digest()
  return timingSafeEqual(da, db) && a.length === b.length
}

/** A header value whatever the case of its name (Node lower-cases, tests may not). */
export function headerOf(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && value !== undefined && value !== '') return value
  }
  return undefined
}
