/**
 * Checks of the app folder that need no install: manifest.json against @vtex/api's manifest
 * schema plus what an App Store app needs (billingOptions, docs/README.md), and an admin v4 entry
 * in admin/navigation.json beside the legacy one. Each returns a list of problems (empty = fine).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import Ajv from 'ajv'

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8')) as unknown

/** manifest.json against the schema @vtex/api generates (`gen/manifest.schema`) and the App Store needs. */
export function manifestProblems(appRoot: string, manifestSchemaFile: string): string[] {
  const manifest = readJson(path.join(appRoot, 'manifest.json'))
  const ajv = new Ajv({ allErrors: true, strict: false })
  const validate = ajv.compile(readJson(manifestSchemaFile) as object)
  const problems = validate(manifest) ? [] : [`manifest.json: ${ajv.errorsText(validate.errors)}`]
  return [...problems, ...billingProblems(manifest)]
}

interface BillingOptions {
  type?: string
  support?: { url?: string; email?: string }
  availableCountries?: string[]
}

/** Without billingOptions an app is private to the account that published it (VTEX "Billing Options"). */
function billingProblems(manifest: unknown): string[] {
  const billing = (manifest as { billingOptions?: BillingOptions }).billingOptions
  if (!billing) return ['manifest.json has no billingOptions: the app could only be installed where it is published']
  const problems: string[] = []
  if (!billing.type) problems.push('billingOptions.type is missing')
  if (!billing.support?.url && !billing.support?.email) problems.push('billingOptions.support needs a url or an email')
  if (!billing.availableCountries?.length) problems.push('billingOptions.availableCountries is empty')
  return problems
}

/** The docs builder publishes docs/README.md as the App Store page; it must be among the uploaded files. */
export const docsProblems = (uploaded: string[]): string[] =>
  uploaded.includes('docs/README.md') ? [] : ['docs/README.md is not among the uploaded files']

const ADMIN4_SECTIONS = [
  'gettingStarted',
  'main',
  'orders',
  'marketplace',
  'products',
  'promotions',
  'storeFront',
  'shipping',
  'storeSettings',
  'apps',
]
const LEGACY_SECTIONS = [
  'main',
  'orders',
  'transactions',
  'products',
  'analytics',
  'customer',
  'storeSetup',
  'marketplace',
  'accountSettings',
  'other',
]

interface NavigationEntry {
  adminVersion?: unknown
  section?: unknown
  titleId?: unknown
  path?: unknown
  [key: string]: unknown
}

/**
 * admin/navigation.json needs an admin v4 entry (`adminVersion: 4`, a v4 section, `titleId` and
 * `path`, nothing else) and a legacy entry for accounts still on the old admin. Rules from
 * vtex/admin-contributions' navigation.json schemas; only the "page under a default section" form
 * is accepted here because it is the one this app uses. Every path must be a page of routes.json.
 */
export function navigationProblems(appRoot: string): string[] {
  const navigation = readJson(path.join(appRoot, 'admin', 'navigation.json'))
  const entries = (Array.isArray(navigation) ? navigation : [navigation]) as NavigationEntry[]
  const routes = readJson(path.join(appRoot, 'admin', 'routes.json')) as Record<string, { path?: string }>
  // The admin shell serves a routes.json page "/admin/app/x" at "/admin/x".
  const pages = new Set(Object.values(routes).map((route) => route.path?.replace(/^\/admin\/app\//, '/admin/')))

  const problems: string[] = []
  const v4 = entries.filter((entry) => entry.adminVersion === 4)
  const legacy = entries.filter((entry) => entry.adminVersion === undefined || entry.adminVersion === 3)
  if (v4.length === 0) problems.push('admin/navigation.json has no entry with "adminVersion": 4')
  if (legacy.length === 0) problems.push('admin/navigation.json has no legacy (admin v3) entry')
  for (const entry of v4) {
    const extra = Object.keys(entry).filter((key) => !['adminVersion', 'section', 'titleId', 'path'].includes(key))
    if (extra.length > 0) problems.push(`admin v4 navigation entry has properties v4 forbids: ${extra.join(', ')}`)
    if (!ADMIN4_SECTIONS.includes(String(entry.section)))
      problems.push(`unknown admin v4 section ${String(entry.section)}`)
  }
  for (const entry of legacy) {
    if (!LEGACY_SECTIONS.includes(String(entry.section)))
      problems.push(`unknown admin v3 section ${String(entry.section)}`)
  }
  for (const entry of entries) {
    if (typeof entry.titleId !== 'string' || typeof entry.path !== 'string') {
      problems.push(`navigation entry in section ${String(entry.section)} needs a titleId and a path`)
    } else if (!pages.has(entry.path)) {
      problems.push(`navigation path ${entry.path} is no page of admin/routes.json`)
    }
  }
  return problems
}

/** Whether a file exists in the app folder (used for the pieces builders read by name). */
export const hasFile = (appRoot: string, relative: string): boolean => existsSync(path.join(appRoot, relative))

/**
 * Pairs of node/service.json routes that one URL could match (same segment count, every segment
 * equal or a ":param" on either side). IO documents no precedence between such routes.
 */
export function overlappingRoutes(appRoot: string): string[] {
  const service = readJson(path.join(appRoot, 'node', 'service.json')) as { routes?: Record<string, { path: string }> }
  const routes = Object.entries(service.routes ?? {})
  const segments = (routePath: string): string[] => routePath.split('/').filter((segment) => segment !== '')
  const overlaps = (a: string[], b: string[]): boolean =>
    a.length === b.length &&
    a.every((segment, i) => segment === b[i] || segment.startsWith(':') || b[i].startsWith(':'))
  const problems: string[] = []
  routes.forEach(([nameA, a], index) => {
    for (const [nameB, b] of routes.slice(index + 1)) {
      if (overlaps(segments(a.path), segments(b.path))) {
        problems.push(`routes ${nameA} (${a.path}) and ${nameB} (${b.path}) can match the same URL`)
      }
    }
  })
  return problems
}
