import type { CarrierSettings, CarrierSettingsSpec } from '../shared/settings'
import { settingOf } from '../shared/settings'
import { DHL_SERVICES } from './contract'
import type { DhlCredentials } from './request'
import { DHL_HOST, isDhlService } from './request'

/**
 * Section `dhl` of the app settings: the API key of a DHL Developer app subscribed to Shipment
 * Tracking - Unified, and optionally the DHL division to ask (`service`; empty asks them all).
 */
export const DHL_SETTINGS: CarrierSettingsSpec = {
  fields: [
    { name: 'apiKey', required: true, secret: true, password: true },
    { name: 'service', required: false, secret: false, choices: ['', ...DHL_SERVICES] },
  ],
  hosts: [DHL_HOST],
}

export function dhlCredentials(section: CarrierSettings): DhlCredentials {
  const service = section.service
  return { apiKey: settingOf(section, 'apiKey'), ...(isDhlService(service) ? { service } : {}) }
}
