import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RULES, suggestEdits } from '../../../shared/boilerplate/index';
import type { Sidecar } from '../../../shared/model';
import { slice } from './rule-harness';

const root = join(__dirname, '../../..');
const SAMPLE = '000_b3be894ae1d50a96';
const source = readFileSync(join(root, 'seeds', `${SAMPLE}.txt`), 'utf8');
// The example sidecar and clean text of the brief (docs/example), copied into the fixtures.
const EXAMPLE = join(root, 'test/fixtures/articles/sample');

/** Applies edits (code point offsets) to the source: the clean text. */
function applyEdits(text: string, edits: { start: number; end: number; replacement: string }[]): string {
  const chars = [...text];
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += chars.slice(at, e.start).join('') + e.replacement;
    at = e.end;
  }
  return out + chars.slice(at).join('');
}

describe('suggestEdits on the sample article', () => {
  const edits = suggestEdits(source);

  test('proposes exactly the six edits of the example sidecar', () => {
    const expected = [
      [89, 123, 'published-line'],
      [303, 387, 'read-more'],
      [1548, 1560, 'source-line'],
      [1560, 1578, 'source-line'],
      [1578, 1722, 'keywords-line'],
      [1722, 2992, 'related'],
    ];
    expect(edits.map((e) => [e.start, e.end, e.rule])).toEqual(expected);
    expect(edits.every((e) => e.kind === 'boilerplate' && e.replacement === '')).toBe(true);
    for (const e of edits) expect(slice(source, e.start, e.end)).toBe(e.text);
  });

  test('matches the example sidecar and yields its clean text', () => {
    const example = JSON.parse(readFileSync(join(EXAMPLE, `${SAMPLE}.annotations.json`), 'utf8')) as Sidecar;
    expect(edits.map(({ start, end, text, kind, rule }) => ({ start, end, text, kind, rule }))).toEqual(
      example.edits.map(({ start, end, text, kind, rule }) => ({ start, end, text, kind, rule })),
    );
    expect(applyEdits(source, edits)).toBe(readFileSync(join(EXAMPLE, `${SAMPLE}.clean.txt`), 'utf8'));
  });

  test('the Persian letters of the keyword line and the glue after the headline are covered by removals', () => {
    const all = suggestEdits(source, { disabledRules: ['keywords-line', 'related'] });
    expect(all.some((e) => e.rule === 'letter-variants' && e.replacement === 'كوريا')).toBe(true);
    expect(edits.some((e) => e.kind === 'split' || e.rule === 'letter-variants')).toBe(false);
  });

  test('the headline glued to the next sentence is split where the read-more rule knows it ends, once its removal is rejected', () => {
    const headline = edits.find((e) => e.rule === 'read-more')!;
    const rejected = suggestEdits(source, {
      rejected: [{ rule: 'read-more', start: headline.start, end: headline.end, text: headline.text }],
    });
    expect(
      rejected.filter((e) => e.kind === 'split').map((e) => [e.start, e.rule, slice(source, e.start - 6, e.start + 5)]),
    ).toEqual([[387, 'read-more', 'كيشيداوبحسب']]);
    // Without the read-more rule nothing says where the headline ends: no split inside the Arabic letters.
    const alone = suggestEdits(source, { disabledRules: ['read-more'] });
    expect(alone.some((e) => e.kind === 'split')).toBe(false);
  });
});

describe('line breaks', () => {
  test('the sample with CRLF line breaks gives the same six edits, each line with its CRLF', () => {
    const crlf = source.replace(/\n/g, '\r\n');
    const edits = suggestEdits(crlf);
    expect(edits.map((e) => e.rule)).toEqual([
      'published-line',
      'read-more',
      'source-line',
      'source-line',
      'keywords-line',
      'related',
    ]);
    expect(edits[0].text).toBe('تاريخ النشر: 11th, April 2024 GMT\r\n');
    for (const e of edits) expect(slice(crlf, e.start, e.end)).toBe(e.text);
    const clean = readFileSync(join(EXAMPLE, `${SAMPLE}.clean.txt`), 'utf8').replace(/\n/g, '\r\n');
    expect(applyEdits(crlf, edits)).toBe(clean);
  });
});

