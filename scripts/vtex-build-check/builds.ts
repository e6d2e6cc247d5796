/**
 * The slow half of the build check: install a builder folder's dependencies from its own
 * package.json (npm, registry only; the npm cache makes repeats fast) and run the TypeScript that
 * package.json pins, as the node and react builders do.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

export interface StepResult {
  ok: boolean
  output: string
}

function run(command: string, args: string[], cwd: string): StepResult {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'true' } })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`
  return { ok: result.status === 0, output: output.trim() }
}

/** `npm install` from package.json alone: no lockfile written, no audit, nothing from a parent folder. */
export const installDependencies = (folder: string): StepResult =>
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], folder)

/** The TypeScript version a folder pinned (devDependencies.typescript), to make sure it is the one that ran. */
export function pinnedTypescript(folder: string): string | undefined {
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>
  }
  return manifest.devDependencies?.typescript
}

/** Runs the folder's own tsc (node_modules/.bin), never the repository's. */
export function compile(folder: string, project: string, extraArgs: string[] = []): StepResult {
  const tsc = path.join(folder, 'node_modules', 'typescript', 'bin', 'tsc')
  const version = run(process.execPath, [tsc, '--version'], folder)
  const expected = pinnedTypescript(folder)
  if (!version.ok || (expected && !version.output.includes(`Version ${expected}`))) {
    return { ok: false, output: `expected TypeScript ${expected ?? '(unpinned)'}, found: ${version.output}` }
  }
  const result = run(process.execPath, [tsc, '-p', project, ...extraArgs], folder)
  return { ok: result.ok, output: `${version.output}\n${result.output}`.trim() }
}
