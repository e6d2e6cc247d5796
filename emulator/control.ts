import type { RelativeEvent, SimulatedCarrier } from './carriers/timelines'
import { fromRelative, SIMULATED_CARRIERS } from './carriers/timelines'
import { activeClock } from './clock'
import { erpRequest } from './erpClient'
import type { EmuRequest, EmuResponse } from './http'
import { json } from './http'
import type { Platform } from './platform'
import type { NewOrderInput } from './vtex/oms'
import { outputInvoicedValue } from './vtex/oms'

const PREFIX = '/_emulator'

/**
 * Control endpoints, outside every VTEX contract and namespaced under /_emulator: create orders,
 * invoice them as an ERP would, script carrier timelines, move the clock, inject faults, and read
 * what the platform received. Documented in emulator/README.md.
 */
export async function handleControl(platform: Platform, req: EmuRequest): Promise<EmuResponse | undefined> {
  if (!req.path.startsWith(`${PREFIX}/`)) return undefined
  const route = `${req.method} ${req.path.slice(PREFIX.length)}`
  const body = (req.body ?? {}) as Record<string, unknown>
  const account = platform.options.account
  try {
    let match: RegExpExecArray | null
    if (route === 'POST /orders') return json(201, platform.orders.createOrder(account, body as NewOrderInput))
    if ((match = /^GET \/orders\/([^/]+)$/.exec(route))) {
      const order = platform.orders.getOrder(account, match[1])
      return order ? json(200, order) : json(404, { error: `no order ${match[1]}` })
    }
    if ((match = /^POST \/orders\/([^/]+)\/invoice$/.exec(route))) return await invoice(platform, match[1], body)
    if (route === 'POST /shipments') return scriptShipment(platform, body)
    if (route === 'GET /shipments') return json(200, platform.timelines.list())
    if (route === 'GET /clock') return json(200, clockView())
    if (route === 'POST /clock/advance') {
      const clock = requireClock()
      const ms = Number(body.ms ?? 0) + Number(body.minutes ?? 0) * 60_000 + Number(body.hours ?? 0) * 3600_000
      clock.advance(ms)
      await platform.scheduler.tick()
      return json(200, clockView())
    }
    if (route === 'POST /clock/speed') {
      requireClock().setSpeed(Number(body.speed))
      return json(200, clockView())
    }
    if (route === 'GET /received') return json(200, received(platform, req.query))
    if (route === 'GET /mail') {
      const sinceSeq = req.query.get('sinceSeq')
      return json(
        200,
        platform.mailbox.list({
          orderId: req.query.get('orderId') ?? undefined,
          to: req.query.get('to') ?? undefined,
          sender: req.query.get('sender') ?? undefined,
          sinceSeq: sinceSeq === null ? undefined : Number(sinceSeq),
        })
      )
    }
    if (route === 'POST /faults') {
      const onlyTiming = body.status === undefined && (body.delayMs !== undefined || body.hang === true)
      platform.faults.add({
        host: String(body.host),
        pathIncludes: body.pathIncludes === undefined ? undefined : String(body.pathIncludes),
        queryIncludes: body.queryIncludes === undefined ? undefined : String(body.queryIncludes),
        method: body.method === undefined ? undefined : String(body.method),
        times: Number(body.times ?? 1),
        delayMs: body.delayMs === undefined ? undefined : Number(body.delayMs),
        jitterMs: body.jitterMs === undefined ? undefined : Number(body.jitterMs),
        hang: body.hang === true,
        probability: body.probability === undefined ? undefined : Number(body.probability),
        response: onlyTiming
          ? undefined
          : {
              status: Number(body.status ?? 500),
              headers: (body.headers as Record<string, string> | undefined) ?? { 'content-type': 'application/json' },
              body: body.body ?? { error: 'injected fault' },
            },
      })
      return json(201, platform.faults.pending())
    }
    if (route === 'DELETE /faults') {
      platform.faults.clear()
      return json(200, [])
    }
    if (route === 'POST /events') {
      const deliveries = await platform.gateway.deliverEvent(
        String(body.sender),
        String(body.topic),
        body.body,
        Number(body.maxAttempts ?? 1)
      )
      return json(200, deliveries)
    }
    if (route === 'GET /events') return json(200, platform.gateway.eventLog())
    if (route === 'GET /contract-violations') return json(200, platform.contract.violations())
    if (route === 'GET /settings') return json(200, appSettings(platform))
    if (route === 'PUT /settings') {
      platform.infra.saveSettings(account, platform.options.workspace, platform.options.appId, body)
      return json(200, body)
    }
    if (route === 'PUT /store/time-zone') {
      const target = typeof body.account === 'string' ? body.account : account
      const windowsName = platform.storeSetup.setTimeZone(target, String(body.timeZone ?? ''))
      return json(200, { account: target, TimeZone: windowsName })
    }
    if (route === 'POST /store/holidays') {
      const target = typeof body.account === 'string' ? body.account : account
      const startDate = String(body.startDate ?? '')
      if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) return json(400, { error: 'startDate must be YYYY-MM-DD' })
      const id = typeof body.id === 'string' && body.id ? body.id : `holiday-${startDate}`
      platform.storeSetup.putHoliday(target, { id, name: String(body.name ?? id), startDate })
      return json(201, platform.storeSetup.holidays(target))
    }
    if (route === 'GET /scheduler') return json(200, platform.scheduler.jobs())
    if ((match = /^POST \/scheduler\/([^/]+)\/run$/.exec(route))) {
      return json(200, { status: await platform.scheduler.runNow(match[1]) })
    }
    if (route === 'POST /app/install') {
      const deliveries = await platform.gateway.deliverEvent('apps', 'setup', { to: { id: platform.options.appId } })
      return json(200, deliveries)
    }
    return json(404, { error: `no control endpoint ${route}` })
  } catch (error) {
    return json(400, { error: (error as Error).message })
  }
}

