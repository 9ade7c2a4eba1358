import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { matchWorkspaceNames, nameKey } from '../../../shared/ner/workspace-matcher';
import { normalizeForMatch } from '../../../shared/arabic-normalize';
import { cpSlice, textArb } from '../text-arbitraries';

vi.setConfig({ testTimeout: 120_000 });
const RUNS = { numRuns: Math.max(1000, Number(process.env.TAHRIR_PROPERTY_RUNS ?? 0)) };

/** The texts of the suggested spans, in order. */
const found = (source: string, names: { text: string; label: string }[]) =>
  matchWorkspaceNames(source, names).map((s) => ({ text: cpSlice(source, s.start, s.end), label: s.label }));

describe('matchWorkspaceNames', () => {
  it('finds an Arabic name with the clitics و ف ب ل ك and ال in front, outside the span', () => {
    const names = [{ text: 'بايدن', label: 'PERSON' }];
    expect(found('قال بايدن ثم وبايدن فبايدن وببايدن ولبايدن كبايدن والبايدن.', names).map((m) => m.text)).toEqual([
      'بايدن',
      'بايدن',
      'بايدن',
      'بايدن',
      'بايدن',
      'بايدن',
      'بايدن',
    ]);
  });

  it('matches the article form: بالقاهرة for القاهرة, and للولايات المتحدة for الولايات المتحدة', () => {
    const s = 'وصل إلى بالقاهرة ثم سافر للولايات المتحدة.';
    const m = matchWorkspaceNames(s, [
      { text: 'القاهرة', label: 'GPE' },
      { text: 'الولايات المتحدة', label: 'GPE' },
    ]);
    expect(m.map((x) => cpSlice(s, x.start, x.end))).toEqual(['القاهرة', 'لولايات المتحدة']);
    expect(m.every((x) => x.source === 'workspace' && x.score < 1)).toBe(true);
  });

  it('ignores hamza forms, diacritics and tatweel in either the name or the document', () => {
    expect(
      found('زار أردوغان و اردوغان و أَرْدُوغـــان', [{ text: 'إردوغان', label: 'PERSON' }]).map((m) => m.text),
    ).toEqual(['أردوغان', 'اردوغان', 'أَرْدُوغـــان']);
  });

  it('never matches inside a longer word', () => {
    expect(found('العراقيون والعراقي وعراقية', [{ text: 'العراق', label: 'GPE' }])).toEqual([]);
    expect(found('Londoner and Londonderry', [{ text: 'London', label: 'GPE' }])).toEqual([]);
    // A letter other than a clitic in front is a longer word too.
    expect(found('مبايدن', [{ text: 'بايدن', label: 'PERSON' }])).toEqual([]);
    expect(found('in unLondon', [{ text: 'London', label: 'GPE' }])).toEqual([]);
    // A change of script ends a word, as in the tokenizer.
    expect(found('وLondon وLondonو', [{ text: 'London', label: 'GPE' }]).map((m) => m.text)).toEqual([
      'London',
      'London',
    ]);
  });

  it('English: case folded, but a capitalized name is not found in lower case; possessives outside the span', () => {
    const names = [
      { text: 'Apple', label: 'ORG' },
      { text: 'Joe Biden', label: 'PERSON' },
    ];
    expect(found("APPLE and Apple's phones, an apple, joe biden, Joe  Biden’s plan", names)).toEqual([
      { text: 'APPLE', label: 'ORG' },
      { text: 'Apple', label: 'ORG' },
      { text: 'Joe  Biden', label: 'PERSON' },
    ]);
    expect(found('the us and the US', [{ text: 'US', label: 'GPE' }]).map((m) => m.text)).toEqual(['US']);
  });

  it('shows conflicting labels for one string, the most frequent first', () => {
    const m = matchWorkspaceNames('Jordan said', [
      { text: 'Jordan', label: 'GPE' },
      { text: 'Jordan', label: 'PERSON' },
      { text: 'jordan', label: 'GPE' },
    ]);
    expect(m).toEqual([{ start: 0, end: 6, label: 'GPE', score: 0.667, source: 'workspace', conflicts: ['PERSON'] }]);
  });

  it('prefers the longest name, and leaves out what the document already tags', () => {
    const s = 'الأمير الوليد بن طلال والوليد';
    const names = [
      { text: 'الوليد', label: 'PERSON' },
      { text: 'الوليد بن طلال', label: 'PERSON' },
    ];
    expect(found(s, names).map((m) => m.text)).toEqual(['الوليد بن طلال', 'الوليد']);
    expect(matchWorkspaceNames(s, names, [{ start: 7, end: 21 }]).map((m) => cpSlice(s, m.start, m.end))).toEqual([
      'الوليد',
    ]);
  });

  it('offsets are code points, past emoji and flags', () => {
    const s = '😀🇸🇦 بالرياض';
    const [m] = matchWorkspaceNames(s, [{ text: 'الرياض', label: 'GPE' }]);
    expect(cpSlice(s, m.start, m.end)).toBe('الرياض');
    expect(m.start).toBe(5);
  });

  it('property: every suggestion is a whole word (or a word after clitics) whose text normalizes to the name', () => {
    const names = [
      { text: 'بايدن', label: 'PERSON' },
      { text: 'news', label: 'ORG' },
      { text: 'الشمالية', label: 'LOC' },
    ];
    const keys = new Set(names.map((n) => normalizeForMatch(n.text).text));
    fc.assert(
      fc.property(textArb(40), (source) => {
        const chars = Array.from(source);
        let lastEnd = 0;
        for (const m of matchWorkspaceNames(source, names)) {
          expect(m.start).toBeGreaterThanOrEqual(lastEnd);
          lastEnd = m.end;
          const text = normalizeForMatch(chars.slice(m.start, m.end).join('')).text;
          // For للـ the span starts at the article's ل: add back the alef.
          expect(keys.has(text) || keys.has(`ا${text}`)).toBe(true);
          // After the span: no letter (combining marks were taken into it), unless a possessive or another script.
          const after = chars.slice(m.end).join('');
          const next = Array.from(normalizeForMatch(after).text)[0] ?? '';
          const arabic = (ch: string) => /[\u0600-\u06FF]/u.test(ch);
          const glued = /^[\p{L}\p{N}]/u.test(next) && !/^['’]/u.test(after) && arabic(next) === arabic(text.slice(-1));
          expect(glued).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('property: a name put anywhere between spaces is found there', () => {
    fc.assert(
      fc.property(textArb(12), textArb(12), fc.constantFrom('', 'و', 'ب', 'ل', 'وال', 'فب'), (left, right, clitic) => {
        const source = `${left} ${clitic}بايدن ${right}`;
        const at = Array.from(left).length + 1 + clitic.length;
        const m = matchWorkspaceNames(source, [{ text: 'بايدن', label: 'PERSON' }]);
        expect(m.some((x) => x.start === at && x.end === at + 5)).toBe(true);
      }),
      RUNS,
    );
  });

  it('property: a name kept from an earlier document keys as its text folded again (perf53: the keys are kept)', () => {
    const folded = (text: string) => normalizeForMatch(text).text.replace(/\s+/gu, ' ').trim();
    fc.assert(
      fc.property(fc.array(textArb(8), { minLength: 1, maxLength: 6 }), (texts) => {
        // Twice each: the first folds and keeps, the second reads what was kept (texts repeat across the runs too).
        for (const text of [...texts, ...texts]) expect(nameKey(text)).toBe(folded(text));
        const names = texts.map((text) => ({ text, label: 'PERSON' }));
        const source = texts.join(' و ');
        expect(matchWorkspaceNames(source, names)).toEqual(matchWorkspaceNames(source, names));
      }),
      RUNS,
    );
  });

  it('each name found is checked against the tagged entities by a search, not by reading every entity', () => {
    // 2,000 times "بايدن قال" (10 code points each); the entities tagged are the verbs, so no name found overlaps one.
    const n = 2000;
    const s = 'بايدن قال '.repeat(n);
    let reads = 0;
    const existing = Array.from({ length: n }, (_, i) =>
      Object.defineProperties({} as { start: number; end: number }, {
        start: { get: () => (reads++, i * 10 + 6), enumerable: true },
        end: { get: () => (reads++, i * 10 + 9), enumerable: true },
      }),
    );
    expect(matchWorkspaceNames(s, [{ text: 'بايدن', label: 'PERSON' }], existing)).toHaveLength(n);
    // A scan of every entity per name found read 8,000,000 offsets; sorting them once and searching, ~100,000.
    expect(reads).toBeLessThan(100 * n);
  });
});
