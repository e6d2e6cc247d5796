import type { CarrierSettings, CarrierSettingsSpec } from '../shared/settings'
import { settingOf } from '../shared/settings'
import type { Track17Credentials } from './request'
import { parseCarrierKeys, TRACK17_HOST } from './request'

/**
 * Section `track17` of the app settings: the 17TRACK API key (masked, redacted; it also signs
 * 17TRACK's webhooks) and optional "courier name = 17TRACK carrier key" pairs. Which couriers go
 * through 17TRACK is the courier mapping (carrier "track17").
 */
export const TRACK17_SETTINGS: CarrierSettingsSpec = {
  fields: [
    { name: 'apiKey', required: true, secret: true, password: true },
    { name: 'courierCarrierCodes', required: false, secret: false },
  ],
  hosts: [TRACK17_HOST],
}

export const track17Credentials = (section: CarrierSettings): Track17Credentials => ({
  apiKey: settingOf(section, 'apiKey'),
  carrierKeys: parseCarrierKeys(section.courierCarrierCodes),
})
