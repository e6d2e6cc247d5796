import { existsSync } from 'fs'

import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Headless Debian Chromium for the admin tests. Fails (never skips) when the browser is missing:
 * an admin test that silently does not run would prove nothing. Background networking, sync,
 * component updates and QUIC are off so the browser reaches nothing but the loopback stack.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the admin page tests need it. ` +
        "Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH."
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
      '--disable-quic',
      '--disable-default-apps',
      '--disable-extensions',
      '--no-proxy-server',
    ],
  })
}
