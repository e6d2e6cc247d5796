/**
 * Which files `vtex link` uploads, by the toolbelt's rules (vtex/toolbelt
 * src/api/modules/apps/file.ts `listLocalFiles`, read at commit 56499f8). This is our own
 * implementation of those rules; every behaviour below was observed with globby 8.0.2 (the
 * toolbelt's `globby ~8.0.1`) on fixtures, and test/vtexBuildCheck.test.ts replays them.
 *
 * - Candidates are globbed with `manifest.json`, `policies.json`, `.npmrc`, `node/.*`, `react/.*`
 *   and `*` + `/**` (no `dot` option, so wildcards never match a name that starts with "."), with
 *   symlinks followed; files of size 0 are dropped afterwards.
 * - `*` + `/**` also matches top-level files (`**` matches zero segments): tsconfig.json,
 *   package-lock.json, CHANGELOG.md... are uploaded unless ignored.
 * - Ignore globs = each non-empty trimmed line of `.vtexignore` (a trailing "/" becomes "/**"),
 *   plus the defaults below. They are not gitignore lines: a leading "/" makes a pattern match
 *   nothing (paths are relative, "tsconfig.json" never equals "/tsconfig.json"), a "#" line is a
 *   pattern like any other, a pattern without "/" matches only at the top level.
 * - A directory is skipped whole when an ignore pattern matches it and that pattern ends in
 *   "/**" or has a last segment without wildcards (fast-glob 2's reading-depth rule); `*` alone
 *   excludes top-level files but does not stop the walk into folders.
 * - The project may not exceed 90 MB (ProjectUploader.PROJECT_BYTESIZE_LIMIT, 90 * 1000000).
 *
 * Glob syntax beyond `*`, `?`, `**` and literals (braces, classes, extglobs, negation) is refused
 * rather than guessed, so the check never silently differs from the toolbelt.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export const PROJECT_BYTE_LIMIT = 90 * 1_000_000

const DEFAULT_IGNORES = [
  '.DS_Store',
  'README.md',
  '.gitignore',
  'package.json',
  'node_modules/**',
  '**/node_modules/**',
  '.git/**',
  'cypress/videos/**',
  'cypress/screenshots/**',
]

/** Each positive glob of the toolbelt, as the folder it reads from and a pattern relative to the root. */
const INCLUDE_GLOBS = [
  { base: '', pattern: 'manifest.json' },
  { base: '', pattern: 'policies.json' },
  { base: '', pattern: '.npmrc' },
  { base: 'node', pattern: 'node/.*' },
  { base: 'react', pattern: 'react/.*' },
  { base: '', pattern: '*/**' },
]

const UNSUPPORTED = /[{}[\]()!\\]|^\.\//

/** The ignore globs for a `.vtexignore` text (null when the file does not exist). */
export function ignorePatterns(vtexignore: string | null): string[] {
  const lines = (vtexignore ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.replace(/\/$/, '/**'))
  return [...lines, ...DEFAULT_IGNORES]
}

export interface GlobMatcher {
  matches(relativePath: string): boolean
  /** Whether a directory matched by this glob is skipped whole while reading the tree. */
  prunesDirectories: boolean
}

/** A glob with minimatch-3 semantics for `*`, `?` and `**`, without `dot`. */
export function compileGlob(pattern: string): GlobMatcher {
  if (UNSUPPORTED.test(pattern)) {
    throw new Error(`.vtexignore pattern "${pattern}" uses glob syntax this check does not model`)
  }
  const segments = pattern.split('/')
  const source = segments
    .map((segment) => {
      if (segment === '**') return '(?:/(?!\\.)[^/]+)*'
      const leadingDot = /^[*?]/.test(segment) ? '(?!\\.)' : ''
      const body = segment
        .split('')
        .map((char) => (char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^$|]/g, '\\$&')))
        .join('')
      return `/${leadingDot}${body}`
    })
    .join('')
  // Paths are matched with a leading "/" so that a "**" segment may consume zero segments anywhere.
  const regex = new RegExp(`^${source}$`)
  const lastSegment = segments[segments.length - 1]
  return {
    matches: (relativePath) => regex.test(`/${relativePath}`),
    prunesDirectories: pattern.endsWith('/**') || !/[*?]/.test(lastSegment),
  }
}

export interface LinkFile {
  path: string
  bytes: number
}

/** The files `vtex link` would upload from `root`, sorted, with their sizes. */
export function linkFiles(root: string): LinkFile[] {
  const vtexignorePath = path.join(root, '.vtexignore')
  const ignores = ignorePatterns(existsFile(vtexignorePath) ? readFileSync(vtexignorePath, 'utf8') : null).map(
    compileGlob
  )
  const ignored = (relative: string): boolean => ignores.some((glob) => glob.matches(relative))
  const pruned = (relative: string): boolean => ignores.some((glob) => glob.prunesDirectories && glob.matches(relative))

  const found = new Set<string>()
  for (const { base, pattern } of INCLUDE_GLOBS) {
    const include = compileGlob(pattern)
    for (const file of walk(root, base, pruned)) {
      if (include.matches(file) && !ignored(file)) found.add(file)
    }
  }
  return [...found]
    .sort()
    .map((file) => ({ path: file, bytes: lstatSync(path.join(root, file)).size }))
    .filter((file) => file.bytes > 0)
}

/** Files under `base`, never entering "."-folders (no `dot`) or pruned folders below the base. */
function* walk(root: string, base: string, pruned: (relative: string) => boolean): Generator<string> {
  const absolute = path.join(root, base)
  if (!existsDirectory(absolute)) return
  for (const name of readdirSync(absolute).sort()) {
    const relative = base === '' ? name : `${base}/${name}`
    const stats = statSync(path.join(root, relative), { throwIfNoEntry: false })
    if (!stats) continue
    if (stats.isDirectory()) {
      if (!name.startsWith('.') && !pruned(relative)) yield* walk(root, relative, pruned)
    } else {
      yield relative
    }
  }
}

const existsFile = (file: string): boolean => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false
const existsDirectory = (dir: string): boolean => statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false

export const totalBytes = (files: LinkFile[]): number => files.reduce((sum, file) => sum + file.bytes, 0)
