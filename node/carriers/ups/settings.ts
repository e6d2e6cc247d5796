import type { CarrierSettings, CarrierSettingsSpec } from '../shared/settings'
import { settingOf } from '../shared/settings'
import type { UpsCredentials } from './request'

/** Plain http: the IO egress proxy upgrades to TLS when it sees X-Vtex-Use-Https. */
export const UPS_HOSTS = { production: 'onlinetools.ups.com', sandbox: 'wwwcie.ups.com' } as const

/** Section `ups` of the app settings. Client id and account number identify the contract: redacted too. */
export const UPS_SETTINGS: CarrierSettingsSpec = {
  fields: [
    { name: 'clientId', required: true, secret: true },
    { name: 'clientSecret', required: true, secret: true, password: true },
    { name: 'accountNumber', required: false, secret: true },
    { name: 'environment', required: false, secret: false, choices: ['production', 'sandbox'] },
  ],
  basicAuth: ['clientId', 'clientSecret'],
  hosts: Object.values(UPS_HOSTS),
}

export const upsCredentials = (section: CarrierSettings): UpsCredentials => ({
  clientId: settingOf(section, 'clientId'),
  clientSecret: settingOf(section, 'clientSecret'),
  accountNumber: section.accountNumber,
  environment: settingOf(section, 'environment') === 'sandbox' ? 'sandbox' : 'production',
})
