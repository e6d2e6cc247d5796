import { build } from 'esbuild'
import type { Plugin } from 'esbuild'
import { existsSync, readFileSync } from 'fs'
import path from 'path'

import type { EmuRequest, EmuResponse } from './http'
import { REPO_ROOT } from './runtime'

/** Where the emulator serves the admin page, as the VTEX admin serves /admin/order-tracking. */
export const ADMIN_PAGE_PATH = '/admin/order-tracking'
const ASSETS_PATH = `${ADMIN_PAGE_PATH}/assets`
const DEFAULT_OUT_DIR = path.join(REPO_ROOT, '.build', 'admin')

/**
 * vtex.styleguide ships CSS modules (`Input.css` → `styles.input`) next to plain global sheets
 * (`*.global.css`), as its webpack build expects: load each kind as such, so class names such as
 * the Spinner's rotation and the Input's hidden decorators survive. Webpack's `~package/file`
 * imports (react-datepicker's sheet) resolve to node_modules.
 */
const styleguideCss: Plugin = {
  name: 'styleguide-css',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^~/ }, (args) => ({
      path: require.resolve(args.path.slice(1), { paths: [args.resolveDir, REPO_ROOT] }),
    }))
    pluginBuild.onLoad({ filter: /\.css$/ }, (args) => {
      const isModule = /[\\/]@vtex[\\/]styleguide[\\/]/.test(args.path) && !args.path.endsWith('.global.css')
      return { contents: readFileSync(args.path, 'utf8'), loader: isModule ? 'local-css' : 'css' }
    })
  },
}

/**
 * Bundles react/standalone/index.tsx (the real OrderTrackingAdmin in an IntlProvider) for the
 * browser, with vtex.styleguide aliased to the npm package and vtex-tachyons as its own sheet.
 * Returns the output directory, to hand to adminPageHandler.
 */
export async function buildAdminPage(outDir: string = DEFAULT_OUT_DIR): Promise<string> {
  await build({
    entryPoints: {
      app: path.join(REPO_ROOT, 'react', 'standalone', 'index.tsx'),
      tachyons: require.resolve('vtex-tachyons/tachyons.min.css', { paths: [REPO_ROOT] }),
    },
    outdir: outDir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'none',
    jsx: 'transform',
    alias: { 'vtex.styleguide': '@vtex/styleguide' },
    loader: { '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file', '.gif': 'file' },
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    publicPath: ASSETS_PATH,
    assetNames: '[name]-[hash]',
    plugins: [styleguideCss],
    logLevel: 'error',
  })
  return outDir
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

/** The HTML shell of the page. Served by the emulator only; see the cookie note inside. */
function shell(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>order-tracking</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS_PATH}/tachyons.css">
<link rel="stylesheet" href="${ASSETS_PATH}/app.css">
<script>
  // EMULATOR ONLY. In the real VTEX admin the shopkeeper is signed in and the browser already
  // holds VtexIdclientAutCookie; this shell exists only in the local emulator, which has no login,
  // so it plays the signed-in admin with the emulator's demo token (emulator/vtex/vtexid.ts).
  // A cookie set beforehand (a test playing a non-admin user) is left as it is.
  if (!/(?:^|;\\s*)VtexIdclientAutCookie=/.test(document.cookie)) {
    document.cookie = 'VtexIdclientAutCookie=demo-admin-token; path=/; SameSite=Lax'
  }
</script>
</head>
<body class="bg-muted-5 ma0">
<div id="root"></div>
<script src="${ASSETS_PATH}/app.js"></script>
</body>
</html>
`
}

/**
 * Serves the admin page inside the emulator: `GET /admin/order-tracking` (the HTML shell) and its
 * bundle under `/admin/order-tracking/assets/`. The page's API calls go to the app through the
 * emulator's gateway, same origin, exactly as in the VTEX admin. Pass to `startStack({ local })`.
 */
export function adminPageHandler(buildDir: string): (req: EmuRequest) => EmuResponse | undefined {
  const root = path.resolve(buildDir)
  return (req): EmuResponse | undefined => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined
    if (req.path === ADMIN_PAGE_PATH || req.path === `${ADMIN_PAGE_PATH}/`) {
      return {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        body: shell(),
      }
    }
    if (!req.path.startsWith(`${ASSETS_PATH}/`)) return undefined
    const file = path.resolve(root, req.path.slice(ASSETS_PATH.length + 1))
    if (!file.startsWith(root + path.sep) || !existsSync(file)) {
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' }
    }
    return {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      },
      body: readFileSync(file),
    }
  }
}
