import { fork } from 'child_process'
import { openSync } from 'fs'
import path from 'path'

import type { RunningRuntime } from './runtime'

export interface RuntimeProcess extends RunningRuntime {
  pid: number
  /** SIGKILL: the process dies wherever it is, mid-request included, as a crashed replica would. */
  kill(): Promise<void>
}

/**
 * Starts the real @vtex/api worker in a process of its own, so a test can kill it for real and its
 * CPU and memory are the app's alone. Its logs go to `logFile`.
 */
export async function startRuntimeProcess(
  buildDir: string,
  proxyUrl: string,
  logFile: string
): Promise<RuntimeProcess> {
  const log = openSync(logFile, 'a')
  const child = fork(path.join(__dirname, 'runtimeChild.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      RUNTIME_BUILD_DIR: buildDir,
      RUNTIME_PROXY_URL: proxyUrl,
      RUNTIME_CLOCK_NOW: String(Date.now()),
    },
    stdio: ['ignore', log, log, 'ipc'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url?: string }) =>
      message.url ? resolve(message.url) : reject(new Error('no url'))
    )
    child.once('exit', (code) => reject(new Error(`the app process exited (${code}) before listening; see ${logFile}`)))
  })
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  }
  return { url, pid: child.pid ?? -1, kill, close: kill }
}
