import type { CarrierSettings, CarrierSettingsSpec } from '../shared/settings'
import { settingOf } from '../shared/settings'
import type { UspsCredentials } from './request'
import { USPS_HOSTS } from './request'

/** Section `usps` of the app settings: the consumer key and secret of a USPS Developer Portal app. */
export const USPS_SETTINGS: CarrierSettingsSpec = {
  fields: [
    { name: 'clientId', required: true, secret: true },
    { name: 'clientSecret', required: true, secret: true, password: true },
    { name: 'environment', required: false, secret: false, choices: ['production', 'sandbox'] },
  ],
  hosts: Object.values(USPS_HOSTS),
}

export const uspsCredentials = (section: CarrierSettings): UspsCredentials => ({
  clientId: settingOf(section, 'clientId'),
  clientSecret: settingOf(section, 'clientSecret'),
  environment: settingOf(section, 'environment') === 'sandbox' ? 'sandbox' : 'production',
})
