import type { CarrierSettings, CarrierSettingsSpec } from '../shared/settings'
import { settingOf } from '../shared/settings'
import type { AftershipCredentials } from './request'
import { AFTERSHIP_HOST, parseSlugPairs } from './request'

/**
 * Section `aftership` of the app settings: the AfterShip API key (masked, redacted), the webhook
 * secret AfterShip shows under Notifications > Webhooks (masked, redacted; pushes are refused
 * without it), and optional "courier name = slug" pairs for couriers AfterShip should not guess.
 * Which couriers go through AfterShip is the courier mapping (carrier "aftership").
 */
export const AFTERSHIP_SETTINGS: CarrierSettingsSpec = {
  fields: [
    { name: 'apiKey', required: true, secret: true, password: true },
    { name: 'webhookSecret', required: false, secret: true, password: true },
    { name: 'courierSlugs', required: false, secret: false },
  ],
  hosts: [AFTERSHIP_HOST],
}

export const aftershipCredentials = (section: CarrierSettings): AftershipCredentials => ({
  apiKey: settingOf(section, 'apiKey'),
  slugs: parseSlugPairs(section.courierSlugs),
})
