import { SimClock } from '../../emulator/clock'
import type { Stack, StackOptions } from '../../emulator/stack'
import { startStack } from '../../emulator/stack'

/** A fixed simulated start so timelines and assertions are reproducible. */
export const T0 = Date.parse('2026-11-02T12:00:00.000Z')

export async function startTestStack(options: Partial<StackOptions> = {}): Promise<Stack & { clock: SimClock }> {
  const clock = new SimClock(T0, 1)
  const stack = await startStack({ clock, tickMs: 0, ...options })
  return { ...stack, clock }
}

/** Calls an emulator control endpoint (or an app route through the emulator's gateway). */
export async function call<T = unknown>(
  stack: Stack,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${stack.platform.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // keep text
  }
  return { status: response.status, body: parsed as T }
}

/** Moves the simulated clock and lets the emulated scheduler fire what became due. */
export async function advanceHours(stack: Stack & { clock: SimClock }, hours: number): Promise<void> {
  stack.clock.advance(hours * 3600_000)
  await stack.platform.scheduler.tick()
  await stack.platform.settle()
}
