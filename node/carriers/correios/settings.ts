import type { CarrierSettings, CarrierSettingsSpec } from '../shared/settings'
import { settingOf } from '../shared/settings'
import type { CorreiosCredentials } from './client'
import { CORREIOS_HOSTS } from './request'

/** Section `correios` of the app settings (manifest settingsSchema). Every credential is redacted. */
export const CORREIOS_SETTINGS: CarrierSettingsSpec = {
  fields: [
    { name: 'user', required: true, secret: true },
    { name: 'accessCode', required: true, secret: true, password: true },
    { name: 'postageCard', required: true, secret: true },
    { name: 'environment', required: false, secret: false, choices: ['production', 'sandbox'] },
  ],
  basicAuth: ['user', 'accessCode'],
  hosts: Object.values(CORREIOS_HOSTS),
}

export const correiosCredentials = (section: CarrierSettings): CorreiosCredentials => ({
  user: settingOf(section, 'user'),
  accessCode: settingOf(section, 'accessCode'),
  postageCard: settingOf(section, 'postageCard'),
  environment: settingOf(section, 'environment') === 'sandbox' ? 'sandbox' : 'production',
})
