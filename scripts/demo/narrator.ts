import type { Stack } from '../../emulator/stack'

interface TrackingBody {
  isDelivered?: boolean
  events?: Array<{ description: string; city: string; state: string }>
}

/**
 * Turns what the emulated platform received into a readable story: registrations, carrier
 * checks, tracking written to orders, deliveries, and every email sent (VTEX's and the app's). Reads the emulator's journal; never the app.
 */
export function startNarrator(stack: Stack, print: (line: string) => void, everyMs = 500): () => void {
  let seq = stack.platform.journal.lastSeq()
  let eventSeq = stack.platform.gateway.eventLog().length
  const delivered = new Set<string>()
  let mailSeq = stack.platform.mailbox.list().at(-1)?.seq ?? 0

  const tick = (): void => {
    const time = new Date().toISOString().slice(0, 16).replace('T', ' ')
    for (const delivery of stack.platform.gateway.eventLog().slice(eventSeq)) {
      const orderId = (delivery.body as { orderId?: string } | null)?.orderId
      if (delivery.topic === 'invoiced' && orderId) {
        print(`${time}  order ${orderId} invoiced, event delivered to the app (${delivery.status})`)
      }
    }
    eventSeq = stack.platform.gateway.eventLog().length

    const entries = stack.platform.journal.list({ sinceSeq: seq })
    seq = stack.platform.journal.lastSeq()
    const checks = { correios: 0, ups: 0 }
    for (const entry of entries) {
      const orderId = /orders\/([^/]+)\/invoice/.exec(entry.path)?.[1]
      if (entry.module === 'correios' && entry.path.includes('/srorastro/')) {
        checks.correios += (entry.query.match(/codigosObjetos=([^&]*)/)?.[1] ?? '').split('%2C').length
      }
      if (entry.module === 'ups' && entry.path.includes('/track/v1/')) checks.ups += 1
      if (entry.module === 'oms' && entry.method === 'PATCH' && orderId) {
        print(`${time}  order ${orderId}: tracking number and URL written to the invoice`)
      }
      if (entry.module === 'oms' && entry.method === 'PUT' && orderId && entry.status === 200) {
        const body = entry.body as TrackingBody
        const last = body.events?.at(-1)
        if (body.isDelivered && !delivered.has(orderId)) {
          delivered.add(orderId)
          print(`${time}  order ${orderId}: DELIVERED (${last?.city ?? ''}) -> isDelivered written, polling stops`)
        } else if (last) {
          print(
            `${time}  order ${orderId}: "${last.description}" ${last.city}/${last.state} (${body.events?.length} events)`
          )
        }
      }
    }
    for (const mail of stack.platform.mailbox.list({ sinceSeq: mailSeq })) {
      const from = mail.sender === 'vtex' ? 'VTEX' : 'the app'
      print(`${time}  email from ${from} to ${mail.to}: "${mail.subject}" (${mail.templateName})`)
      mailSeq = mail.seq
    }
    const checked = [`${checks.correios} at Correios`, `${checks.ups} at UPS`].filter((t) => !t.startsWith('0 '))
    if (checked.length > 0) print(`${time}  sweep checked ${checked.join(' and ')}`)
  }
  const timer = setInterval(tick, everyMs)
  return () => clearInterval(timer)
}
