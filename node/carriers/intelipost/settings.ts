import type { CarrierSettings, CarrierSettingsSpec } from '../shared/settings'
import { settingOf } from '../shared/settings'
import type { IntelipostCredentials } from './request'
import { INTELIPOST_HOST } from './request'

/**
 * Section `intelipost` of the app settings: the account's API key (Intelipost panel, "Minha conta
 * > API") and the courier names on invoices whose parcels the merchant ships through Intelipost.
 */
export const INTELIPOST_SETTINGS: CarrierSettingsSpec = {
  fields: [
    { name: 'apiKey', required: true, secret: true, password: true },
    { name: 'couriers', required: false, secret: false },
  ],
  routedCouriersField: 'couriers',
  hosts: [INTELIPOST_HOST],
}

export const intelipostCredentials = (section: CarrierSettings): IntelipostCredentials => ({
  apiKey: settingOf(section, 'apiKey'),
})
