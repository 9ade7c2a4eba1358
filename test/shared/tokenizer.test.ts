import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { splitSentences, tokenize } from '../../shared/tokenizer';
import { cpLength, cpSlice, textArb } from './text-arbitraries';

// Property suites run 1,000+ cases each; leave room on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

// At least 1,000 generated cases per property; TAHRIR_PROPERTY_RUNS raises it when hunting bugs.
const RUNS = { numRuns: Math.max(1000, Number(process.env.TAHRIR_PROPERTY_RUNS ?? 0)) };

const texts = (text: string, boundaries?: number[]) => tokenize(text, boundaries).map((t) => t.text);

describe('tokenize', () => {
  it('separates Arabic words and punctuation', () => {
    expect(texts('قال بايدن: «نحن منفتحون على الحوار»، وأضاف؛ هل؟')).toEqual([
      'قال',
      'بايدن',
      ':',
      '«',
      'نحن',
      'منفتحون',
      'على',
      'الحوار',
      '»',
      '،',
      'وأضاف',
      '؛',
      'هل',
      '؟',
    ]);
  });

  it('keeps numbers whole', () => {
    expect(texts('إلى 82.10 دولار و1,000 و١٢٫٥٪ في 10:30.')).toEqual([
      'إلى',
      '82.10',
      'دولار',
      'و',
      '1,000',
      'و',
      '١٢٫٥',
      '٪',
      'في',
      '10:30',
      '.',
    ]);
  });

  it('keeps أوبك+ and C++ whole, but not a + between words', () => {
    expect(texts('تحالف أوبك+ وC++ a+b')).toEqual(['تحالف', 'أوبك+', 'و', 'C++', 'a', '+', 'b']);
  });

  it('keeps URLs, handles, tags and e-mail whole, without trailing punctuation', () => {
    expect(texts('Russia https://t.co/3NWgRxpBwK. — dpa (@dpa_intl) #كوريا x@y.com')).toEqual([
      'Russia',
      'https://t.co/3NWgRxpBwK',
      '.',
      '—',
      'dpa',
      '(',
      '@dpa_intl',
      ')',
      '#كوريا',
      'x@y.com',
    ]);
  });

  it('splits Arabic glued to Latin or digits (scraped text)', () => {
    expect(texts('2024وجاء في Koreaكوريا')).toEqual(['2024', 'وجاء', 'في', 'Korea', 'كوريا']);
  });

  it('keeps emoji, flags and combining marks in single tokens, in code points', () => {
    const tokens = tokenize('عمّان 🇸🇦👨‍👩‍👧👍🏽 e\u0301te می‌خواهم');
    expect(tokens.map((t) => t.text)).toEqual(['عمّان', '🇸🇦', '👨‍👩‍👧', '👍🏽', 'e\u0301te', 'می‌خواهم']);
    // Offsets from Python: len('عمّان ') == 6, len('🇸🇦') == 2, len('👨‍👩‍👧') == 5
    expect(tokens.slice(0, 4).map((t) => [t.start, t.end])).toEqual([
      [0, 5],
      [6, 8],
      [8, 13],
      [13, 15],
    ]);
  });

  it('keeps inner apostrophes and hyphens, and repeated punctuation as one token', () => {
    expect(texts("world's state-of-the-art ... !! ?!")).toEqual(["world's", 'state-of-the-art', '...', '!!', '?', '!']);
  });

  it('splits tokens at the given boundaries (entity edges)', () => {
    // An entity over 'بايدن' in 'وبايدن' (offsets 1..6).
    const tokens = tokenize('قال وبايدن', [5, 10]);
    expect(tokens).toEqual([
      { text: 'قال', start: 0, end: 3 },
      { text: 'و', start: 4, end: 5 },
      { text: 'بايدن', start: 5, end: 10 },
    ]);
    expect(texts('82.10', [2])).toEqual(['82', '.10']);
  });

  it('handles the sample article: the embedded tweet, glued text, Persian letters', () => {
    const text = readFileSync(join(__dirname, '../../seeds/000_b3be894ae1d50a96.txt'), 'utf8');
    const tokens = tokenize(text);
    const words = new Set(tokens.map((t) => t.text));
    for (const w of ['https://t.co/3NWgRxpBwK', '@dpa_intl', '2024', 'وجاء', 'کوریا', 'الشمالیة', 'facebook'])
      expect(words).toContain(w);
    for (const t of tokens) expect(t.text).not.toMatch(/\s/u);
    const sentences = splitSentences(text, tokens);
    expect(sentences.length).toBeGreaterThan(20);
  });

  it('covers the text: tokens in order, exact slices, only whitespace between', () => {
    fc.assert(
      fc.property(textArb(), (text) => {
        const tokens = tokenize(text);
        let prevEnd = 0;
        for (const t of tokens) {
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.start).toBeGreaterThanOrEqual(prevEnd);
          expect(t.text).toBe(cpSlice(text, t.start, t.end));
          expect(cpSlice(text, prevEnd, t.start)).toMatch(/^[\s\p{Cf}]*$/u);
          prevEnd = t.end;
        }
        expect(cpSlice(text, prevEnd, cpLength(text))).toMatch(/^[\s\p{Cf}]*$/u);
      }),
      RUNS,
    );
  });

  it('never cuts a grapheme (emoji, flags, marks with their base)', () => {
    const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
    fc.assert(
      fc.property(textArb(), (text) => {
        const graphemeEdges = new Set<number>([0]);
        let cp = 0;
        for (const g of segmenter.segment(text)) {
          cp += cpLength(g.segment);
          graphemeEdges.add(cp);
        }
        const chars = Array.from(text);
        for (const t of tokenize(text)) {
          // A mark right after whitespace has no base to stay with: it may start a token.
          const afterSpace = t.start > 0 && /[\s\p{Cf}]/u.test(chars[t.start - 1]);
          if (!afterSpace) expect(graphemeEdges.has(t.start)).toBe(true);
          expect(graphemeEdges.has(t.end)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('splits at every boundary and nowhere else', () => {
    fc.assert(
      fc.property(
        textArb().chain((text) =>
          fc.array(fc.nat({ max: cpLength(text) }), { maxLength: 6 }).map((boundaries) => ({ text, boundaries })),
        ),
        ({ text, boundaries }) => {
          const whole = tokenize(text);
          const split = tokenize(text, boundaries);
          for (const t of split) {
            for (const b of boundaries) expect(t.start < b && b < t.end).toBe(false);
            expect(t.text).toBe(cpSlice(text, t.start, t.end));
          }
          // Same characters covered; every cut is a token edge or a boundary.
          expect(split.map((t) => t.text).join('')).toBe(whole.map((t) => t.text).join(''));
          const edges = new Set(whole.flatMap((t) => [t.start, t.end]).concat(boundaries));
          for (const t of split) expect(edges.has(t.start) && edges.has(t.end)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('splitSentences', () => {
  const sentences = (text: string) => splitSentences(text, tokenize(text)).map((s) => s.map((t) => t.text).join(' '));

  it('splits on . ! ? ؟ and line breaks, keeping closing quotes', () => {
    expect(sentences('قال بايدن «نعم.» ثم غادر! هل؟ نعم\nسطر جديد\r\nوآخر')).toEqual([
      'قال بايدن « نعم . »',
      'ثم غادر !',
      'هل ؟',
      'نعم',
      'سطر جديد',
      'وآخر',
    ]);
  });

  it('does not split numbers or initials', () => {
    expect(sentences('Oil hit 82.10 dollars. U.S. officials agreed. J. Biden said')).toEqual([
      'Oil hit 82.10 dollars .',
      'U . S . officials agreed .',
      'J . Biden said',
    ]);
  });

  it('keeps every token exactly once, in order', () => {
    fc.assert(
      fc.property(textArb(), (text) => {
        const tokens = tokenize(text);
        const groups = splitSentences(text, tokens);
        for (const g of groups) expect(g.length).toBeGreaterThan(0);
        expect(groups.flat()).toEqual(tokens);
      }),
      RUNS,
    );
  });
});
