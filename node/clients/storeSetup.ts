import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import type { SalesChannelZone } from '../tracking/storeZone'

/**
 * The store's own configuration the app reads, HTTP only: the Catalog API's sales channels (their
 * `TimeZone`) and the Logistics API's holidays (`GET /api/logistics/pvt/configuration/holidays`).
 */
export class StoreSetupClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, {
      ...options,
      headers: { ...options?.headers, VtexIdclientAutCookie: context.authToken, Accept: 'application/json' },
    })
  }

  public salesChannels(): Promise<SalesChannelZone[]> {
    return this.http.get<SalesChannelZone[]>('/api/catalog_system/pvt/saleschannel/list', {
      metric: 'catalog-saleschannel-list',
    })
  }

  /** The holiday list; the contract documents no body, so the caller reads it as unknown. */
  public holidays(): Promise<unknown> {
    return this.http.get<unknown>('/api/logistics/pvt/configuration/holidays', {
      metric: 'logistics-holidays',
      headers: { 'Content-Type': 'application/json' },
    })
  }
}
