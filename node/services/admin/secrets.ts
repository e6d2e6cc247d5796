import { CARRIERS } from '../../carriers'
import { secretForms } from '../../carriers/shared/settings'
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
  // Every secret field each carrier module declares, in every form its client redacts.
  const secrets = CARRIERS.flatMap((carrier) => {
    const section = settings.carriers[carrier.code]
    return section ? secretForms(carrier.settings, section) : []
  })
    .filter((value) => value.length >= MIN_SECRET_LENGTH)
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length)
  return (text) => secrets.reduce((redacted, secret) => redacted.split(secret).join('[redacted]'), text)
}

export const redactNullable = (redact: Redact, text: string | null): string | null =>
  text === null ? null : redact(text)
