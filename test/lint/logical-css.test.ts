// The chrome mirrors in Arabic (issue 19): the renderer's styles say start and end, never left and
// right (margin-inline-start, inset-inline-end, text-align: start…), so one stylesheet serves both
// directions. A physical property is a bug in the Arabic interface unless it is listed below with
// the reason it must stay physical. Inline styles of the components are held to the same rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(__dirname, '..', '..');
const STYLES = join(repo, 'renderer', 'styles');
const UI = join(repo, 'renderer', 'ui');

/** "file selector property": why it stays physical. */
const MUST_STAY_PHYSICAL: Record<string, string> = {
  'app.css .toast left': 'centred: left 50% with translateX(-50%) puts it in the middle in either direction',
  'app.css .toast transform': 'the translateX(-50%) of the centring above',
  'app.css .span-overlay inset':
    'the boxes and arcs inside are placed at getBoundingClientRect coordinates, which are physical',
  'app.css .speaker-arcs left': 'the arcs are drawn at getBoundingClientRect coordinates, which are physical',
  "app.css [dir='rtl'] .directional transform": 'the mirroring of a directional icon in right-to-left itself',
};

const PHYSICAL_PROPERTY =
  /^(left|right|(margin|padding|border)-(left|right)(-\w+)*|border-(top|bottom)-(left|right)-radius|scroll-(margin|padding)-(left|right))$/;
const PHYSICAL_VALUE: Record<string, RegExp> = {
  'text-align': /\b(left|right)\b/,
  float: /\b(left|right)\b/,
  clear: /\b(left|right)\b/,
  transform: /\b(translateX|scaleX)\(/,
  'transform-origin': /\b(left|right)\b/,
  'background-position': /\b(left|right)\b/,
};

/** `inset: a b c d` (or `a b`, `a b c`) with a left differing from its right says left and right. */
function physicalInset(value: string): boolean {
  const parts = value.trim().split(/\s+/);
  if (parts.length < 2) return false;
  const right = parts[1];
  const left = parts[3] ?? right;
  return left !== right;
}

/** Each physical declaration of a stylesheet, as "selector property: value". */
export function physicalDeclarations(css: string): string[] {
  const found: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // Innermost blocks: a selector, then declarations without nested braces (at-rules' blocks hold these).
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = m[1].trim().replace(/\s+/g, ' ');
    for (const declaration of m[2].split(';')) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      const property = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).trim();
      if (
        PHYSICAL_PROPERTY.test(property) ||
        PHYSICAL_VALUE[property]?.test(value) ||
        (property === 'inset' && physicalInset(value))
      )
        found.push(`${selector} ${property}: ${value}`);
    }
  }
  return found;
}

/** Inline style objects of a component that name left or right (style={{ marginLeft: … }}). */
export function physicalInlineStyles(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/style=\{\{([^}]*)\}\}|const \w+ = \{([^}]*)\} as const/g)) {
    const body = m[1] ?? m[2];
    for (const p of body.matchAll(
      /\b(?:(left|right|(?:margin|padding|border)(?:Left|Right)\w*)\s*:|(?:textAlign|float)\s*:\s*'(?:left|right)')/g,
    ))
      found.push(p[1] ?? p[0]);
  }
  return found;
}

describe('logical CSS (the Arabic interface mirrors)', () => {
  const sheets = readdirSync(STYLES).filter((f) => f.endsWith('.css'));

  it('no stylesheet says left or right, but where it must (each with its reason)', () => {
    expect(sheets.length).toBeGreaterThan(2);
    const unlisted: string[] = [];
    const used = new Set<string>();
    for (const sheet of sheets)
      for (const d of physicalDeclarations(readFileSync(join(STYLES, sheet), 'utf8'))) {
        const key = `${sheet} ${d.slice(0, d.indexOf(':'))}`;
        if (MUST_STAY_PHYSICAL[key]) used.add(key);
        else unlisted.push(`${sheet} ${d}`);
      }
    expect(unlisted).toEqual([]);
    // An allowance no longer needed goes.
    expect(Object.keys(MUST_STAY_PHYSICAL).filter((k) => !used.has(k))).toEqual([]);
  });

  it('no component has an inline style that says left or right', () => {
    for (const f of readdirSync(UI).filter((x) => x.endsWith('.tsx')))
      expect(physicalInlineStyles(readFileSync(join(UI, f), 'utf8')), f).toEqual([]);
  });

  it('finds physical properties when there are (the check can fail)', () => {
    const css = `
      .a { margin-left: 4px; padding-inline-start: 2px; }
      @media (min-width: 600px) { .b .c { border-right-color: red; text-align: left; float: right } }
      .d { inset: 0 auto auto 0; inset-inline-start: 0; left: 0 }
      .e { text-align: start; inset: 0; border-top-left-radius: 3px; transform: translateX(2px) }`;
    expect(physicalDeclarations(css)).toEqual([
      '.a margin-left: 4px',
      '.b .c border-right-color: red',
      '.b .c text-align: left',
      '.b .c float: right',
      '.d inset: 0 auto auto 0',
      '.d left: 0',
      '.e border-top-left-radius: 3px',
      '.e transform: translateX(2px)',
    ]);
    expect(physicalInlineStyles(`<p style={{ marginLeft: 4, marginBlockStart: 2 }} />`)).toEqual(['marginLeft']);
    expect(
      physicalInlineStyles(`const ROW = { display: 'flex', marginTop: '14px', textAlign: 'right' } as const`),
    ).toEqual(["textAlign: 'right'"]);
  });
});
