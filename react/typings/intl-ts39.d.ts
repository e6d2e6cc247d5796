/**
 * The parts of the Intl API the admin page uses that TypeScript 3.9's `lib` (the react 3.x
 * builder's compiler) does not declare yet: `hourCycle` and `Intl.RelativeTimeFormat` (ES2020,
 * in every browser the VTEX admin supports). Shapes follow ECMA-402.
 *
 * Only react/tsconfig.json reads this file. The repository's TypeScript 5 type check already has
 * these in its lib and would reject the redeclaration, so the root tsconfig.json excludes it.
 */
declare namespace Intl {
  interface DateTimeFormatOptions {
    hourCycle?: 'h11' | 'h12' | 'h23' | 'h24'
  }

  type RelativeTimeFormatUnit =
    | 'year'
    | 'years'
    | 'quarter'
    | 'quarters'
    | 'month'
    | 'months'
    | 'week'
    | 'weeks'
    | 'day'
    | 'days'
    | 'hour'
    | 'hours'
    | 'minute'
    | 'minutes'
    | 'second'
    | 'seconds'

  interface RelativeTimeFormatOptions {
    localeMatcher?: 'lookup' | 'best fit'
    numeric?: 'always' | 'auto'
    style?: 'long' | 'short' | 'narrow'
  }

  class RelativeTimeFormat {
    constructor(locales?: string | string[], options?: RelativeTimeFormatOptions)
    format(value: number, unit: RelativeTimeFormatUnit): string
  }
}
