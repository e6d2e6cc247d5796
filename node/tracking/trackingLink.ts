import type { InvoiceTrackingPatch } from '../typings/orders'
import type { ShipmentRecord } from './shipment'
import { isHttpUrl, MAX_TRACKING_URL_LENGTH } from './trackingUrl'

/** The placeholder a merchant's tracking-page template must contain. */
export const TRACKING_NUMBER_PLACEHOLDER = '{trackingNumber}'

/**
 * Why a merchant's tracking-page template cannot be used, or undefined when it can: an absolute
 * http(s) URL once the number is in, with the `{trackingNumber}` placeholder.
 */
export function templateProblem(template: string): string | undefined {
  if (!template.includes(TRACKING_NUMBER_PLACEHOLDER)) return `must contain ${TRACKING_NUMBER_PLACEHOLDER}`
  const sample = expandTemplate(template, 'AB123456789CD')
  if (!isHttpUrl(sample)) return 'must be an absolute http or https URL'
  if (sample.length > MAX_TRACKING_URL_LENGTH) return `must be at most ${MAX_TRACKING_URL_LENGTH} characters`
  return undefined
}

/** The template with every placeholder replaced by the URL-encoded number. */
export const expandTemplate = (template: string, trackingNumber: string): string =>
  template.split(TRACKING_NUMBER_PLACEHOLDER).join(encodeURIComponent(trackingNumber))

/**
 * The invoice PATCH giving a link-only shipment its tracking page, or undefined when the invoice
 * already has a URL (the merchant's own is never overwritten) or no number yet.
 */
export function linkInvoicePatch(
  record: Pick<ShipmentRecord, 'trackingUrl' | 'trackingNumber' | 'trackingNumberRaw' | 'courierName'>,
  urlTemplate: string
): InvoiceTrackingPatch | undefined {
  // Documents read back from Master Data omit null fields: undefined is "no URL" too.
  if ((record.trackingUrl ?? null) !== null || !record.trackingNumber) return undefined
  return {
    trackingNumber: record.trackingNumberRaw ?? record.trackingNumber,
    trackingUrl: expandTemplate(urlTemplate, record.trackingNumber),
    dispatchedDate: null,
    courier: record.courierName ?? null,
  }
}
