import type { NoticeKind } from '../notifications/kinds'
import type { EmailLocale } from '../notifications/locale'
import { EMAIL_COPY, EMAIL_LABELS } from './copy'

/** `<app>-<purpose>_<locale>`, e.g. `order-tracking-out-for-delivery_pt`. */
export const templateName = (kind: NoticeKind, locale: EmailLocale): string =>
  `order-tracking-${kind.replace(/_/g, '-')}_${locale}`

/** The Message Center template body (template-render `POST /api/template-render/pvt/templates`). */
export interface MessageCenterTemplate {
  Name: string
  FriendlyName: string
  Description: string
  IsDefaultTemplate: boolean
  AccountId: null
  AccountName: null
  ApplicationId: null
  IsPersisted: boolean
  IsRemoved: boolean
  Type: string
  Templates: {
    email: {
      To: string
      CC: string | null
      BCC: string | null
      Subject: string
      Message: string
      Type: 'E'
      ProviderId: string
      ProviderName: null
      IsActive: boolean
      withError: boolean
    }
    sms: { Type: 'S'; ProviderId: null; ProviderName: null; IsActive: boolean; withError: boolean; Parameters: [] }
  }
}

/** What sendmail's `jsonData` carries; templates read it as `{{data.…}}`. */
export interface NoticeData {
  email: string
  customerName: string
  storeName: string
  orderId: string
  trackingNumber: string
  trackingUrl: string
  courier: string
  eventDescription: string
  eventDate: string
  eventLocation: string
}

export function messageCenterTemplate(kind: NoticeKind, locale: EmailLocale): MessageCenterTemplate {
  const copy = EMAIL_COPY[locale][kind]
  return {
    Name: templateName(kind, locale),
    FriendlyName: `Order Tracking: ${kind.replace(/_/g, ' ')} (${locale})`,
    Description: 'Created by the Order Tracking app. Edit the wording here; keep the {{data.…}} variables.',
    IsDefaultTemplate: false,
    AccountId: null,
    AccountName: null,
    ApplicationId: null,
    IsPersisted: true,
    IsRemoved: false,
    Type: '',
    Templates: {
      email: {
        To: '{{data.email}}',
        CC: null,
        BCC: null,
        Subject: copy.subject,
        Message: messageHtml(kind, locale),
        Type: 'E',
        ProviderId: '00000000-0000-0000-0000-000000000000',
        ProviderName: null,
        IsActive: true,
        withError: false,
      },
      sms: { Type: 'S', ProviderId: null, ProviderName: null, IsActive: false, withError: false, Parameters: [] },
    },
  }
}

/** Plain, inline-styled HTML: it must read well in any mail client. */
function messageHtml(kind: NoticeKind, locale: EmailLocale): string {
  const copy = EMAIL_COPY[locale][kind]
  const labels = EMAIL_LABELS[locale]
  return [
    '<div style="font-family:Arial,sans-serif;max-width:560px;margin:0 auto;color:#222">',
    '<p style="color:#666">{{data.storeName}}</p>',
    `<h1 style="font-size:22px">${copy.heading}</h1>`,
    `<p>${labels.greeting} {{data.customerName}},</p>`,
    `<p>${copy.intro}</p>`,
    `{{#if data.eventDescription}}<p><strong>${labels.latest}:</strong> {{data.eventDescription}}, {{data.eventDate}}</p>{{/if}}`,
    '{{#if data.eventLocation}}<p style="color:#666">{{data.eventLocation}}</p>{{/if}}',
    `<p>${labels.number}: {{data.trackingNumber}}</p>`,
    `<p><a href="{{data.trackingUrl}}" style="background:#134cd8;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px">${labels.track}</a></p>`,
    '</div>',
  ].join('\n')
}
