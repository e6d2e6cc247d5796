import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'

import { createIntl } from 'react-intl'
import ts from 'typescript'

import { LOCALES, reactSources, usedMessageIds } from '../../scripts/vtex-build-check/messageIds'

/**
 * Static checks of the admin page's texts: every message id the page uses exists in en, pt, es
 * and context.json (and nothing unused lingers there), the translations are valid ICU with the
 * same placeholders as English, and no visible text is written literally in JSX.
 */

const ROOT = path.resolve(__dirname, '..', '..')

// The id scan is the build check's own, so the test and `vtex-build-check` cannot disagree.
const sourceFiles = reactSources(ROOT)
const usedIds = usedMessageIds(ROOT)

const readJson = (file: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>

const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, readJson(`messages/${locale}.json`)])) as Record<
  (typeof LOCALES)[number],
  Record<string, string>
>
const context = readJson('messages/context.json')

/** Names of the ICU arguments of a message ("{count, plural, ...}" -> count). */
const argumentsOf = (message: string): string[] =>
  [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((match) => match[1]))].sort()

void describe('admin page messages', () => {
  void it('finds the ids the page uses (the scan itself works)', () => {
    assert.ok(usedIds.size > 100, `only ${usedIds.size} ids found in react/`)
    assert.ok(usedIds.has('admin/order-tracking.navigation.label'))
    assert.ok(usedIds.has('admin/order-tracking.status.DELIVERED'))
  })

  void it('has every used id in en, pt, es and context.json', () => {
    for (const [name, catalog] of [...Object.entries(catalogs), ['context', context] as const]) {
      const missing = [...usedIds].filter((id) => !(id in catalog))
      assert.deepEqual(missing, [], `missing in messages/${name}.json`)
    }
  })

  void it('keeps no unused or namespace-less keys', () => {
    for (const [name, catalog] of [...Object.entries(catalogs), ['context', context] as const]) {
      const unused = Object.keys(catalog).filter((id) => !usedIds.has(id))
      assert.deepEqual(unused, [], `unused keys in messages/${name}.json`)
      const foreign = Object.keys(catalog).filter((id) => !id.startsWith('admin/order-tracking.'))
      assert.deepEqual(foreign, [], `keys outside admin/order-tracking.* in messages/${name}.json`)
    }
  })

  void it('describes each message for translators instead of echoing its id', () => {
    for (const [id, description] of Object.entries(context)) {
      assert.ok(description.length >= 15 && description !== id, `context.json describes ${id} too briefly`)
    }
  })

  void it('translates every message with valid ICU and the same placeholders as English', () => {
    for (const locale of ['pt', 'es'] as const) {
      for (const [id, english] of Object.entries(catalogs.en)) {
        const translated = catalogs[locale][id]
        assert.equal(typeof translated, 'string', `${locale} lacks ${id}`)
        assert.deepEqual(argumentsOf(translated), argumentsOf(english), `${locale} ${id} placeholders differ from en`)
      }
    }
    for (const locale of LOCALES) {
      const errors: string[] = []
      const intl = createIntl({
        locale,
        messages: catalogs[locale],
        onError: (error) => errors.push(String(error)),
      })
      for (const [id, message] of Object.entries(catalogs[locale])) {
        const values = Object.fromEntries(argumentsOf(message).map((name) => [name, 2]))
        const text = intl.formatMessage({ id }, values)
        assert.ok(text.length > 0, `${locale} ${id} formats to nothing`)
      }
      assert.deepEqual(errors, [], `${locale} messages that do not format`)
    }
  })
})

/** Attributes whose string value a person reads. */
const VISIBLE_ATTRIBUTES = new Set([
  'label',
  'title',
  'placeholder',
  'alt',
  'aria-label',
  'helpText',
  'errorMessage',
  'emptyStateLabel',
  'textOf',
  'textShowRows',
  'subtitle',
])

function literalTexts(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  const where = (node: ts.Node): string => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart())
    return `${path.relative(ROOT, file)}:${line + 1}`
  }
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && node.getText().trim() !== '') found.push(`${where(node)} text "${node.getText().trim()}"`)
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText()
      const init = node.initializer
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression)
          ? init.expression
          : undefined
      if (literal && VISIBLE_ATTRIBUTES.has(name) && /[A-Za-z]/.test(literal.text)) {
        found.push(`${where(node)} ${name}="${literal.text}"`)
      }
    }
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) &&
      /[A-Za-z]/.test(node.expression.text)
    ) {
      found.push(`${where(node)} child {"${node.expression.text}"}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

void describe('admin page JSX', () => {
  const tsxFiles = sourceFiles.filter((file) => file.endsWith('.tsx'))

  void it('scans the page components', () => {
    assert.ok(tsxFiles.length >= 20, `only ${tsxFiles.length} .tsx files under react/`)
  })

  void it('catches literal text (the scan can fail)', () => {
    const sample = [
      'const a = <Button label="Save">Save now</Button>',
      'const b = <Input placeholder={"Search"} />',
      "const c = <span>{'Loading'}</span>",
      'const d = <span className="c-muted-1">{intl.formatMessage(m.x)} · {count}</span>',
    ].join('\n')
    const found = literalTexts(path.join(ROOT, 'test', 'browser', 'probe.tsx'), sample)
    assert.equal(found.length, 5, found.join('\n'))
  })

  void it('has no literal visible text in JSX: every string comes from messages', () => {
    const literals = tsxFiles.flatMap((file) => literalTexts(file))
    assert.deepEqual(literals, [])
  })
})
