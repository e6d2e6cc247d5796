/** The class that scopes the contrast theme: the page root and every dialog of the page carry it. */
export const THEME_CLASS = 'orderly-tracking-admin'

const scope = `.${THEME_CLASS}`

/**
 * The styleguide palette, darkened where it fails WCAG AA (4.5:1) as small text: muted greys on the
 * admin's grey (PageBlock subtitles, Totalizer labels, Table headers, inactive Tabs) and white on
 * the light fills of Tag (success, danger, muted) and warning's white on yellow. Hues stay the
 * styleguide's; only lightness changes. `!important` because the admin shell's sheet order is not
 * ours to decide (tachyons' `.onda-v3 .c-muted-1` has the same specificity). Tags with colours of
 * their own (an inline colour: StatusTag's blues) are left as they are.
 */
export const CONTRAST_CSS = `
${scope} .c-muted-1 { color: #585959 !important; }
${scope} .c-muted-2 { color: #626364 !important; }
${scope} .vtex-tag.bg-success:not([style*="color"]) { background-color: #2e7d32 !important; }
${scope} .vtex-tag.bg-danger:not([style*="color"]) { background-color: #c62828 !important; }
${scope} .vtex-tag.bg-muted-2:not([style*="color"]) { background-color: #6e6f70 !important; }
${scope} .vtex-tag.c-on-warning:not([style*="color"]) { color: #1f1f1f !important; }
${scope} .vtex-tag.c-success:not([style*="color"]) { color: #2e7d32 !important; }
${scope} .vtex-tag.c-danger:not([style*="color"]) { color: #c62828 !important; }
${scope} .vtex-tag.c-warning:not([style*="color"]) { color: #8a5300 !important; }
`
