import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'

import type { Browser, BrowserContext, Page } from 'playwright-core'

import { adminPageHandler, buildAdminPage } from '../../emulator/adminPage'
import { SimClock } from '../../emulator/clock'
import { REPO_ROOT } from '../../emulator/runtime'
import type { Stack } from '../../emulator/stack'
import { startStack } from '../../emulator/stack'
import { SHIPMENT_ENTITY } from '../../node/registry/schema'
import { shipmentId } from '../../node/registry/shipmentId'
import { T0 } from '../e2e/harness'
import { launchChromium } from './chromium'
import type { SeededShipment } from './seed'
import { control, correiosNumber, seedDemo } from './seed'

/**
 * The merchant's admin page in a real headless Chromium, against the real stack: the @vtex/api
 * runtime running the app's admin API, the emulated VTEX platform and the carrier simulators.
 * Demo data is made the way production makes it (orders invoiced, carriers scanning, sweeps).
 */

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots')
const BUILD = path.join(REPO_ROOT, '.build', 'browser-test')
const ADMIN_COOKIE = 'VtexIdclientAutCookie=demo-admin-token'

interface OverviewBody {
  attention: Record<string, number>
  totals: { all: number }
}

interface OrderBody {
  packageAttachment: {
    packages: Array<{
      trackingNumber: string
      courierStatus?: { finished?: boolean; data?: Array<{ description: string }> } | null
    }>
  }
}

/** The tracking events the order shows its customer (the emulated Orders API's courierStatus). */
async function orderEvents(orderId: string): Promise<string[]> {
  const order = await control<OrderBody>(stack, 'GET', `/_emulator/orders/${encodeURIComponent(orderId)}`)
  return (order.packageAttachment.packages[0].courierStatus?.data ?? []).map((event) => event.description)
}

let stack: Stack
let browser: Browser
let seeded: Record<string, SeededShipment>
/** Every request Chromium tried outside the loopback stack (must stay empty). */
const outside: string[] = []

