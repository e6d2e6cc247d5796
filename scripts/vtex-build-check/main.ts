/**
 * VTEX build check: does the app build as VTEX builds it? Run by `npm test` (scripts/test.sh).
 *
 * What it reproduces:
 * - the files `vtex link` uploads (toolbelt rules plus .vtexignore, see linkFiles.ts), copied
 *   into an empty temporary folder with no repository around it, and the 90 MB project limit;
 * - node/: dependencies installed from node/package.json alone, compiled with node/tsconfig.json
 *   by the TypeScript node/package.json pins (5.5.3, the node 7.x builder's);
 * - react/: dependencies installed from react/package.json alone, type-checked with
 *   react/tsconfig.json by TypeScript 3.9.7 (the react 3.x builder's);
 * - manifest.json against @vtex/api's manifest schema (from the install above), billingOptions,
 *   docs/README.md, an admin v4 navigation entry beside the legacy one, every message id used by
 *   react/ and admin/ present in en, pt and es, no two service.json routes matching one URL;
 * - a negative control: node/ compiled again with `{"extends": "../tsconfig.json"}` (what
 *   node/tsconfig.json used to be) must fail, which proves the folder really is isolated.
 *
 * What it cannot reproduce: builder-hub itself. It installs with yarn 1 on Node 16 (we use npm on
 * the current Node; node/package.json carries both `resolutions` and `overrides` for that), may
 * add its own compiler options and typings, and bundles react/ with its own webpack and Babel;
 * `vtex.styleguide` types come from react/typings, not from the published app; the messages,
 * admin and docs builders' own validations, policy grants on an account, App Store review and the
 * runtime on IO are not exercised. A green check is necessary, not sufficient: `vtex link` on a
 * development workspace is still the final word.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { docsProblems, manifestProblems, navigationProblems, overlappingRoutes } from './appChecks'
import { compile, installDependencies } from './builds'
import { linkFiles, PROJECT_BYTE_LIMIT, totalBytes } from './linkFiles'
import { missingMessages } from './messageIds'

const repositoryRoot = path.resolve(__dirname, '..', '..')
const started = Date.now()
const failures: string[] = []

const progress = (message: string): void => {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(3)
  console.log(`[vtex-build-check ${seconds}s] ${message}`)
}

function expectNone(what: string, problems: string[]): void {
  if (problems.length === 0) progress(`ok: ${what}`)
  for (const problem of problems) failures.push(`${what}: ${problem}`)
  for (const problem of problems) progress(`FAIL: ${what}: ${problem}`)
}

function expectStep(what: string, step: { ok: boolean; output: string }): boolean {
  if (step.ok) progress(`ok: ${what}`)
  else {
    failures.push(`${what} failed`)
    progress(`FAIL: ${what}\n${step.output}`)
  }
  return step.ok
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'vtex-build-check-'))
const app = path.join(workDir, 'app')
try {
  progress('selecting the files vtex link uploads')
  const files = linkFiles(repositoryRoot)
  for (const file of files) {
    mkdirSync(path.dirname(path.join(app, file.path)), { recursive: true })
    cpSync(path.join(repositoryRoot, file.path), path.join(app, file.path))
  }
  const megabytes = (totalBytes(files) / 1_000_000).toFixed(2)
  progress(`${files.length} files, ${megabytes} MB, copied to ${app}`)
  expectNone('project size', totalBytes(files) > PROJECT_BYTE_LIMIT ? [`${megabytes} MB exceeds 90 MB`] : [])
  expectNone(
    'uploaded files',
    files
      .map((file) => file.path)
      .filter((file) => !/^(manifest\.json|CHANGELOG\.md|(admin|docs|messages|node|react)\/)/.test(file))
  )

  expectNone('docs', docsProblems(files.map((file) => file.path)))
  expectNone('admin navigation', navigationProblems(app))
  expectNone('service routes', overlappingRoutes(app))
  expectNone(
    'messages',
    Object.entries(missingMessages(app)).flatMap(([locale, ids]) => ids.map((id) => `${locale}.json lacks ${id}`))
  )

  progress('node/: npm install from node/package.json alone')
  const node = path.join(app, 'node')
  if (expectStep('node/ install', installDependencies(node))) {
    const schema = path.join(node, 'node_modules', '@vtex', 'api', 'gen', 'manifest.schema')
    expectNone('manifest.json', manifestProblems(app, schema))
    progress('node/: compiling with node/tsconfig.json')
    expectStep('node/ compile', compile(node, 'tsconfig.json', ['--outDir', path.join(workDir, 'node-dist')]))
    writeFileSync(path.join(node, 'tsconfig.negative-control.json'), '{ "extends": "../tsconfig.json" }\n')
    const control = compile(node, 'tsconfig.negative-control.json', ['--noEmit'])
    expectStep('negative control (a tsconfig that extends the repository root must not compile here)', {
      // TS5083: "Cannot read file .../tsconfig.json", i.e. it failed because the root is absent.
      ok: !control.ok && control.output.includes('TS5083'),
      output: control.output,
    })
  }

  progress('react/: npm install from react/package.json alone')
  const react = path.join(app, 'react')
  if (expectStep('react/ install', installDependencies(react))) {
    progress('react/: type check with TypeScript 3.9.7')
    expectStep('react/ type check', compile(react, 'tsconfig.json', ['--noEmit']))
  }
} finally {
  if (process.env.KEEP_VTEX_BUILD_CHECK) progress(`kept ${workDir}`)
  else rmSync(workDir, { recursive: true, force: true })
}

if (failures.length > 0) {
  console.error(`\nvtex-build-check: ${failures.length} problem(s):\n- ${failures.join('\n- ')}`)
  process.exit(1)
}
progress('the app builds as VTEX builds it (as far as this check can tell)')
