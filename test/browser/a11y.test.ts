import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'

import type { Browser, Page } from 'playwright-core'

import { adminPageHandler, buildAdminPage } from '../../emulator/adminPage'
import { SimClock } from '../../emulator/clock'
import { REPO_ROOT } from '../../emulator/runtime'
import type { Stack } from '../../emulator/stack'
import { startStack } from '../../emulator/stack'
import { T0 } from '../e2e/harness'
import { launchChromium } from './chromium'
import type { SeededShipment } from './seed'
import { seedDemo } from './seed'

/**
 * Accessibility and small screens, in a real Chromium against the real stack: axe-core finds no
 * serious or critical violation at 1440 px and at 390 px (overview, shipments, shipment dialog);
 * rows open with the keyboard; dialogs are dialogs, keep Tab inside and give focus back; the queue
 * is worked off from the page (resolve with a reason, the counter drops). Screenshots of both widths.
 */

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots')
const BUILD = path.join(REPO_ROOT, '.build', 'browser-a11y')
const AXE = require.resolve('axe-core/axe.min.js')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[]; html: string }>
}

/**
 * Findings inside vtex.styleguide's own components, which the page cannot change without
 * re-theming the admin: its palette (Tag colours, Totalizer labels, PageBlock subtitles, Table
 * headers, inactive Tabs), the react-virtualized grid of Table v1 (role="row" without cells) and the unlabelled
 * close button of Table v1's bulk-action bar, its pagination arrows and texts, and its row checkboxes. Listed one by one: anything else, and anything of
 * ours, fails the test.
 */
const STYLEGUIDE_INTERNALS: Array<{ rule: string; html: RegExp }> = [
  { rule: 'color-contrast', html: /class="[^"]*vtex-tag/ },
  { rule: 'color-contrast', html: /data-testid="totalizer-label"/ },
  // PageBlock subtitles and Table v1 header cells: grey on the admin's grey background.
  { rule: 'color-contrast', html: /^<div class="t-body lh-copy c-muted-1 mb7 ml3 w-two-thirds-ns/ },
  { rule: 'color-contrast', html: /^<span class="w-100">[^<]*<\/span>$/ },
  { rule: 'color-contrast', html: /vtex-tab__button--inactive/ },
  { rule: 'aria-required-children', html: /ReactVirtualized__Grid__innerScrollContainer/ },
  // ...and its grid scrolls sideways on a phone without being focusable itself.
  {
    rule: 'scrollable-region-focusable',
    html: /^<div aria-label="grid" aria-readonly="true" class="ReactVirtualized__Grid"/,
  },
  // Table v1's bulk-action bar: its close button is an icon without a label.
  // Table v1's pagination arrows: icon-only buttons without a label.
  { rule: 'button-name', html: /^<button [^>]*class="vtex-button [^"]*min-h-small t-action--small icon-button / },
  // Table v1's row checkboxes (no label) and pagination texts (grey on grey).
  { rule: 'label', html: /^<input class="vtex-checkbox__input [^"]*" id="[^"]*" name="row_/ },
  { rule: 'color-contrast', html: /^<(span|div) class="(mr4 )?c-muted-2 t-small/ },
  // (axe cuts its markup short: the page renders no other primary icon-only button.)
  { rule: 'button-name', html: /^<button [^>]*class="vtex-button [^"]*icon-button dib bg-action-primary / },
]

const isStyleguideInternal = (rule: string, html: string): boolean =>
  STYLEGUIDE_INTERNALS.some((known) => known.rule === rule && known.html.test(html))

let stack: Stack
let browser: Browser
let seeded: Record<string, SeededShipment>

async function open(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' })
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url())
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort()
  })
  const page = await context.newPage()
  await page.goto(`${stack.platform.url}/admin/order-tracking?locale=en`)
  await page.waitForSelector('[data-testid="overview"]')
  await page.waitForSelector('[data-testid="status-bar"]', { state: 'attached' })
  return page
}

/** Serious and critical axe violations on the page (or inside `within`), as readable lines. */
async function axeProblems(page: Page, within?: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe
    const result = (await axe.run(selector ?? document, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[]
    }
    return result.violations
  }, within)
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes
        .filter((node) => !isStyleguideInternal(v.id, node.html))
        .map((node) => `${v.impact} ${v.id}: ${v.help} at ${node.target.join(' ')} ${node.html.slice(0, 600)}`)
    )
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage })
}