async function newPage(
  options: { locale?: string; cookie?: string; width?: number; height?: number } = {}
): Promise<{ context: BrowserContext; page: Page }> {
  const viewport = { width: options.width ?? 1366, height: options.height ?? 900 }
  const context = await browser.newContext({ viewport, locale: 'en-US' })
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url())
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue()
    outside.push(route.request().url())
    return route.abort()
  })
  if (options.cookie) {
    // Set before the page loads: the emulator's shell keeps an existing cookie (a non-admin here).
    const { hostname } = new URL(stack.platform.url)
    await context.addCookies([
      { name: 'VtexIdclientAutCookie', value: options.cookie, domain: hostname, path: '/', sameSite: 'Lax' },
    ])
  }
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${stack.platform.url}/admin/order-tracking?locale=${options.locale ?? 'en'}`)
  assert.deepEqual(errors, [], 'page errors while loading')
  return { context, page }
}

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForTimeout(400) // toasts and chart animations settle
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage })
}

async function api<T>(route: string): Promise<T> {
  const response = await fetch(`${stack.platform.url}/_v/private/order-tracking/admin/${route}`, {
    headers: { cookie: ADMIN_COOKIE },
  })
  assert.equal(response.status, 200, `admin API ${route}`)
  return (await response.json()) as T
}

/** Waits until the shipments table shows the answer to the current filter. */
async function tableSettled(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="shipments-table"][data-loading="false"]')
}

/** Waits until the table lists exactly `count` shipments (the filter's answer has arrived). */
async function rowCount(page: Page, count: number): Promise<void> {
  await tableSettled(page)
  await page.waitForFunction(
    (expected) =>
      document.querySelectorAll('[data-testid="shipments-table"] [data-testid="order-link"]').length === expected,
    count
  )
}

void describe('admin page (Chromium, real stack)', { timeout: 300_000 }, () => {
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    browser = await launchChromium()
    const pageDir = await buildAdminPage(path.join(BUILD, 'admin'))
    stack = await startStack({
      clock: new SimClock(T0, 1),
      tickMs: 0,
      local: adminPageHandler(pageDir),
      buildDir: path.join(BUILD, 'app'),
    })
    seeded = await seedDemo(stack)
  })

  after(async () => {
    await browser?.close()
    await stack?.stop()
  })

  void it('loads the overview with the demo data', async () => {
    const overview = await api<OverviewBody>('overview')
    assert.ok(overview.totals.all >= 12, `demo data registered: ${overview.totals.all}`)
    const { context, page } = await newPage()
    await page.waitForSelector('[data-testid="overview"]')
    for (const key of ['overdue', 'stuck', 'exceptions', 'awaitingTracking', 'unresolvedCarrier']) {
      const shown = await page.locator(`[data-testid="attention-${key}"] [data-testid="attention-count"]`).innerText()
      assert.equal(Number(shown), overview.attention[key], `${key} counter`)
      assert.ok(overview.attention[key] > 0, `the demo has ${key} shipments`)
    }
    const subtitle = await page.locator('[data-testid="page-subtitle"]').innerText()
    assert.match(subtitle, /GMT-3/, 'times are in the store zone (America/Sao_Paulo)')
    const health = await page.locator('[data-testid="carrier-health"]').innerText()
    assert.match(health, /Correios/)
    assert.match(health, /UPS/)
    // Stacked bars per invoice day: every registered shipment is in one bar, split by status group.
    await page.waitForSelector('[data-testid="status-chart"] [data-testid="status-bar"]', { state: 'attached' })
    const barTotals = await page
      .locator('[data-testid="status-bar"]')
      .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-total'))))
    assert.equal(barTotals.length, 30)
    assert.equal(
      barTotals.reduce((sum, n) => sum + n, 0),
      overview.totals.all
    )
    assert.ok((await page.locator('[data-testid="status-bar"] [data-group="delivered"]').count()) > 0)
    await page.waitForSelector('[data-testid="on-time-chart"] svg')
    assert.match(
      await page.locator('[data-testid="on-time-correios"]').innerText(),
      /on time of \d+ \(\d+ delivered, \d+ overdue, \d+ expired\)/
    )
    await page.waitForSelector('[data-testid="delivery-times"] [data-testid="delivery-times-correios"]')
    assert.match(
      await page.locator('[data-testid="delivery-times-correios"]').innerText(),
      /Average [\d.]+ days · 90th percentile [\d.]+ days/
    )
    const titles = await page.locator('[data-testid="overview"] h3, [data-testid="overview"] h2').allInnerTexts()
    assert.equal(new Set(titles).size, titles.length, `distinct titles: ${titles.join(' | ')}`)
    assert.match(await page.locator('[data-testid="last-sweep"]').innerText(), /Finished/)
    // The install's backfill (an empty store then: the demo orders came through their events).
    assert.match(
      await page.locator('[data-testid="backfill-progress"]').innerText(),
      /^Backfill: \d+ of \d+ orders, started .+, finished .+/
    )
    await screenshot(page, 'overview-en')
    await context.close()
  })

  void it('filters to overdue and to stuck from the attention cards', async () => {
    const overview = await api<OverviewBody>('overview')
    const { context, page } = await newPage()
    await page.click('[data-testid="attention-overdue"]')
    await rowCount(page, overview.attention.overdue)
    assert.equal(
      await page.locator('[data-testid="shipments-table"] [data-flag="overdue"]').count(),
      overview.attention.overdue,
      'every row of the overdue view is flagged overdue'
    )
    assert.match(await page.locator('[data-testid="filter-view"]').innerText(), /Overdue/)
    await screenshot(page, 'shipments-overdue')

    await page.click('text=Overview')
    await page.click('[data-testid="attention-stuck"]')
    await rowCount(page, overview.attention.stuck)
    assert.equal(
      await page.locator('[data-testid="shipments-table"] [data-flag="stuck"]').count(),
      overview.attention.stuck
    )
    const stuckText = await page.locator('[data-testid="shipments-table"]').innerText()
    assert.ok(
      stuckText.includes(seeded['correios-stuck'].trackingNumber),
      'the scripted stuck Correios parcel is listed'
    )
    assert.ok(!stuckText.includes(seeded['correios-delivered'].trackingNumber), 'a delivered parcel is not')
    await screenshot(page, 'shipments-stuck')
    await context.close()
  })

  void it('searches by tracking number and exports the filtered CSV', async () => {
    const { context, page } = await newPage()
    await page.click('text=Shipments')
    await tableSettled(page)
    const target = seeded['ups-exception'].trackingNumber
    await page.fill('[data-testid="search"] input', target.toLowerCase())
    await page.press('[data-testid="search"] input', 'Enter')
    await rowCount(page, 1)
    assert.match(await page.locator('[data-testid="shipments-table"]').innerText(), new RegExp(target))
    const href = await page.locator('[data-testid="export-csv"] a').getAttribute('href')
    assert.ok(href?.startsWith('/_v/private/order-tracking/admin/shipments.csv?'), `export link ${href}`)
    assert.match(href ?? '', /q=1z/i)
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' })
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() }
    }, href ?? '')
    assert.equal(csv.status, 200)
    assert.match(csv.type ?? '', /text\/csv/)
    assert.ok(csv.body.includes(target), 'the CSV has the searched shipment')
    assert.ok(!csv.body.includes(seeded['correios-delivered'].trackingNumber), 'and only what the filter matches')
    await context.close()
  })

  void it('checks the selected rows at their carriers in bulk', async () => {
    const { context, page } = await newPage()
    await page.click('[data-testid="attention-exceptions"]')
    const overview = await api<OverviewBody>('overview')
    await rowCount(page, overview.attention.exceptions)
    assert.ok(overview.attention.exceptions >= 2, 'the demo has at least two exceptions')
    const before = (await control<unknown[]>(stack, 'GET', '/_emulator/received')).length
    const boxes = page.locator('[data-testid="shipments-table"] input[type="checkbox"]')
    await boxes.nth(1).click({ force: true })
    await boxes.nth(2).click({ force: true })
    await page.waitForSelector('text=2 shipments selected')
    await screenshot(page, 'shipments-bulk-selected')
    await page.click('text=Check now at the carrier')
    await page.waitForSelector('text=2 shipments checked at the carrier')
    const carrierCalls = (await control<Array<{ module: string }>>(stack, 'GET', '/_emulator/received'))
      .slice(before)
      .filter((entry) => entry.module === 'correios' || entry.module === 'ups')
    assert.ok(carrierCalls.length >= 2, `both carriers asked (${carrierCalls.length} calls)`)
    await context.close()
  })

  void it('opens a shipment, checks it at the carrier now, and marks it delivered', async () => {
    const shipment = seeded['correios-stuck']
    const { context, page } = await newPage()
    await page.click('[data-testid="attention-stuck"]')
    await tableSettled(page)
    await page.click(`text=${shipment.trackingNumber}`)
    await page.waitForSelector('[data-testid="shipment-detail"]')
    await page.waitForSelector('[data-testid="timeline-event"]')
    const detail = await page.locator('[data-testid="shipment-detail"]').innerText()
    assert.ok(detail.includes(shipment.orderId))
    assert.match(await page.locator('[data-testid="timeline"]').innerText(), /GMT-3/, 'event times in the store zone')
    assert.equal(await page.locator('[data-testid="carrier-code"]').first().innerText(), 'PO/01', 'raw carrier code')
    // Why the next check is then: a translated schedule reason, never a raw code.
    const reason = await page.locator('[data-testid="detail-next-check-reason"]').innerText()
    assert.match(reason, /every|morning|tomorrow|Just registered|night|window/i)
    assert.doesNotMatch(reason, /_|Other \(/)
    await screenshot(page, 'detail', false)

    // Refresh now: the app asks Correios at once.
    const before = (await control<unknown[]>(stack, 'GET', '/_emulator/received?module=correios')).length
    await page.click('[data-testid="action-refresh"]')
    await page.waitForSelector('text=Checked at the carrier')
    const afterRefresh = (await control<unknown[]>(stack, 'GET', '/_emulator/received?module=correios')).length
    assert.ok(afterRefresh > before, `Correios was called (${before} -> ${afterRefresh})`)

    // Mark delivered, through the confirmation dialog.
    await page.click('[data-testid="action-delivered"]')
    await page.waitForSelector('[data-testid="status-modal"]')
    assert.match(await page.locator('[data-testid="status-modal"]').innerText(), /written to order/)
    // Only an internal note: the preview shows the standard text the customer will see.
    await page.fill('[data-testid="internal-note"] textarea', 'Customer confirmed by phone; was angry about the delay')
    assert.equal(
      await page.locator('[data-testid="order-preview-text"]').innerText(),
      'Delivered (confirmed by the store)'
    )
    await screenshot(page, 'mark-delivered-confirm', false)
    await page.click('[data-testid="status-confirm"]')
    await page.waitForSelector('text=Marked as delivered and written to the order')
    await page.waitForSelector('[data-testid="detail-status"] [data-status="DELIVERED"]')
    await screenshot(page, 'detail-delivered', false)

    const order = await control<OrderBody>(stack, 'GET', `/_emulator/orders/${encodeURIComponent(shipment.orderId)}`)
    const pack = order.packageAttachment.packages[0]
    assert.equal(pack.trackingNumber, shipment.trackingNumber)
    assert.equal(pack.courierStatus?.finished, true, 'the order received the delivered tracking write')
    const events = await orderEvents(shipment.orderId)
    assert.equal(events.at(-1), 'Delivered (confirmed by the store)')
    assert.ok(!events.some((text) => text.includes('angry')), 'the internal note never reaches the order')
    // The team still sees it, with who wrote it.
    const log = await page.locator('[data-testid="admin-log"]').innerText()
    assert.match(log, /Customer confirmed by phone; was angry about the delay/)
    assert.match(log, /admin@orderly\.example/)
    await context.close()
  })

  void it('writes a customer message to the order only when one is written', async () => {
    const shipment = seeded['ups-label-only']
    const { context, page } = await newPage()
    await page.click('text=Shipments')
    await tableSettled(page)
    await page.fill('[data-testid="search"] input', shipment.trackingNumber)
    await page.press('[data-testid="search"] input', 'Enter')
    await rowCount(page, 1)
    await page.click(`text=${shipment.trackingNumber}`)
    await page.waitForSelector('[data-testid="shipment-detail"]')
    const before = await orderEvents(shipment.orderId)

    await page.click('[data-testid="action-status"]')
    await page.waitForSelector('[data-testid="status-modal"]')
    await page.selectOption('[data-testid="status-modal"] select', 'IN_TRANSIT')
    await page.fill('[data-testid="internal-note"] textarea', 'Carrier support ticket 4471')
    await page.fill('[data-testid="customer-message"] textarea', 'Your parcel left our warehouse today')
    assert.equal(
      await page.locator('[data-testid="order-preview-text"]').innerText(),
      'Your parcel left our warehouse today',
      'the preview shows what the order will show'
    )
    await screenshot(page, 'set-status-customer-message', false)
    await page.click('[data-testid="status-confirm"]')
    await page.waitForSelector('[data-testid="detail-status"] [data-status="IN_TRANSIT"]')
    const after = await orderEvents(shipment.orderId)
    assert.deepEqual(after.slice(0, before.length), before, 'the carrier events stay')
    assert.deepEqual(after.slice(before.length), ['Your parcel left our warehouse today'], 'one new event: the message')
    assert.ok(!after.some((text) => text.includes('4471')), 'the internal note stays internal')
    await context.close()
  })

  void it("previews every customer email in each language and lists a shipment's emails", async () => {
    const { context, page } = await newPage()
    await page.waitForSelector('[data-testid="email-previews"] [data-testid="preview-subject"]')
    assert.match(await page.locator('[data-testid="preview-subject"]').innerText(), /out for delivery/)
    await page.selectOption('[data-testid="preview-locale"] select', 'pt')
    await page.waitForSelector('[data-testid="preview-subject"]:has-text("saiu para entrega")')
    const frame = page.frameLocator('[data-testid="email-previews"] iframe')
    assert.match(await frame.locator('h1').innerText(), /Saiu para entrega/)
    assert.match((await frame.locator('a').getAttribute('href')) ?? '', /^https:\/\/www\.ups\.com\//)
    assert.match(
      await page.locator('[data-testid="email-counts"]').innerText(),
      /Packages with customer emails sent: \d+/
    )
    await page.locator('[data-testid="email-previews"]').scrollIntoViewIfNeeded()
    await screenshot(page, 'email-previews', false)

    // Found by search: an earlier test resolved this shipment, so it is in no queue any more.
    const shipment = seeded['correios-stuck']
    await page.click('text=Shipments')
    await tableSettled(page)
    await page.fill('[data-testid="search"] input', shipment.trackingNumber)
    await page.press('[data-testid="search"] input', 'Enter')
    await rowCount(page, 1)
    await page.click(`text=${shipment.trackingNumber}`)
    await page.waitForSelector('[data-testid="email-audit"]')
    await page.waitForSelector('[data-testid="email-audit"] li, [data-testid="email-audit"] .c-muted-1')
    assert.match(await page.locator('[data-testid="email-audit"]').innerText(), /Customer emails/)
    await context.close()
  })

  void it('links only http(s) URLs: a javascript: tracking URL never becomes a link', async () => {
    const hostile = 'javascript:alert(document.domain)'
    const invoiceWith = async (trackingNumber: string, invoiceNumber: string, trackingUrl: string) => {
      const order = await control<{ orderId: string }>(stack, 'POST', '/_emulator/orders', {
        courier: 'Correios SEDEX',
        country: 'BRA',
        shippingEstimateDays: 5,
      })
      await control(stack, 'POST', `/_emulator/orders/${order.orderId}/invoice`, {
        courier: 'Correios SEDEX',
        trackingNumber,
        invoiceNumber,
        trackingUrl,
      })
      return order.orderId
    }
    // Invoiced now with a javascript: URL: refused at registration, the invoice gets the carrier's page.
    const fresh = correiosNumber('XS', '55667788')
    const freshOrder = await invoiceWith(fresh, 'NF-XSS-1', hostile)
    const pack = (
      await control<OrderBody & { packageAttachment: { packages: Array<{ trackingUrl: string }> } }>(
        stack,
        'GET',
        `/_emulator/orders/${encodeURIComponent(freshOrder)}`
      )
    ).packageAttachment.packages[0]
    assert.match(pack.trackingUrl, /^https:\/\/rastreamento\.correios\.com\.br\//, 'never written back as trackingUrl')
    // Stored before the check existed: the page itself must still refuse to link it.
    const legacy = correiosNumber('XS', '55667789')
    const legacyOrder = await invoiceWith(legacy, 'NF-XSS-2', 'https://transportadora.example/t')
    stack.platform.masterdata.patch(
      { account: stack.account, entity: SHIPMENT_ENTITY },
      shipmentId(legacyOrder, 'NF-XSS-2'),
      {
        trackingUrl: hostile,
      }
    )

    const { context, page } = await newPage()
    let dialogs = 0
    page.on('dialog', (dialog) => {
      dialogs += 1
      void dialog.dismiss()
    })
    await page.click('text=Shipments')
    for (const [number, rejectedShown] of [
      [fresh, true],
      [legacy, false],
    ] as const) {
      await tableSettled(page)
      await page.fill('[data-testid="search"] input', number)
      await page.press('[data-testid="search"] input', 'Enter')
      await rowCount(page, 1)
      await page.click(`text=${number}`)
      await page.waitForSelector('[data-testid="shipment-detail"]')
      const links = await page.evaluate(() =>
        Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? '')
      )
      const unsafe = links.filter((href) => !/^(https?:\/\/|\/(?![/\\]))/i.test(href))
      assert.deepEqual(unsafe, [], `only http(s) and same-origin links for ${number}`)
      const urlFact = await page.locator('[data-testid="detail-tracking-url"]').innerText()
      if (rejectedShown) {
        assert.match(await page.locator('[data-testid="detail-rejected-url"]').innerText(), /javascript:alert/)
      } else {
        assert.match(urlFact, /javascript:alert/, 'shown as text')
        assert.equal(await page.locator('[data-testid="unsafe-url"]').count(), 1)
      }
      await screenshot(page, `detail-rejected-url-${rejectedShown ? 'fresh' : 'legacy'}`, false)
      await page.keyboard.press('Escape')
      await page.waitForSelector('[data-testid="shipment-detail"]', { state: 'detached' })
    }
    assert.equal(dialogs, 0, 'no script ran')
    await context.close()
  })

  void it('shows Portuguese and Spanish text', async () => {
    const pt = await newPage({ locale: 'pt' })
    await pt.page.waitForSelector('[data-testid="overview"]')
    const ptText = await pt.page.locator('body').innerText()
    for (const expected of [
      'Rastreamento de pedidos',
      'Precisa de atenção',
      'Atrasados',
      'Saúde das transportadoras',
      'Envios',
    ]) {
      assert.ok(ptText.includes(expected), `pt shows "${expected}"`)
    }
    assert.ok(!ptText.includes('Needs attention'), 'no English left in pt')
    assert.equal(await pt.page.evaluate(() => document.documentElement.lang), 'pt-BR')
    await screenshot(pt.page, 'overview-pt')
    await pt.page.click('text=Envios')
    await tableSettled(pt.page)
    assert.match(await pt.page.locator('[data-testid="filters"]').innerText(), /Faturado de/)
    await screenshot(pt.page, 'shipments-pt')
    await pt.context.close()

    const es = await newPage({ locale: 'es' })
    await es.page.waitForSelector('[data-testid="overview"]')
    const esText = await es.page.locator('body').innerText()
    for (const expected of [
      'Seguimiento de pedidos',
      'Requiere atención',
      'Detenidos',
      'Estado de los transportistas',
      'Envíos',
    ]) {
      assert.ok(esText.includes(expected), `es shows "${expected}"`)
    }
    assert.ok(!esText.includes('Needs attention'), 'no English left in es')
    await screenshot(es.page, 'overview-es')
    await es.context.close()
  })

  void it('fits a 390 px phone: no sideways scrolling on the overview, the shipments or a shipment', async () => {
    const { context, page } = await newPage({ width: 390, height: 844 })
    const scrollWidth = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth)
    await page.waitForSelector('[data-testid="overview"]')
    await page.waitForSelector('[data-testid="status-bar"]', { state: 'attached' })
    await page.waitForTimeout(400) // charts lay out
    assert.equal(
      await page.textContent('[data-testid="store-time-zone"]'),
      'Times and days in America/Sao_Paulo (sales channel).',
      "the emulated sales channel's zone, said on the page"
    )
    assert.ok((await scrollWidth()) <= 390, `overview is ${await scrollWidth()} px wide at 390 px`)
    await page.click('text=Shipments')
    await page.waitForSelector('[data-testid="shipment-cards"] [data-testid="shipment-card"]')
    assert.ok((await scrollWidth()) <= 390, `shipments are ${await scrollWidth()} px wide at 390 px`)
    await page.locator('[data-testid="shipment-card"] [data-testid="open-shipment"]').first().click()
    await page.waitForSelector('[data-testid="shipment-detail"]')
    assert.ok((await scrollWidth()) <= 390, `the shipment dialog is ${await scrollWidth()} px wide at 390 px`)
    await screenshot(page, 'admin-390')
    await context.close()
  })

  void it('tells a signed-in non-admin that admin access is needed', async () => {
    const { context, page } = await newPage({ cookie: 'demo-viewer-token' })
    await page.waitForSelector('[data-testid="api-error"]')
    const alert = page.locator('[data-testid="api-error"]').first()
    assert.equal(await alert.getAttribute('data-status'), '403')
    assert.match(await alert.innerText(), /You need admin access/)
    await screenshot(page, 'forbidden', false)
    await context.close()
  })

  void it('never let the browser leave the loopback stack', () => {
    assert.deepEqual(outside, [])
  })
})
