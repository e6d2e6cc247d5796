import type { AppSettings } from '../../settings/appSettings'

/** Replaces every configured credential in a text; applied to carrier error text before it leaves. */
export type Redact = (text: string) => string

/** Shorter values would mangle ordinary text; real credentials are far longer. */
const MIN_SECRET_LENGTH = 4

/**
 * Carrier clients already keep credentials and tokens out of their error messages; this is the
 * second line: no admin response may carry a credential, whatever a carrier echoed back.
 */
export function secretRedactor(settings: AppSettings): Redact {
  const secrets = [
    settings.correios?.user,
    settings.correios?.accessCode,
    settings.correios?.postageCard,
    settings.ups?.clientId,
    settings.ups?.clientSecret,
    settings.ups?.accountNumber,
  ]
    .filter((value): value is string => value !== undefined && value.length >= MIN_SECRET_LENGTH)
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length)
  return (text) => secrets.reduce((redacted, secret) => redacted.split(secret).join('[redacted]'), text)
}

export const redactNullable = (redact: Redact, text: string | null): string | null =>
  text === null ? null : redact(text)
