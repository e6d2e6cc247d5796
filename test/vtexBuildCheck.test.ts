/**
 * The pure parts of scripts/vtex-build-check on fixtures in temporary folders: which files
 * `vtex link` uploads (every expectation below was observed with globby 8.0.2, the toolbelt's
 * globber), manifest, navigation and route checks, each shown able to fail. The installs and
 * compiles run only in the script itself (npm test), which also runs its own negative control.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'

import {
  docsProblems,
  manifestProblems,
  navigationProblems,
  overlappingRoutes,
} from '../scripts/vtex-build-check/appChecks'
import { compileGlob, ignorePatterns, linkFiles } from '../scripts/vtex-build-check/linkFiles'

const ROOT = path.resolve(__dirname, '..')
const SCHEMA = path.join(ROOT, 'node_modules', '@vtex', 'api', 'gen', 'manifest.schema')
const tempDirs: string[] = []

/** A folder with the given files (content "x" unless given; "" makes an empty file). */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vtex-build-check-test-'))
  tempDirs.push(dir)
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), content)
  }
  return dir
}

const APP_FILES = {
  'manifest.json': 'x',
  'tsconfig.json': 'x',
  'package.json': 'x',
  'package-lock.json': 'x',
  'README.md': 'x',
  'CHANGELOG.md': 'x',
  '.prettierrc': 'x',
  '.npmrc': 'x',
  '#notes': 'x',
  'docs/README.md': 'x',
  'node/index.ts': 'x',
  'node/index.test.ts': 'x',
  'node/.eslintrc': 'x',
  'node/package.json': 'x',
  'node/sub/README.md': 'x',
  'node/node_modules/dep/index.js': 'x',
  'node/empty.ts': '',
  'react/App.tsx': 'x',
  'react/.babelrc': 'x',
  'react/.hidden.test.ts': 'x',
  'react/.cache/file': 'x',
  'emulator/server.ts': 'x',
  'nested/deep/file.txt': 'x',
}

const uploaded = (vtexignore: string | null, files: Record<string, string> = APP_FILES): string[] =>
  linkFiles(fixture(vtexignore === null ? files : { ...files, '.vtexignore': vtexignore })).map((file) => file.path)

after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

