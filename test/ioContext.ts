/**
 * A real IOContext for client-level tests, built by the runtime's own context factory
 * (the same code the worker runs for every request), so clients behave as on IO.
 */
process.env.VTEX_APP_ID ??= 'acme.order-tracking@0.1.0'
process.env.VTEX_IO ??= 'true'
process.env.NO_PROXY ??= 'localhost,127.0.0.1'

import type { IOContext } from '@vtex/api'

// Internal path of the pinned @vtex/api (6.51.3); the local harness documents this dependency.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareHandlerCtx } = require('@vtex/api/lib/service/worker/runtime/utils/context') as {
  prepareHandlerCtx: (headers: Record<string, string>) => IOContext
}

export function fakeIOContext(overrides: Partial<Record<string, string>> = {}): IOContext {
  const headers: Record<string, string> = {
    'x-vtex-account': 'acme',
    'x-vtex-workspace': 'master',
    'x-vtex-credential': 'APP-TOKEN',
    'x-request-id': 'test-request',
    ...Object.fromEntries(Object.entries(overrides).filter((e): e is [string, string] => e[1] !== undefined)),
  }
  const ctx = prepareHandlerCtx(headers)
  return { ...ctx, route: { id: 'test', params: {}, type: 'private' } }
}

/** Points every @vtex/api client in this process at the given emulator (forward proxy). */
export function useEmulatorProxy(url: string): void {
  process.env.HTTP_PROXY = url
  process.env.http_proxy = url
}
