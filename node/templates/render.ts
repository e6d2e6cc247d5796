/**
 * Renders the subset of Handlebars the app's templates use (`{{a.b}}` HTML-escaped, `{{#if a.b}}`
 * … `{{/if}}`), for the admin's previews. Message Center renders the real emails.
 */
export function renderTemplate(template: string, context: Record<string, unknown>): string {
  const withBlocks = template.replace(
    /\{\{#if ([\w.]+)\}\}([\s\S]*?)\{\{\/if\}\}/g,
    (_all, path: string, inner: string) => (truthy(lookup(context, path)) ? inner : '')
  )
  return withBlocks.replace(/\{\{([\w.]+)\}\}/g, (_all, path: string) => escapeHtml(text(lookup(context, path))))
}

function lookup(context: Record<string, unknown>, path: string): unknown {
  let value: unknown = context
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value))

const text = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value)

export const escapeHtml = (value: string): string => value.replace(/[&<>"'`=]/g, (char) => `&#${char.charCodeAt(0)};`)
