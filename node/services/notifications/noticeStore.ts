import type { VBase } from '@vtex/api'

import type { NoticeLedger } from '../../notifications/ledger'
import { emptyLedger } from '../../notifications/ledger'
import { httpStatusOf } from '../platformErrors'

const BUCKET = 'notices'
const MAX_ATTEMPTS = 5

export interface StoredLedger {
  ledger: NoticeLedger
  /** null while the shipment has no ledger yet. */
  etag: string | null
}

/**
 * The per-shipment email audit and send record, in VBase, written only with compare-and-swap
 * (If-Match on the ETag read): two workers can never both claim the same email.
 */
export class NoticeStore {
  constructor(private readonly vbase: VBase) {}

  async read(shipmentId: string): Promise<StoredLedger> {
    const raw = await this.vbase.getRawJSON<NoticeLedger>(BUCKET, fileOf(shipmentId), true)
    const etag = (raw?.headers?.etag as string | undefined) ?? null
    if (!raw?.data || etag === null) return { ledger: emptyLedger(), etag: null }
    return { ledger: { entries: Array.isArray(raw.data.entries) ? raw.data.entries : [] }, etag }
  }

  /**
   * Writes when nobody changed the file since `etag` was read; false when another worker wrote
   * first. The very first write of a shipment has no ETag to match (VBase
   * offers no create-if-absent); the shipment claim already keeps a second worker away then.
   */
  async write(shipmentId: string, ledger: NoticeLedger, etag: string | null): Promise<boolean> {
    try {
      await this.vbase.saveJSON<NoticeLedger>(BUCKET, fileOf(shipmentId), ledger, undefined, etag ?? undefined)
      return true
    } catch (error) {
      const status = httpStatusOf(error)
      if (status === 412 || status === 409) return false
      throw error
    }
  }

  /** Read, change, write with If-Match, again on a conflict; `change` returns null to give up. */
  async update(
    shipmentId: string,
    change: (ledger: NoticeLedger) => NoticeLedger | null
  ): Promise<NoticeLedger | null> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { ledger, etag } = await this.read(shipmentId)
      const next = change(ledger)
      if (next === null) return null
      if (await this.write(shipmentId, next, etag)) return next
    }
    throw new Error(`email ledger of ${shipmentId}: still conflicting after ${MAX_ATTEMPTS} attempts`)
  }
}

const fileOf = (shipmentId: string): string => `${shipmentId}.json`
