import type { EmuModule } from '../http'
import type { RelativeEvent, Timelines } from './timelines'

export interface SimulatorDeps {
  timelines: Timelines
  /** Simulated now, in ms. */
  now: () => number
}

/** Credentials the simulators accept. The demo settings and the tests use these values. */
export const SIMULATOR_CREDENTIALS = {
  correios: { user: 'demo-correios-user', accessCode: 'demo-access-code-123', postageCard: '0067599079' },
  ups: { clientId: 'demo-ups-client-id', clientSecret: 'demo-ups-client-secret' },
  fedex: { clientId: 'demo-fedex-api-key', clientSecret: 'demo-fedex-secret-key' },
  usps: { clientId: 'demo-usps-consumer-key', clientSecret: 'demo-usps-consumer-secret' },
  dhl: { apiKey: 'demo-dhl-api-key' },
  intelipost: { apiKey: 'demo-intelipost-api-key' },
  melhorenvio: {
    token: 'demo-melhorenvio-token',
    contactEmail: 'logistics@acme.example',
    appSecret: 'demo-melhorenvio-app-secret',
  },
  aftership: { apiKey: 'demo-aftership-api-key', webhookSecret: 'demo-aftership-webhook-secret' },
  track17: { apiKey: 'demo-17track-security-key' },
} as const

/** A carrier simulator plus its named stories (delivered, exception, returned, ...). */
export interface CarrierSimulator extends EmuModule {
  /** Story name -> relative events, for control endpoints and demo seeds. */
  stories: Record<string, readonly RelativeEvent[]>
}
