/**
 * The part of Handlebars Message Center templates are written in, implemented strictly: `{{a.b}}`
 * (HTML-escaped), `{{{a.b}}}` (raw), `{{#if a.b}}…{{else}}…{{/if}}` (nestable). A helper or block
 * it does not know is a compile error, as an unknown helper is in Handlebars: templates that only
 * render here because the emulator was kind would fail in a store.
 */
export class TemplateError extends Error {}

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'var'; path: string; raw: boolean }
  | { kind: 'if'; path: string; then: Node[]; otherwise: Node[] }

const TOKEN = /\{\{\{\s*([\w.]+)\s*\}\}\}|\{\{\s*([#/]?)([^{}]*?)\s*\}\}/g

export function compile(template: string): (context: unknown) => string {
  const nodes = parse(template)
  return (context) => render(nodes, context)
}

function parse(template: string): Node[] {
  const root: Node[] = []
  const stack: Array<{ node: Extract<Node, { kind: 'if' }>; inElse: boolean }> = []
  const target = (): Node[] => {
    const top = stack[stack.length - 1]
    return top ? (top.inElse ? top.node.otherwise : top.node.then) : root
  }
  let last = 0
  for (const match of template.matchAll(TOKEN)) {
    if (match.index > last) target().push({ kind: 'text', value: template.slice(last, match.index) })
    last = match.index + match[0].length
    if (match[1] !== undefined) {
      target().push({ kind: 'var', path: match[1], raw: true })
      continue
    }
    const sigil = match[2]
    const body = (match[3] ?? '').trim()
    if (sigil === '#') {
      const [helper, path, extra] = body.split(/\s+/)
      if (helper !== 'if' || !path || extra !== undefined || !/^[\w.]+$/.test(path)) {
        throw new TemplateError(`Missing helper: "${helper ?? ''}" (only #if is available)`)
      }
      const node: Extract<Node, { kind: 'if' }> = { kind: 'if', path, then: [], otherwise: [] }
      target().push(node)
      stack.push({ node, inElse: false })
    } else if (sigil === '/') {
      if (body !== 'if' || stack.length === 0) throw new TemplateError(`unexpected {{/${body}}}`)
      stack.pop()
    } else if (body === 'else') {
      const top = stack[stack.length - 1]
      if (!top || top.inElse) throw new TemplateError('{{else}} outside an {{#if}}')
      top.inElse = true
    } else if (/^[\w.]+$/.test(body)) {
      target().push({ kind: 'var', path: body, raw: false })
    } else {
      throw new TemplateError(`Missing helper: "${body.split(/\s+/)[0]}"`)
    }
  }
  if (stack.length > 0) throw new TemplateError('{{#if}} without {{/if}}')
  if (last < template.length) root.push({ kind: 'text', value: template.slice(last) })
  return root
}

function render(nodes: Node[], context: unknown): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.value
      const value = lookup(context, node.path)
      if (node.kind === 'if') return render(truthy(value) ? node.then : node.otherwise, context)
      const text = value === undefined || value === null ? '' : String(value)
      return node.raw ? text : escape(text)
    })
    .join('')
}

function lookup(context: unknown, path: string): unknown {
  let value = context
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value) && value !== 0)

/** Handlebars' escapeExpression. */
const escape = (text: string): string =>
  text.replace(
    /[&<>"'`=]/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' })[char] ??
      char
  )
