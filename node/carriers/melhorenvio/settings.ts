import type { CarrierSettings, CarrierSettingsSpec } from '../shared/settings'
import { settingOf } from '../shared/settings'
import type { MelhorEnvioCredentials } from './request'
import { MELHOR_ENVIO_HOSTS } from './request'

/**
 * Section `melhorenvio` of the app settings: an access token (Melhor Envio panel, "Integrações >
 * Permissões de acesso", with the `shipping-tracking` and `orders-read` scopes), the contact e-mail
 * Melhor Envio requires in the User-Agent, the client secret of the merchant's Melhor Envio app
 * (only to check webhook signatures), the environment, and the courier names routed through it.
 */
export const MELHOR_ENVIO_SETTINGS: CarrierSettingsSpec = {
  fields: [
    { name: 'token', required: true, secret: true, password: true },
    { name: 'contactEmail', required: true, secret: false },
    { name: 'appSecret', required: false, secret: true, password: true },
    { name: 'environment', required: false, secret: false, choices: ['production', 'sandbox'] },
    { name: 'couriers', required: false, secret: false },
  ],
  routedCouriersField: 'couriers',
  hosts: Object.values(MELHOR_ENVIO_HOSTS),
}

export const melhorEnvioCredentials = (section: CarrierSettings): MelhorEnvioCredentials => ({
  token: settingOf(section, 'token'),
  contactEmail: settingOf(section, 'contactEmail'),
  environment: settingOf(section, 'environment') === 'sandbox' ? 'sandbox' : 'production',
})
