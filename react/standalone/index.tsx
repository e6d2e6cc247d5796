/**
 * Local harness entry (never shipped: VTEX IO renders react/OrderTrackingAdmin.tsx inside the
 * admin, which already provides React, react-intl's IntlProvider and the login cookie).
 * Mounts the same component with the messages of `?locale=en|pt|es` and an optional `?tz=`.
 */
import React from 'react'
import ReactDOM from 'react-dom'
import { IntlProvider } from 'react-intl'

import en from '../../messages/en.json'
import es from '../../messages/es.json'
import pt from '../../messages/pt.json'
import OrderTrackingAdmin from '../OrderTrackingAdmin'

type Locale = 'en' | 'pt' | 'es'

const MESSAGES: Record<Locale, Record<string, string>> = { en, pt, es }
/** The regional locale the admin would run in, for dates and numbers. */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', pt: 'pt-BR', es: 'es-AR' }

const params = new URLSearchParams(window.location.search)
const requested = (params.get('locale') ?? 'en').slice(0, 2).toLowerCase()
const locale: Locale = requested === 'pt' || requested === 'es' ? requested : 'en'
const messages = MESSAGES[locale]

document.documentElement.lang = INTL_LOCALE[locale]
document.title = messages['admin/order-tracking.page.title'] ?? document.title

ReactDOM.render(
  <IntlProvider locale={INTL_LOCALE[locale]} messages={messages} defaultLocale="en-US">
    <OrderTrackingAdmin timeZone={params.get('tz') ?? undefined} />
  </IntlProvider>,
  document.getElementById('root')
)
