import type { OrderFacts } from '../../notifications/decide'
import { isFulfillmentOrigin } from '../../notifications/kinds'
import type { EmailLocale } from '../../notifications/locale'
import { emailLocaleOf } from '../../notifications/locale'
import type { EmailSettings } from '../../settings/emailSettings'
import type { Order } from '../../typings/orders'

/** What an email needs from the order: who, in which language, and whether VTEX emails them at all. */
export interface CustomerFacts extends OrderFacts {
  email: string
  customerName: string
  locale: EmailLocale
}

export function customerFactsOf(order: Order, settings: EmailSettings): CustomerFacts {
  const email = order.clientProfileData?.email?.trim() ?? ''
  return {
    fulfillment: isFulfillmentOrigin(order.origin),
    hasEmail: email.includes('@'),
    email,
    customerName: order.clientProfileData?.firstName?.trim() ?? '',
    locale: emailLocaleOf(order, settings.salesChannelLocales, settings.defaultLocale),
  }
}
