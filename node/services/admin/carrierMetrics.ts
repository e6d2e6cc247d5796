import { CARRIER_CODES, carrierModule } from '../../carriers'
import type { CarrierCode } from '../../tracking/carrierResult'
import type { ShipmentRegistry } from '../../registry/shipmentRegistry'
import { quote } from '../../registry/shipmentRegistry'
import type { AttentionCutoffs } from '../../tracking/attention'
import type { DeliveryTimes } from '../../tracking/deliveryTimes'
import { deliveryTimes } from '../../tracking/deliveryTimes'
import type { ShipmentRecord } from '../../tracking/shipment'
import { mapLimit } from '../concurrency'
import { and, problemWhere } from './shipmentQuery'

/** Per-carrier delivery metrics of the admin charts, over one invoice-date window. */

/** Count queries in flight at once (Master Data throttles per account). */
const COUNT_CONCURRENCY = 16
/** Deliveries read per carrier for the time-to-delivery figures (the newest ones). */
export const DELIVERY_SAMPLE = 5000

export interface CarrierOnTime {
  carrier: CarrierCode
  displayName: string
  /** Delivered with a promised date to judge against. */
  delivered: number
  onTime: number
  /** Not delivered, past the promise (or the carrier's later estimate), still tracked. */
  overdue: number
  /** Tracking window closed without delivery. */
  expired: number
  /** onTime / (delivered + overdue + expired); null when all three are 0. */
  rate: number | null
}

export interface CarrierDeliveryTimes extends DeliveryTimes {
  carrier: CarrierCode
  displayName: string
  /** More deliveries than were read: the figures are over the newest DELIVERY_SAMPLE ones. */
  sampled: boolean
}

/** Four counts per carrier; every undelivered late parcel counts against the rate, not only the late deliveries. */
export async function onTimeByCarrier(
  registry: ShipmentRegistry,
  window: string,
  cutoffs: AttentionCutoffs
): Promise<CarrierOnTime[]> {
  return mapLimit(CARRIER_CODES, COUNT_CONCURRENCY, async (carrier) => {
    const ofCarrier = and([window, `carrier=${quote(carrier)}`])
    const delivered = and([ofCarrier, 'status="DELIVERED"'])
    const [judged, onTime, overdue, expired] = await Promise.all([
      registry.count(and([delivered, 'deliveredOnTime is not null'])),
      registry.count(and([delivered, 'deliveredOnTime=true'])),
      // Expired parcels are past their promise too: counted once, as expired.
      registry.count(and([ofCarrier, problemWhere.overdue(cutoffs), STILL_TRACKED])),
      registry.count(and([ofCarrier, 'state="expired"'])),
    ])
    const judgedTotal = judged + overdue + expired
    return {
      carrier,
      displayName: carrierModule(carrier).displayName,
      delivered: judged,
      onTime,
      overdue,
      expired,
      rate: judgedTotal === 0 ? null : onTime / judgedTotal,
    }
  })
}

/** Reads invoice and delivery dates of the newest deliveries (Master Data has no aggregates). */
export async function deliveryTimesByCarrier(
  registry: ShipmentRegistry,
  window: string
): Promise<CarrierDeliveryTimes[]> {
  return mapLimit(CARRIER_CODES, 2, async (carrier) => {
    const where = and([window, `carrier=${quote(carrier)}`, 'status="DELIVERED"', 'deliveredAt is not null'])
    const samples: ShipmentRecord[] = []
    for await (const page of registry.scroll({
      where,
      sort: 'deliveredAt DESC',
      size: 1000,
      limit: DELIVERY_SAMPLE,
      fields: ['invoicedAt', 'deliveredAt'],
    })) {
      samples.push(...page)
    }
    const total = samples.length < DELIVERY_SAMPLE ? samples.length : await registry.count(where)
    return {
      carrier,
      displayName: carrierModule(carrier).displayName,
      ...deliveryTimes(samples),
      sampled: total > samples.length,
    }
  })
}

const STILL_TRACKED = '(state="active" OR state="awaiting_tracking" OR state="unresolved_carrier")'
