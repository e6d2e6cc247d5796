import type { NoticeKind } from '../../notifications/kinds'
import { NOTICE_KINDS } from '../../notifications/kinds'
import type { EmailLocale } from '../../notifications/locale'
import { EMAIL_LOCALES } from '../../notifications/locale'
import type { NoticeData } from '../../templates/messageCenter'
import { messageCenterTemplate } from '../../templates/messageCenter'
import { renderTemplate } from '../../templates/render'
import type { AppContext } from '../../typings/context'
import { loadSettings } from '../settings'

export interface EmailPreview {
  kind: NoticeKind
  locale: EmailLocale
  templateName: string
  /** Whether the app sends this kind (settings); VTEX's own emails are switched in Message Center. */
  enabled: boolean
  subject: string
  html: string
}

const SAMPLE: Record<EmailLocale, Omit<NoticeData, 'storeName'>> = {
  en: sample('Ana', 'Out For Delivery Today', 'Austin, TX', 'Nov 5, 2026, 9:14 AM'),
  pt: sample('Ana', 'Objeto saiu para entrega ao destinatário', 'São Paulo, SP', '5 de nov. de 2026, 09:14'),
  es: sample('Ana', 'En reparto', 'Buenos Aires, BA', '5 nov 2026, 9:14'),
}

/** Every app template in every language, rendered with sample data, as the customer would see it. */
export async function emailPreviews(ctx: AppContext): Promise<EmailPreview[]> {
  const settings = await loadSettings(ctx)
  const storeName = settings.emails.storeName ?? ctx.vtex.account
  return NOTICE_KINDS.flatMap((kind) =>
    EMAIL_LOCALES.map((locale) => {
      const template = messageCenterTemplate(kind, locale)
      const context = { data: { ...SAMPLE[locale], storeName } }
      return {
        kind,
        locale,
        templateName: template.Name,
        enabled: settings.emails.enabled && settings.emails.kinds[kind],
        subject: renderTemplate(template.Templates.email.Subject, context),
        html: renderTemplate(template.Templates.email.Message, context),
      }
    })
  )
}

function sample(customerName: string, eventDescription: string, eventLocation: string, eventDate: string) {
  return {
    email: 'customer@example.com',
    customerName,
    orderId: '1268540501456-01',
    trackingNumber: '1Z5R89390357567127',
    trackingUrl: 'https://www.ups.com/track?loc=en_US&tracknum=1Z5R89390357567127',
    courier: 'UPS Ground',
    eventDescription,
    eventDate,
    eventLocation,
  }
}