void describe('files vtex link uploads (toolbelt rules, globby 8 semantics)', () => {
  void it('without .vtexignore: top-level files too (*/** matches them), minus the defaults, dot files and empty files', () => {
    assert.deepEqual(uploaded(null), [
      '#notes',
      '.npmrc',
      'CHANGELOG.md',
      'docs/README.md',
      'emulator/server.ts',
      'manifest.json',
      'nested/deep/file.txt',
      'node/.eslintrc',
      'node/index.test.ts',
      'node/index.ts',
      'node/package.json',
      'node/sub/README.md',
      'package-lock.json',
      'react/.babelrc',
      'react/.hidden.test.ts',
      'react/App.tsx',
      'tsconfig.json',
    ])
  })

  void it('a leading "/" anchors nothing: it excludes nothing at all', () => {
    const files = uploaded('/tsconfig.json\n/package-lock.json\n/emulator/\n')
    for (const file of ['tsconfig.json', 'package-lock.json', 'emulator/server.ts'])
      assert.ok(files.includes(file), file)
  })

  void it('"#" lines are patterns, not comments', () => {
    assert.ok(!uploaded('#notes\n').includes('#notes'))
    assert.ok(uploaded('# a comment\n').includes('#notes'))
  })

  void it('a pattern without "/" matches only at the top level; "dir/" ignores the whole folder', () => {
    const files = uploaded('README.md\n*.md\nemulator/\n')
    assert.ok(!files.includes('CHANGELOG.md'))
    assert.ok(files.includes('node/sub/README.md') && files.includes('docs/README.md'))
    assert.ok(!files.includes('emulator/server.ts'))
  })

  void it('wildcards never match dot files: **/*.test.ts keeps react/.hidden.test.ts', () => {
    const files = uploaded('**/*.test.ts\nreact/*\n')
    assert.ok(!files.includes('node/index.test.ts'))
    assert.ok(files.includes('react/.hidden.test.ts') && files.includes('react/.babelrc'))
    assert.ok(!files.includes('react/App.tsx'))
  })

  void it('a static or "/**" pattern skips a folder whole; a lone "*" only drops top-level files', () => {
    assert.ok(!uploaded('nested\n').includes('nested/deep/file.txt'))
    assert.ok(!uploaded('nest?d/deep\n').includes('nested/deep/file.txt'))
    const star = uploaded('*\n')
    assert.ok(!star.includes('manifest.json') && star.includes('nested/deep/file.txt') && star.includes('.npmrc'))
    // An ignored node/ still uploads its dot files: `node/.*` reads node/ itself.
    assert.deepEqual(
      uploaded('node\n').filter((file) => file.startsWith('node/')),
      ['node/.eslintrc']
    )
  })

  void it('refuses glob syntax it does not model instead of guessing', () => {
    assert.throws(() => compileGlob('{a,b}.ts'), /does not model/)
    assert.throws(() => compileGlob('!keep.ts'), /does not model/)
    assert.deepEqual(ignorePatterns('a/\n  b  \n\n'), ['a/**', 'b', ...ignorePatterns(null)])
  })

  void it("this repository's .vtexignore keeps root tooling and local-only code out of the upload", () => {
    const files = linkFiles(ROOT).map((file) => file.path)
    for (const file of ['manifest.json', 'docs/README.md', 'node/index.ts', 'react/OrderTrackingAdmin.tsx']) {
      assert.ok(files.includes(file), `${file} must be uploaded`)
    }
    const outside = files.filter(
      (file) => !/^(manifest\.json|CHANGELOG\.md|(admin|docs|messages|node|react)\/)/.test(file)
    )
    assert.deepEqual(outside, [])
    assert.deepEqual(
      files.filter((file) => /\.test\.tsx?$|__fixtures__|react\/standalone\//.test(file)),
      []
    )
  })
})

void describe('app checks', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>
  const withManifest = (value: unknown): string => fixture({ 'manifest.json': JSON.stringify(value) })

  void it('accepts this manifest and rejects one without billingOptions or with a wrong field type', () => {
    assert.deepEqual(manifestProblems(ROOT, SCHEMA), [])
    const withoutBilling = manifestProblems(withManifest({ ...manifest, billingOptions: undefined }), SCHEMA)
    assert.match(withoutBilling.join('\n'), /no billingOptions/)
    const noSupport = manifestProblems(
      withManifest({ ...manifest, billingOptions: { type: 'free', availableCountries: ['*'] } }),
      SCHEMA
    )
    assert.match(noSupport.join('\n'), /support needs a url or an email/)
    assert.match(manifestProblems(withManifest({ ...manifest, policies: 'all' }), SCHEMA).join('\n'), /policies/)
  })

  void it('requires docs/README.md among the uploaded files', () => {
    assert.deepEqual(docsProblems(['docs/README.md']), [])
    assert.equal(docsProblems(['README.md']).length, 1)
  })

  const routes = JSON.stringify({ 'admin.app.x': { component: 'X', path: '/admin/app/x' } })
  const navigationFixture = (navigation: unknown): string =>
    fixture({ 'admin/navigation.json': JSON.stringify(navigation), 'admin/routes.json': routes })
  const legacy = { section: 'orders', titleId: 'admin/x.title', path: '/admin/x' }
  const v4 = { ...legacy, adminVersion: 4 }

  void it('wants an admin v4 and a legacy navigation entry, each pointing at a routes.json page', () => {
    assert.deepEqual(navigationProblems(ROOT), [])
    assert.deepEqual(navigationProblems(navigationFixture([legacy, v4])), [])
    assert.match(navigationProblems(navigationFixture(legacy)).join('\n'), /no entry with "adminVersion": 4/)
    assert.match(navigationProblems(navigationFixture([v4])).join('\n'), /no legacy/)
    assert.match(
      navigationProblems(navigationFixture([legacy, { ...v4, section: 'storeSetup' }])).join('\n'),
      /unknown admin v4 section storeSetup/
    )
    assert.match(
      navigationProblems(navigationFixture([legacy, { ...v4, path: '/admin/y' }])).join('\n'),
      /no page of admin\/routes.json/
    )
  })

  void it('finds service.json routes that one URL could match, and none in this app', () => {
    assert.deepEqual(overlappingRoutes(ROOT), [])
    const service = {
      routes: {
        detail: { path: '/_v/private/x/shipments/:id' },
        refresh: { path: '/_v/private/x/shipments/refresh' },
        action: { path: '/_v/private/x/shipments/:id/status' },
      },
    }
    const found = overlappingRoutes(fixture({ 'node/service.json': JSON.stringify(service) }))
    assert.deepEqual(found, [
      'routes detail (/_v/private/x/shipments/:id) and refresh (/_v/private/x/shipments/refresh) can match the same URL',
    ])
  })
})
