import type { CarrierSettings, CarrierSettingsSpec } from '../shared/settings'
import { settingOf } from '../shared/settings'
import type { FedexCredentials } from './request'
import { FEDEX_HOSTS } from './request'

/** Section `fedex` of the app settings: the API key and secret key of a FedEx Developer project. */
export const FEDEX_SETTINGS: CarrierSettingsSpec = {
  fields: [
    { name: 'clientId', required: true, secret: true },
    { name: 'clientSecret', required: true, secret: true, password: true },
    { name: 'environment', required: false, secret: false, choices: ['production', 'sandbox'] },
  ],
  hosts: Object.values(FEDEX_HOSTS),
}

export const fedexCredentials = (section: CarrierSettings): FedexCredentials => ({
  clientId: settingOf(section, 'clientId'),
  clientSecret: settingOf(section, 'clientSecret'),
  environment: settingOf(section, 'environment') === 'sandbox' ? 'sandbox' : 'production',
})
