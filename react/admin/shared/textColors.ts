/**
 * Text colours with WCAG AA contrast (4.5:1) on white and on the admin's grey: the styleguide's
 * danger and warning tokens are meant for fills and large text, and fail as small text.
 */
export const DANGER_TEXT = { color: '#b3121e' } as const
export const WARNING_TEXT = { color: '#8a5300' } as const
