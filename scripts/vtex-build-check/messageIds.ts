/** Server files that write messages/ texts themselves (the CSV export), checked against the catalogs. */
export const SERVER_MESSAGE_FILES = ['node/services/admin/csvLabels.ts']

/**
 * The message ids an app folder uses (react/ sources, SERVER_MESSAGE_FILES and
 * admin/navigation.json labels) and the ids
 * each locale lacks. Shared by the build check (on the uploaded copy) and
 * test/browser/messages.test.ts (on the repository), so both read ids the same way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export const LOCALES = ['en', 'pt', 'es'] as const
const ID = /admin\/order-tracking\.[A-Za-z0-9_.]+[A-Za-z0-9_]/g

/** Source files under `dir` (recursively, skipping node_modules) whose name matches. */
export function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (name === 'node_modules') return []
    if (statSync(full).isDirectory()) return filesUnder(full, pattern)
    return pattern.test(name) ? [full] : []
  })
}

/** react/ sources, without declaration files. */
export const reactSources = (root: string): string[] =>
  filesUnder(path.join(root, 'react'), /\.tsx?$/).filter((file) => !file.endsWith('.d.ts'))

interface NavigationEntry {
  titleId?: string
  subSectionItems?: Array<{ labelId?: string }>
}

/** The label ids of admin/navigation.json, in either the single-object or the array form. */
export function navigationLabelIds(navigation: unknown): string[] {
  const entries = (Array.isArray(navigation) ? navigation : [navigation]) as NavigationEntry[]
  return entries.flatMap((entry) => [
    ...(entry.titleId ? [entry.titleId] : []),
    ...(entry.subSectionItems ?? []).flatMap((item) => (item.labelId ? [item.labelId] : [])),
  ])
}

export function usedMessageIds(root: string): Set<string> {
  const used = new Set<string>()
  const files = [...reactSources(root), ...SERVER_MESSAGE_FILES.map((file) => path.join(root, file))]
  for (const file of files) for (const id of readFileSync(file, 'utf8').match(ID) ?? []) used.add(id)
  const navigation = JSON.parse(readFileSync(path.join(root, 'admin', 'navigation.json'), 'utf8')) as unknown
  for (const id of navigationLabelIds(navigation)) used.add(id)
  return used
}

/** For each locale, the used ids its messages/<locale>.json lacks (empty lists when complete). */
export function missingMessages(root: string): Record<(typeof LOCALES)[number], string[]> {
  const used = [...usedMessageIds(root)].sort()
  const missingIn = (locale: string): string[] => {
    const catalog = JSON.parse(readFileSync(path.join(root, 'messages', `${locale}.json`), 'utf8')) as Record<
      string,
      string
    >
    return used.filter((id) => !(id in catalog))
  }
  return { en: missingIn('en'), pt: missingIn('pt'), es: missingIn('es') }
}
