/**
 * Whether a delivery kept the store's promise. Computed once, at delivery, and indexed, so the
 * admin's on-time rate is a count rather than a scan of every delivered shipment.
 */
export function deliveredOnTime(deliveredAt: string | null, promisedDelivery: string | null): boolean | null {
  if (deliveredAt === null || promisedDelivery === null) return null
  const delivered = Date.parse(deliveredAt)
  const promised = Date.parse(promisedDelivery)
  if (Number.isNaN(delivered) || Number.isNaN(promised)) return null
  return delivered <= promised
}
