// No user-visible English left in any component (issue 19, the Arabic interface): JSX
// text and the attributes a user reads or hears (title, aria-label, placeholder, alt) come from the
// message catalogs (shared/i18n), never from a literal. Key names (<kbd>Esc</kbd>), symbols and
// the brand stay literal.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const UI = join(__dirname, '..', '..', 'renderer', 'ui');
const READ = new Set(['title', 'aria-label', 'placeholder', 'alt']);
/** Literal text that is not words: key names and chords (Ctrl+Shift+E), symbols, the app's name. */
const NOT_WORDS = /^(Tahrir|Esc|Enter|Shift\+Enter|Escape|[A-Z]|((Ctrl|Shift|Alt)\+)+[A-Z][a-z]*|[^A-Za-z]*)$/;

function bareStrings(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (text && !NOT_WORDS.test(text)) found.push(text);
    }
    if (ts.isJsxAttribute(node) && READ.has(node.name.getText()) && node.initializer) {
      const value = ts.isStringLiteral(node.initializer)
        ? node.initializer.text
        : ts.isJsxExpression(node.initializer) &&
            node.initializer.expression &&
            (ts.isStringLiteral(node.initializer.expression) ||
              ts.isNoSubstitutionTemplateLiteral(node.initializer.expression) ||
              ts.isTemplateExpression(node.initializer.expression))
          ? node.initializer.expression.getText()
          : null;
      if (value !== null && !NOT_WORDS.test(value)) found.push(`${node.name.getText()}=${value}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-visible strings', () => {
  const files = readdirSync(UI).filter((f) => f.endsWith('.tsx'));

  it('come from the message catalogs in every component', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(bareStrings(join(UI, f)), f).toEqual([]);
  });

  it('are found when a component has one (the check can fail)', () => {
    expect(bareStrings(join(__dirname, 'fixtures', 'bare-strings.tsx'))).toEqual([
      'aria-label=Export dataset',
      'Export dataset',
      'title=Choose the format',
      'Format',
      'placeholder=path to the file',
      'alt=A chart of the progress',
      'title=`Tag the selected text as ${name}`',
      'Left out',
      'documents.',
      'Cancel',
    ]);
  });
});
