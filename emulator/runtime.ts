import { build } from 'esbuild'
import { copyFileSync, mkdirSync, readFileSync } from 'fs'
import type { Server } from 'http'
import type { AddressInfo } from 'net'
import path from 'path'

export const REPO_ROOT = path.resolve(__dirname, '..')
const DEFAULT_BUILD_DIR = path.join(REPO_ROOT, '.build')

/** vendor.name@version from manifest.json, as VTEX IO sets VTEX_APP_ID. */
export function manifestAppId(): { appId: string; vendor: string; name: string; version: string } {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'manifest.json'), 'utf8')) as {
    vendor: string
    name: string
    version: string
  }
  return { ...manifest, appId: `${manifest.vendor}.${manifest.name}@${manifest.version}` }
}

/**
 * Builds node/ into the layout the IO runtime loads (service/src/node/index.js +
 * service/service.json), as VTEX's builder-hub does. Packages stay external.
 */
export async function buildApp(buildDir = DEFAULT_BUILD_DIR): Promise<string> {
  const serviceDir = path.join(buildDir, 'service')
  mkdirSync(path.join(serviceDir, 'src', 'node'), { recursive: true })
  await build({
    entryPoints: [path.join(REPO_ROOT, 'node', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    // node/tsconfig.json extends @vtex/tsconfig, installed only where the node builder installs
    // node/'s own dependencies; the root config has the same compiler options for esbuild.
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    outfile: path.join(serviceDir, 'src', 'node', 'index.js'),
    logLevel: 'warning',
  })
  copyFileSync(path.join(REPO_ROOT, 'node', 'service.json'), path.join(serviceDir, 'service.json'))
  return buildDir
}

export interface RunningRuntime {
  url: string
  close(): Promise<void>
}

/**
 * Starts the real @vtex/api worker in this process (the runtime's own startWorker: same Koa
 * pipeline, context, clients, error handling and event dispatch as on IO), with every outbound
 * call sent to `proxyUrl` (the emulator) through HTTP_PROXY.
 */
export async function startRuntime(
  buildDir: string,
  proxyUrl: string,
  onServer?: (server: Server) => void
): Promise<RunningRuntime> {
  const { appId, vendor, name, version } = manifestAppId()
  Object.assign(process.env, {
    VTEX_APP_ID: appId,
    VTEX_APP_VENDOR: vendor,
    VTEX_APP_NAME: name,
    VTEX_APP_VERSION: version,
    VTEX_IO: 'true',
    VTEX_REGION: 'local',
    HTTP_PROXY: proxyUrl,
    http_proxy: proxyUrl,
    NO_PROXY: 'localhost,127.0.0.1',
    no_proxy: 'localhost,127.0.0.1',
  })
  // Internal paths of the pinned @vtex/api 6.51.3 (see reference notes, "Run B"). The loader reads
  // its paths from its own exports, so pointing them at the build needs no chdir.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const loaders = require('@vtex/api/lib/service/loaders') as {
    bundlePath: string
    serviceJsonPath: string
    getServiceJSON: () => unknown
  }
  const { startWorker } = require('@vtex/api/lib/service/worker') as {
    startWorker: (serviceJson: unknown) => { listen: (port: number, host: string, cb: () => void) => Server }
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  loaders.bundlePath = path.join(buildDir, 'service', 'src', 'node', 'index')
  loaders.serviceJsonPath = path.join(buildDir, 'service', 'service.json')
  const app = startWorker(loaders.getServiceJSON())
  const server = await new Promise<Server>((resolve) => {
    const listening: Server = app.listen(0, '127.0.0.1', () => resolve(listening))
    onServer?.(listening)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
      await closeRuntimeTracer()
    },
  }
}

/**
 * The runtime starts a process-wide Jaeger tracer (a UDP socket and timers) that closing its
 * server leaves open; without this a process that ran the stack never exits on its own.
 */
async function closeRuntimeTracer(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TracerSingleton } = require('@vtex/api/lib/service/tracing/TracerSingleton') as {
    TracerSingleton: { singleton?: { close(callback: () => void): void } }
  }
  const tracer = TracerSingleton.singleton
  if (tracer) await new Promise<void>((resolve) => tracer.close(resolve))
}
