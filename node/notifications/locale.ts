/** The languages the app's emails are written in. */
export const EMAIL_LOCALES = ['en', 'pt', 'es'] as const
export type EmailLocale = (typeof EMAIL_LOCALES)[number]

export const isEmailLocale = (value: unknown): value is EmailLocale =>
  typeof value === 'string' && (EMAIL_LOCALES as readonly string[]).includes(value)

/**
 * The customer's language: the order's `clientPreferencesData.locale` ("pt-BR", "es-AR", "en-US"),
 * else the language the merchant set for the order's sales channel, else the store default.
 */
export function emailLocaleOf(
  order: { clientPreferencesData?: { locale?: string | null } | null; salesChannel?: string | null },
  salesChannelLocales: Readonly<Record<string, EmailLocale>>,
  fallback: EmailLocale
): EmailLocale {
  const language = order.clientPreferencesData?.locale?.slice(0, 2).toLowerCase()
  if (isEmailLocale(language)) return language
  const bySalesChannel = order.salesChannel ? salesChannelLocales[order.salesChannel] : undefined
  return bySalesChannel ?? fallback
}