/** Invoices through the real OMS endpoint, as an ERP would, so the broadcast event follows. */
async function invoice(platform: Platform, orderId: string, body: Record<string, unknown>): Promise<EmuResponse> {
  const order = platform.orders.getOrder(platform.options.account, orderId)
  if (!order) return json(404, { error: `no order ${orderId}` })
  const items = Array.isArray(body.items)
    ? body.items
    : order.items.map((item) => ({ id: item.id, price: item.price, quantity: item.quantity }))
  // One package of several when `invoiceValue` is less than what is left; by default, what is left.
  const remaining = order.value - outputInvoicedValue(order)
  const invoiceBody = {
    type: 'Output',
    issuanceDate: new Date().toISOString(),
    invoiceNumber: String(body.invoiceNumber ?? `NF-${orderId.replace(/\D/g, '').slice(-6)}`),
    invoiceValue: String(body.invoiceValue ?? (remaining > 0 ? remaining : order.value)),
    courier: body.courier ?? '',
    trackingNumber: body.trackingNumber ?? '',
    trackingUrl: body.trackingUrl ?? '',
    items,
  }
  const response = await erpRequest(
    platform.url,
    platform.options.account,
    'POST',
    'portal.vtexcommercestable.com.br',
    `/api/oms/pvt/orders/${encodeURIComponent(orderId)}/invoice`,
    invoiceBody
  )
  await platform.settle()
  return json(response.status, response.body)
}

function scriptShipment(platform: Platform, body: Record<string, unknown>): EmuResponse {
  const carrier = String(body.carrier) as SimulatedCarrier
  if (!(SIMULATED_CARRIERS as readonly string[]).includes(carrier)) {
    return json(400, { error: `carrier must be ${SIMULATED_CARRIERS.join(' or ')}` })
  }
  const trackingNumber = String(body.trackingNumber ?? '')
  if (!trackingNumber) return json(400, { error: 'trackingNumber is required' })
  const start = body.startAt ? Date.parse(String(body.startAt)) : Date.now()
  const relative = Array.isArray(body.events)
    ? (body.events as RelativeEvent[])
    : storyEvents(platform, carrier, String(body.story ?? 'delivered'))
  const estimatedAfterHours = body.estimatedDeliveryAfterHours
  platform.timelines.script({
    carrier,
    trackingNumber,
    events: fromRelative(start, relative),
    estimatedDelivery: typeof estimatedAfterHours === 'number' ? start + estimatedAfterHours * 3600_000 : undefined,
  })
  return json(201, platform.timelines.get(carrier, trackingNumber))
}

function storyEvents(platform: Platform, carrier: SimulatedCarrier, story: string): readonly RelativeEvent[] {
  const events = platform.simulators[carrier].stories[story]
  if (!events)
    throw new Error(
      `no ${carrier} story "${story}" (have: ${Object.keys(platform.simulators[carrier].stories).join(', ')})`
    )
  return events
}

function received(platform: Platform, query: URLSearchParams) {
  return platform.journal.list({
    module: query.get('module') ?? undefined,
    method: query.get('method') ?? undefined,
    pathIncludes: query.get('path') ?? undefined,
    sinceSeq: query.has('since') ? Number(query.get('since')) : undefined,
  })
}

const appSettings = (platform: Platform): unknown =>
  platform.infra.getSettings(platform.options.account, platform.options.workspace, platform.options.appId)

function requireClock() {
  const clock = activeClock()
  if (!clock) throw new Error('no simulated clock installed')
  return clock
}

const clockView = () => ({ now: new Date().toISOString(), speed: activeClock()?.getSpeed() ?? 1 })