const activeTestId = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null)

void describe('admin page accessibility and small screens (Chromium, real stack)', { timeout: 300_000 }, () => {
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

  void it('1440 px: no serious or critical axe violation on the overview and the shipments', async () => {
    const page = await open(1440, 900)
    assert.deepEqual(await axeProblems(page), [], 'overview')
    await shot(page, 'a11y-overview-1440')
    await page.click('text=Shipments')
    await page.waitForSelector('[data-testid="shipments-table"][data-loading="false"] [data-testid="open-shipment"]')
    assert.deepEqual(await axeProblems(page), [], 'shipments')
    await shot(page, 'a11y-shipments-1440')
    await page.context().close()
  })

  void it('opens a row with the keyboard; the dialog is named, keeps Tab inside and gives focus back', async () => {
    const page = await open(1440, 900)
    await page.click('text=Shipments')
    const opener = page.locator('[data-testid="open-shipment"]').first()
    await opener.waitFor()
    assert.match((await opener.getAttribute('aria-label')) ?? '', /^Open shipment /)
    await opener.focus()
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="shipment-detail"]')
    const dialog = page.locator('[role="dialog"][aria-modal="true"]')
    assert.equal(await dialog.count(), 1)
    assert.match((await dialog.getAttribute('aria-label')) ?? '', /^Shipment /)
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab')
      assert.ok(
        await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]'))),
        `Tab ${i + 1} stays in the dialog`
      )
    }
    await page.keyboard.press('Shift+Tab')
    assert.ok(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]'))))
    assert.deepEqual(await axeProblems(page, '[role="dialog"]'), [], 'shipment dialog')
    await shot(page, 'a11y-dialog-1440', false)
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid="shipment-detail"]', { state: 'detached' })
    assert.equal(await activeTestId(page), 'open-shipment', 'focus is back on the row that opened it')
    await page.context().close()
  })

  void it('works off the stuck queue from the page: resolve with a reason, the counter drops', async () => {
    const page = await open(1440, 900)
    const count = async (): Promise<number> =>
      Number(await page.locator('[data-testid="attention-stuck"] [data-testid="attention-count"]').innerText())
    const before = await count()
    assert.ok(before > 0)
    assert.match(await page.locator('[data-testid="attention-neverPickedUp"]').innerText(), /Part of Stuck/)
    const target = seeded['correios-stuck']
    await page.click('[data-testid="attention-stuck"]')
    await page.waitForSelector('[data-testid="shipments-table"][data-loading="false"]')
    await page.click(`text=${target.trackingNumber}`)
    await page.waitForSelector('[data-testid="incident-stuck"]')
    await page.click('[data-testid="incident-resolve-stuck"]')
    await page.click('[data-testid="incident-confirm"]')
    await page.waitForSelector('text=Say why in at least 3 characters.')
    await page.fill('[data-testid="incident-reason"] input', 'Correios confirmed it is held at the hub')
    await shot(page, 'incident-resolve', false)
    await page.click('[data-testid="incident-confirm"]')
    await page.waitForSelector('[data-testid="incident-stuck"] >> text=Resolved')
    assert.match(await page.locator('[data-testid="admin-log"]').innerText(), /held at the hub/)
    await page.keyboard.press('Escape')
    await page.click('text=Overview')
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="attention-stuck"] [data-testid="attention-count"]')?.textContent ===
        String(expected),
      before - 1
    )
    await page.context().close()
  })

  void it('390 px: compact counters, shipment cards, no serious violation', async () => {
    const page = await open(390, 844)
    assert.deepEqual(await axeProblems(page), [], 'overview at 390 px')
    await shot(page, 'a11y-overview-390')
    await page.click('text=Shipments')
    await page.waitForSelector('[data-testid="shipment-cards"] [data-testid="shipment-card"]')
    assert.equal(await page.locator('[data-testid="shipments-table"] table').count(), 0, 'cards, not a table')
    assert.deepEqual(await axeProblems(page), [], 'shipments at 390 px')
    await shot(page, 'a11y-shipments-390')
    await page.locator('[data-testid="shipment-card"] [data-testid="open-shipment"]').first().click()
    await page.waitForSelector('[data-testid="shipment-detail"]')
    assert.deepEqual(await axeProblems(page, '[role="dialog"]'), [], 'dialog at 390 px')
    await shot(page, 'a11y-dialog-390', false)
    await page.context().close()
  })
})