describe('merging', () => {
  test('a rejected suggestion is not proposed again, and what it covered comes back', () => {
    const related = suggestEdits(source).find((e) => e.rule === 'related')!;
    const again = suggestEdits(source, {
      rejected: [{ rule: 'related', start: related.start, end: related.end, text: related.text }],
    });
    expect(again.some((e) => e.rule === 'related')).toBe(false);
    expect(again.find((e) => e.rule === 'social-embed')?.text).toMatch(/^Foreign ministers .* November 6, 2024$/su);
    expect(again.find((e) => e.rule === 'glued-words')).toBeUndefined();
  });

  test('nothing overlapping an existing edit is proposed', () => {
    const existing = [
      { id: 'e9', start: 300, end: 320, text: slice(source, 300, 320), replacement: '', kind: 'boilerplate' as const },
    ];
    const edits = suggestEdits(source, { existing });
    expect(edits.some((e) => e.start < 320 && e.end > 300)).toBe(false);
  });

  test('disabled rules are off', () => {
    expect(suggestEdits(source, { disabledRules: ['source-line'] }).some((e) => e.rule === 'source-line')).toBe(false);
  });

  test("a workspace rule named like a built-in describes itself in its own run only, never the built-in's suggestions elsewhere", () => {
    const builtIn = suggestEdits(source).find((e) => e.rule === 'source-line');
    expect(builtIn?.description).toBeTruthy();
    const own = suggestEdits(source, {
      workspaceRules: [{ id: 'source-line', pattern: 'RT Arabic', description: 'our footer' }],
    });
    expect(own.some((e) => e.description === 'our footer')).toBe(true);
    // Another workspace in the same process (no rules of its own) sees the built-in's description.
    expect(suggestEdits(source).find((e) => e.rule === 'source-line')?.description).toBe(builtIn?.description);
  });

  test('workspace rules from tahrir.json join in', () => {
    const edits = suggestEdits(source, {
      workspaceRules: [{ id: 'site-rt', pattern: 'RT Arabic', kind: 'boilerplate' }],
      disabledRules: ['source-line'],
    });
    expect(edits.find((e) => e.rule === 'site-rt')?.text).toBe('RT Arabic');
    expect(() => suggestEdits(source, { workspaceRules: [{ id: 'bad', pattern: '(' }] })).toThrow(
      /tahrir\.json: boilerplateRules\[0\]: rule "bad"/u,
    );
    expect(() => suggestEdits(source, { workspaceRules: [{ id: 'x' } as never] })).toThrow(/needs a "pattern"/u);
    expect(() => suggestEdits(source, { workspaceRules: 'x' as never })).toThrow(/must be a list/u);
    // A whole-line match goes with its line break; a normalize rule replaces.
    const lines = suggestEdits('a\nشارك عبر واتساب\nb', {
      workspaceRules: [{ id: 'share-ar', pattern: '^شارك عبر.*$', flags: 'm' }],
      disabledRules: ['share-line'],
    });
    expect(lines.map((e) => e.text)).toEqual(['شارك عبر واتساب\n']);
    const fix = suggestEdits('السلام عليکم', {
      workspaceRules: [{ id: 'salam', pattern: 'عليکم', kind: 'normalize', replacement: 'عليكم' }],
      disabledRules: ['letter-variants'],
    });
    expect(fix.map((e) => [e.kind, e.replacement])).toEqual([['normalize', 'عليكم']]);
  });

  test('every rule has an id, a description and a language; ids are unique', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) expect(!!r.description && ['ar', 'en', 'any'].includes(r.language)).toBe(true);
  });

  test('on any text: sorted, in range, non-overlapping, anchored in code points (emoji, flags, CRLF, BOM)', () => {
    const pieces = [
      'اقرأ أيضا: ',
      'Read more: ',
      'المصدر: رويترز',
      'Source: AFP',
      '\n',
      '\r\n',
      '😀',
      '🇯🇵',
      'عمّان',
      'کوریا',
      'الـــرئيس',
      'كيشيداوبحسب',
      '2024وجاء',
      'وقال ',
      'The ',
      'Advertisement',
      '\uFEFF',
      'Share this article',
      '© 2024',
      'Tags: a, b',
      'تاريخ النشر: 11th, April 2024 GMT',
      'إقرأ أيضاً:',
      ' ',
      '.',
      'كلمة ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const edits = suggestEdits(text);
        const length = [...text].length;
        let last = -1;
        let lastEnd = 0;
        for (const e of edits) {
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(length);
          expect(e.start).toBeGreaterThanOrEqual(last);
          expect(e.start).toBeGreaterThanOrEqual(lastEnd);
          expect(slice(text, e.start, e.end)).toBe(e.text);
          last = e.start;
          lastEnd = e.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
