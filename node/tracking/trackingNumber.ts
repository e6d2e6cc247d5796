/**
 * The one form a tracking number is stored, searched and sent to carriers in: upper case, without
 * spaces, dashes or dots. Every supported format is letters and digits only (Correios/UPU S10
 * "DG049186226BR", UPS "1Z…" and its 7-34 character inquiry numbers), so nothing meaningful is
 * lost; what the store typed is kept beside it (`trackingNumberRaw`) for display.
 */
export function normalizeTrackingNumber(raw: string | null | undefined): string | null {
  const normalized = (raw ?? '').replace(/[\s.-]+/g, '').toUpperCase()
  return normalized === '' ? null : normalized
}

/** What the store typed, trimmed; null when there is nothing. */
export const rawTrackingNumber = (raw: string | null | undefined): string | null => raw?.trim() || null
