import type { OrderDocument, OrderPackage } from '../oms'
import type { Mailbox } from './mailbox'

/** A write to one invoice of an order, as the Orders API committed it. */
export interface PackageWrite {
  account: string
  kind: 'invoice' | 'patch' | 'tracking'
  invoiceNumber: string
  before: OrderDocument | undefined
  after: OrderDocument
}

/**
 * VTEX's own order emails for invoice and tracking writes, with the documented rules and gaps
 * (help "Order transactional email templates"; reference/vtex-api-contracts.md 6.4 and 9):
 * - "Order shipped" once the invoice carries both trackingNumber and trackingUrl;
 * - "Shipping update" when the events change, except the first update (known issue "The first
 *   shipping update email is not sent…": only a second, different update sends one);
 * - "Order delivered" when `isDelivered` becomes true;
 * - nothing for fulfillment orders ("fulfillment orders do not receive transactional emails").
 */
export function sendOrderEmails(mailbox: Mailbox, write: PackageWrite, now: number): void {
  const { after } = write
  if (after.origin === 'Fulfillment') return
  const before = packageOf(write.before, write.invoiceNumber)
  const pkg = packageOf(after, write.invoiceNumber)
  if (!pkg || pkg.type !== 'Output') return
  const hasLink = Boolean(pkg.trackingNumber && pkg.trackingUrl)
  const send = (templateName: string, subject: string): void => {
    const last = pkg.courierStatus?.data.at(-1)
    mailbox.add(
      {
        account: write.account,
        sender: 'vtex',
        templateName,
        to: after.clientProfileData.email,
        subject: `${subject} ${after.orderId}`,
        html: `<p>${pkg.courier ?? ''} ${pkg.trackingNumber ?? ''}</p><p>${last?.description ?? ''}</p><a href="${pkg.trackingUrl ?? ''}">${pkg.trackingUrl ?? ''}</a>`,
        orderId: after.orderId,
        jsonData: { package: pkg },
      },
      now
    )
  }
  if (hasLink && !(before?.trackingNumber && before.trackingUrl)) send('vtexcommerce-order-shipped', 'Order shipped')
  if (write.kind !== 'tracking') return
  const previousEvents = before?.courierStatus?.data ?? []
  const events = pkg.courierStatus?.data ?? []
  const eventsChanged = JSON.stringify(strip(previousEvents)) !== JSON.stringify(strip(events))
  if (hasLink && eventsChanged && previousEvents.length > 0 && events.length > 0) {
    send('vtexcommerce-order-shipping-update', 'Shipping update')
  }
  if (pkg.courierStatus?.finished && !before?.courierStatus?.finished)
    send('vtexcommerce-order-shipping-finished', 'Order delivered')
}

const packageOf = (order: OrderDocument | undefined, invoiceNumber: string): OrderPackage | undefined =>
  order?.packageAttachment.packages.find((p) => p.invoiceNumber === invoiceNumber)

/** `lastChange` is stamped by OMS on every write: not a change of the events themselves. */
const strip = (events: ReadonlyArray<{ lastChange?: string }>): unknown[] =>
  events.map(({ lastChange: _lastChange, ...rest }) => rest)
