/**
 * The simulated clock. The emulator and the real @vtex/api runtime run in one process, so
 * replacing the global Date moves time for both at once: carrier timelines, the scheduler,
 * the app's schedule policy and token expiry all see the same "now".
 *
 * now = simAnchor + (realNow - realAnchor) * speed + manual advances.
 * speed 1 with manual advances suits tests; speed 3600 (an hour a second) suits the demo.
 */
const RealDate = Date
const realNow = (): number => RealDate.now()

export class SimClock {
  private simAnchor: number
  private realAnchor: number

  constructor(
    start: Date | number = realNow(),
    private speed = 1
  ) {
    this.simAnchor = typeof start === 'number' ? start : start.getTime()
    this.realAnchor = realNow()
  }

  now(): number {
    return Math.floor(this.simAnchor + (realNow() - this.realAnchor) * this.speed)
  }

  /** Moves simulated time forward (never backwards: the platform never goes back in time). */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance takes a positive number of milliseconds')
    this.rebase()
    this.simAnchor += ms
    return this.now()
  }

  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed <= 0) throw new RangeError('speed must be a positive number')
    this.rebase()
    this.speed = speed
  }

  getSpeed(): number {
    return this.speed
  }

  /** Real milliseconds that pass while `simMs` of simulated time goes by. */
  realDelayFor(simMs: number): number {
    return simMs / this.speed
  }

  private rebase(): void {
    this.simAnchor = this.now()
    this.realAnchor = realNow()
  }
}

let installed: SimClock | undefined

/** Replaces the global Date so that `new Date()` and `Date.now()` follow the simulated clock. */
export function installClock(clock: SimClock): void {
  installed = clock
  const source = clock
  class SimDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(source.now())
      else super(...(args as [string | number]))
    }
    static now(): number {
      return source.now()
    }
  }
  ;(globalThis as { Date: DateConstructor }).Date = SimDate as DateConstructor
}

export function uninstallClock(): void {
  installed = undefined
  ;(globalThis as { Date: DateConstructor }).Date = RealDate
}

export const activeClock = (): SimClock | undefined => installed
