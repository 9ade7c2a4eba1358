import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findAll, normalizeForMatch, normalizeText } from '../../shared/arabic-normalize';
import { cpLength, cpSlice, spanArb, textArb } from './text-arbitraries';

// Property suites run 1,000+ cases each; leave room on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

// At least 1,000 generated cases per property; TAHRIR_PROPERTY_RUNS raises it when hunting bugs.
const RUNS = { numRuns: Math.max(1000, Number(process.env.TAHRIR_PROPERTY_RUNS ?? 0)) };

describe('normalizeForMatch', () => {
  it('folds alef forms, yeh, keheh, digits, removes harakat and tatweel', () => {
    expect(normalizeForMatch('أإآٱ').text).toBe('اااا');
    expect(normalizeForMatch('ى ی').text).toBe('ي ي');
    expect(normalizeForMatch('کوریا').text).toBe('كوريا');
    expect(normalizeForMatch('عمّان').text).toBe('عمان');
    expect(normalizeForMatch('مُحَمَّد').text).toBe('محمد');
    expect(normalizeForMatch('بـــايدن').text).toBe('بايدن');
    expect(normalizeForMatch('١٢٫٥ ۱۴۰۲').text).toBe('12.5 1402');
    expect(normalizeForMatch('Café GOOGLE').text).toBe('cafe google');
    expect(normalizeForMatch('e\u0301').text).toBe('e');
  });

  it('folds teh marbuta only when asked', () => {
    expect(normalizeForMatch('الشمالية').text).toBe('الشمالية');
    expect(normalizeForMatch('الشمالية', { tehMarbuta: true }).text).toBe('الشماليه');
  });

  it('maps positions back to the original, with the original length last', () => {
    const { text, toOriginal } = normalizeForMatch('عمّان😀');
    expect(text).toBe('عمان😀');
    expect(toOriginal).toEqual([0, 1, 3, 4, 5, 6]);
  });

  it('splits a ligature into letters that map to it', () => {
    const { text, toOriginal } = normalizeForMatch('ﻻ');
    expect(text).toBe('لا');
    expect(toOriginal).toEqual([0, 0, 1]);
  });

  it('folds a ligature of 18 letters alone and repeated past the buffer it fills a chunk at a time', () => {
    const word = 'صلي الله عليه وسلم';
    for (const n of [1, 2, 229, 230, 3000]) {
      const folded = normalizeForMatch('ﷺ'.repeat(n));
      expect(folded.text).toBe(word.repeat(n));
      expect(folded.toOriginal.length).toBe(word.length * n + 1);
      expect(folded.toOriginal.at(-2)).toBe(n - 1);
    }
  });

  it('keeps a nondecreasing map into the original on random texts', () => {
    fc.assert(
      fc.property(textArb(), fc.boolean(), (text, tehMarbuta) => {
        const { text: normalized, toOriginal } = normalizeForMatch(text, { tehMarbuta });
        expect(toOriginal).toHaveLength(cpLength(normalized) + 1);
        expect(toOriginal[toOriginal.length - 1]).toBe(cpLength(text));
        expect(toOriginal.every((o, i) => i === 0 || o >= toOriginal[i - 1])).toBe(true);
        // Idempotent.
        expect(normalizeForMatch(normalized, { tehMarbuta }).text).toBe(normalized);
      }),
      RUNS,
    );
  });
});

describe('findAll', () => {
  const keywords = 'كلمات دلالية: واشنطن کوریا الشمالیة بيونغ يانغ';

  it('finds Persian letter forms with Arabic ones, in original code points', () => {
    expect(findAll(keywords, 'كوريا الشمالية')).toEqual([{ start: 21, end: 35 }]);
  });

  it('finds across harakat and keeps trailing marks with their letter', () => {
    const text = 'في عمّان اليوم';
    expect(findAll(text, 'عمان')).toEqual([{ start: 3, end: 8 }]);
    expect(findAll(text, 'عم')).toEqual([{ start: 3, end: 6 }]); // takes the shadda on م
  });

  it('matches Latin case-insensitively and Arabic-Indic digits with ASCII', () => {
    expect(findAll('Google and GOOGLE', 'google')).toEqual([
      { start: 0, end: 6 },
      { start: 11, end: 17 },
    ]);
    expect(findAll('سعر ١٢٫٥ دولار', '12.5')).toEqual([{ start: 4, end: 8 }]);
  });

  it('counts emoji as one code point in the positions it returns', () => {
    expect(findAll('😀😀 بايدن', 'بايدن')).toEqual([{ start: 3, end: 8 }]);
  });

  it('respects whole words', () => {
    expect(findAll('وبايدن بايدن', 'بايدن', { wholeWords: true })).toEqual([{ start: 7, end: 12 }]);
    expect(findAll('وبايدن بايدن', 'بايدن')).toHaveLength(2);
    expect(findAll('cat concat cat.', 'cat', { wholeWords: true })).toEqual([
      { start: 0, end: 3 },
      { start: 11, end: 14 },
    ]);
  });

  it('returns nothing for an empty or mark-only needle', () => {
    expect(findAll('abc', '')).toEqual([]);
    expect(findAll('عمّان', '\u0651')).toEqual([]);
  });

  it('teh marbuta option', () => {
    expect(findAll('مدينه', 'مدينة')).toEqual([]);
    expect(findAll('مدينه', 'مدينة', { tehMarbuta: true })).toEqual([{ start: 0, end: 5 }]);
  });

  it('finds any piece of a random text, and every match normalizes to the needle', () => {
    fc.assert(
      fc.property(
        textArb().chain((text) => spanArb(cpLength(text)).map((span) => ({ text, span }))),
        fc.boolean(),
        ({ text, span }, wholeWords) => {
          const needle = cpSlice(text, span.start, span.end);
          const pin = normalizeForMatch(needle).text;
          const matches = findAll(text, needle, { wholeWords });
          if (pin !== '' && !wholeWords) expect(matches.length).toBeGreaterThan(0);
          let prevEnd = 0;
          for (const m of matches) {
            expect(m.start).toBeGreaterThanOrEqual(prevEnd);
            expect(m.end).toBeGreaterThan(m.start);
            expect(normalizeForMatch(cpSlice(text, m.start, m.end)).text).toBe(pin);
            prevEnd = m.end;
          }
        },
      ),
      RUNS,
    );
  });
});

describe('normalizeText', () => {
  it('gives the text of normalizeForMatch, for any text (without and with teh marbuta)', () => {
    const seeds = readdirSync(join(__dirname, '..', '..', 'seeds'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(__dirname, '..', '..', 'seeds', f), 'utf8'));
    for (const text of [...seeds, 'ﻻ إسرائيل Ç ﷲ ۱۲ ٣ ـ \u200f é 👍🏽 ة'])
      for (const tehMarbuta of [false, true])
        expect(normalizeText(text, { tehMarbuta })).toBe(normalizeForMatch(text, { tehMarbuta }).text);
    fc.assert(
      fc.property(fc.oneof(textArb(), fc.string({ unit: 'binary' })), fc.boolean(), (text, tehMarbuta) => {
        expect(normalizeText(text, { tehMarbuta })).toBe(normalizeForMatch(text, { tehMarbuta }).text);
      }),
      RUNS,
    );
  });
});
