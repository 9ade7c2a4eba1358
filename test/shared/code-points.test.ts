import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CodePointIndex, codePointLength, sliceCodePoints } from '../../shared/code-points';
import { textArb } from './text-arbitraries';

// Property suites run 1,000+ cases each; leave room on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

// At least 1,000 generated cases per property; TAHRIR_PROPERTY_RUNS raises it when hunting bugs.
const RUNS = { numRuns: Math.max(1000, Number(process.env.TAHRIR_PROPERTY_RUNS ?? 0)) };

// Expected numbers computed with /usr/bin/python3: len(s) and s[1:4].
const PYTHON_CASES: { text: string; length: number; utf16: number; slice1to4: string }[] = [
  { text: 'a😀b', length: 3, utf16: 4, slice1to4: '😀b' },
  { text: 'عمّان', length: 5, utf16: 5, slice1to4: 'مّا' },
  { text: '🇸🇦🇺🇸', length: 4, utf16: 8, slice1to4: '🇦🇺🇸' },
  { text: '👨‍👩‍👧 family', length: 12, utf16: 15, slice1to4: '\u200d👩\u200d' },
  { text: 'e\u0301\r\n😀', length: 5, utf16: 6, slice1to4: '\u0301\r\n' },
  { text: '\ufeffabc', length: 4, utf16: 4, slice1to4: 'abc' },
  { text: 'قال «بايدن» 😀: ١٢٫٥%', length: 20, utf16: 21, slice1to4: 'ال ' },
];

describe('code points agree with Python', () => {
  it.each(PYTHON_CASES)('$text', ({ text, length, utf16, slice1to4 }) => {
    expect(text.length).toBe(utf16);
    expect(codePointLength(text)).toBe(length);
    expect(new CodePointIndex(text).length).toBe(length);
    expect(sliceCodePoints(text, 1, 4)).toBe(slice1to4);
    expect(new CodePointIndex(text).slice(1, 4)).toBe(slice1to4);
  });

  it('the sample article is 2992 code points, and its published line sits at [89, 123)', () => {
    const text = readFileSync(join(__dirname, '../../seeds/000_b3be894ae1d50a96.txt'), 'utf8');
    expect(codePointLength(text)).toBe(2992);
    expect(sliceCodePoints(text, 89, 123)).toBe('تاريخ النشر: 11th, April 2024 GMT\n');
    expect(new CodePointIndex(text).slice(303, 313)).toBe('إقرأ المزي');
  });
});

describe('CodePointIndex', () => {
  it('maps offsets around a surrogate pair', () => {
    const index = new CodePointIndex('a😀b');
    expect([0, 1, 2, 3].map((cp) => index.toUtf16(cp))).toEqual([0, 1, 3, 4]);
    // UTF-16 offset 2 is inside the pair: it belongs to the emoji at code point 1.
    expect([0, 1, 2, 3, 4].map((u) => index.toCodePoint(u))).toEqual([0, 1, 1, 2, 3]);
    expect(index.charAt(1)).toBe('😀');
  });

  it('makes no table for a text without surrogate pairs, and maps it as it is', () => {
    const from = vi.spyOn(Int32Array, 'from');
    const made = vi.spyOn(globalThis, 'Int32Array');
    try {
      const index = new CodePointIndex('قال بايدن\r\nJoe Biden said');
      expect(from).not.toHaveBeenCalled();
      expect(made).not.toHaveBeenCalled();
      expect(index.length).toBe(25);
      expect([0, 5, 25, 99, -1].map((cp) => index.toUtf16(cp))).toEqual([0, 5, 25, 25, 0]);
      expect([0, 5, 25, 99].map((u) => index.toCodePoint(u))).toEqual([0, 5, 25, 25]);
      expect(index.slice(4, 9)).toBe('بايدن');
      expect(index.charAt(11)).toBe('J');
    } finally {
      from.mockRestore();
      made.mockRestore();
    }
  });

  it('clamps out-of-range offsets', () => {
    const index = new CodePointIndex('😀😀');
    expect(index.toUtf16(-3)).toBe(0);
    expect(index.toUtf16(99)).toBe(4);
    expect(index.toCodePoint(99)).toBe(2);
  });

  it('counts a lone surrogate as one code point, like Array.from', () => {
    const text = 'a\ud83d b\ude00';
    expect(codePointLength(text)).toBe(Array.from(text).length);
    expect(new CodePointIndex(text).slice(1, 2)).toBe('\ud83d');
  });

  /** Every disagreement of the index with Array.from on `text` (plain comparisons: expect() per offset is slow). */
  function disagreements(text: string): string[] {
    const cps = Array.from(text);
    const index = new CodePointIndex(text);
    const out: string[] = [];
    if (index.length !== cps.length) out.push(`length ${index.length} != ${cps.length}`);
    if (codePointLength(text) !== cps.length) out.push(`codePointLength ${codePointLength(text)} != ${cps.length}`);
    let utf16 = 0;
    for (let cp = 0; cp <= cps.length; cp++) {
      if (index.toUtf16(cp) !== utf16) out.push(`toUtf16(${cp}) = ${index.toUtf16(cp)}, not ${utf16}`);
      if (index.toCodePoint(utf16) !== cp) out.push(`toCodePoint(${utf16}) = ${index.toCodePoint(utf16)}, not ${cp}`);
      if (cp < cps.length) {
        if (index.charAt(cp) !== cps[cp]) out.push(`charAt(${cp})`);
        // The low half of a pair maps back to the pair's start.
        if (cps[cp].length === 2 && index.toCodePoint(utf16 + 1) !== cp)
          out.push(`toCodePoint(${utf16 + 1}) inside a pair`);
        utf16 += cps[cp].length;
      }
    }
    return out;
  }

  it('agrees with Array.from on random texts', () => {
    fc.assert(
      fc.property(textArb(), (text) => {
        expect(disagreements(text)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('agrees with Array.from on long texts with lone surrogates (across lookup blocks)', () => {
    const pieces = fc.constantFrom('a', 'ب', ' ', '😀', '🇸🇦', '\ud83d', '\ude00', 'e\u0301', '\r\n');
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 60, maxLength: 300 }), (parts) => {
        expect(disagreements(parts.join(''))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('slices like Array.from(...).slice', () => {
    fc.assert(
      fc.property(textArb(), fc.nat({ max: 60 }), fc.nat({ max: 60 }), (text, x, y) => {
        const [start, end] = [Math.min(x, y), Math.max(x, y)];
        const expected = Array.from(text).slice(start, end).join('');
        expect(new CodePointIndex(text).slice(start, end)).toBe(expected);
        expect(sliceCodePoints(text, start, end)).toBe(expected);
        expect(sliceCodePoints(text, start)).toBe(Array.from(text).slice(start).join(''));
      }),
      RUNS,
    );
  });
});
