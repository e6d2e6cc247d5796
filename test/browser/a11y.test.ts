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
 * serious or critical violation at 1440 px and at 390 px (overview, shipments, the shipment dialog
 * and each dialog it opens), with nothing excused: the styleguide's own gaps are fixed by the page
 * (react/admin/a11y);
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
      v.nodes.map((node) => `${v.impact} ${v.id}: ${v.help} at ${node.target.join(' ')} ${node.html.slice(0, 600)}`)
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

  void it('names every Table control: row checkboxes, pagination arrows, the clear-selection button', async () => {
    const page = await open(1440, 900)
    await page.click('text=Shipments')
    await page.waitForSelector('[data-testid="shipments-table"][data-loading="false"] [data-testid="open-shipment"]')
    const tracking = seeded['correios-stuck'].trackingNumber
    const checkbox = page.getByRole('checkbox', { name: `Select shipment ${tracking}` })
    assert.equal(await checkbox.count(), 1, 'a row checkbox is named by its tracking number')
    assert.equal(await page.getByRole('checkbox', { name: 'Select all shipments on this page' }).count(), 1)
    assert.equal(await page.getByRole('button', { name: 'Previous page' }).count(), 1)
    assert.equal(await page.getByRole('button', { name: 'Next page' }).count(), 1)
    assert.equal(await page.getByRole('region', { name: 'Shipments table' }).getAttribute('tabindex'), '0')
    // With a row selected the bulk-action bar shows: its close button clears the selection.
    await checkbox.click({ force: true })
    const clear = page.getByRole('button', { name: 'Clear selection' })
    await clear.waitFor()
    assert.deepEqual(await axeProblems(page), [], 'shipments with a row selected')
    await shot(page, 'a11y-selection-1440', false)
    await clear.click()
    await page.context().close()
  })

  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    void it(`${width} px: every dialog of a shipment (detail, set status, mark delivered, correct carrier) passes axe`, async () => {
      const page = await open(width, height)
      await page.click('text=Shipments')
      await page.waitForSelector('[data-testid="shipments-table"][data-loading="false"]')
      await page.locator(`text=${seeded['correios-stuck'].trackingNumber}`).first().click()
      await page.waitForSelector('[data-testid="shipment-detail"]')
      assert.deepEqual(await axeProblems(page, '[role="dialog"]'), [], 'shipment dialog')
      const dialogs = [
        ['action-status', 'status-modal', 'status-modal-actions'],
        ['action-delivered', 'status-modal', 'status-modal-actions'],
        ['action-carrier', 'carrier-modal', 'carrier-modal-actions'],
      ] as const
      for (const [action, content, actions] of dialogs) {
        await page.click(`[data-testid="${action}"]`)
        await page.waitForSelector(`[data-testid="${content}"]`)
        const scope = `.vtex-modal__modal:has([data-testid="${content}"])`
        assert.equal(
          await page.locator(`${scope}[role="dialog"][aria-modal="true"]`).count(),
          1,
          `${action} is a dialog`
        )
        assert.deepEqual(await axeProblems(page, scope), [], `${action} dialog at ${width} px`)
        await shot(page, `a11y-${action}-${width}`, false)
        await page.click(`[data-testid="${actions}"] button >> nth=0`)
        await page.waitForSelector(`[data-testid="${content}"]`, { state: 'detached' })
      }
      await page.context().close()
    })
  }

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
