// Each paragraph's direction by most of its strong characters (issue 19), with property tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  latinRuns,
  leftToRightRuns,
  paragraphDirection,
  runNeedsIsolate,
  strongDirection,
} from '../../shared/text-direction';

const RUNS = { numRuns: Math.max(1000, Number(process.env.TAHRIR_PROPERTY_RUNS ?? 0)) };

const ARABIC_LETTERS = Array.from('ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى');
const LATIN_LETTERS = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéç');
/** Not strong: digits (European and Arabic-Indic), punctuation, spaces, Arabic marks, symbols (tatweel is strong: a letter, AL). */
const NEUTRALS = Array.from('0123456789٠١٢٣٤٥٦٧٨٩ .,:;!?()[]-—–@#/"«»،؛؟\u064B\u064E\u0651%$€\n\t');

const arabic = fc.constantFrom(...ARABIC_LETTERS);
const latin = fc.constantFrom(...LATIN_LETTERS);
const neutral = fc.constantFrom(...NEUTRALS);

/** A text of `r` Arabic and `l` Latin letters in any order, with neutrals anywhere. */
const mixed = fc
  .tuple(fc.array(arabic, { maxLength: 40 }), fc.array(latin, { maxLength: 40 }), fc.array(neutral, { maxLength: 40 }))
  .chain(([a, l, n]) =>
    fc
      .shuffledSubarray([...a, ...l, ...n], { minLength: a.length + l.length + n.length })
      .map((chars) => ({ text: chars.join(''), rtl: a.length, ltr: l.length })),
  );

describe('paragraphDirection', () => {
  it('lays the tweet attribution glued to Arabic out right to left (first strong character is Latin)', () => {
    expect(
      paragraphDirection(
        '— dpa news agency (@dpa_intl) November 6, 2024وجاء في البيان أن الوزراء اتفقوا على مواصلة المحادثات.',
      ),
    ).toBe('rtl');
    expect(paragraphDirection('Foreign ministers met in Tokyo, قال بايدن.')).toBe('ltr');
    expect(paragraphDirection('تاريخ النشر: 11th, April 2024 GMT')).toBe('rtl');
  });

  it('takes the direction most strong characters have; on a tie the first one’s; none without strong characters', () => {
    fc.assert(
      fc.property(mixed, ({ text, rtl, ltr }) => {
        const first =
          Array.from(text)
            .map(strongDirection)
            .find((d) => d !== null) ?? null;
        const want = rtl > ltr ? 'rtl' : ltr > rtl ? 'ltr' : first;
        expect(paragraphDirection(text)).toBe(want);
      }),
      RUNS,
    );
  });

  it('counts by code point as strongDirection does, astral letters and lone surrogates included', () => {
    const reference = (text: string) => {
      const dirs = Array.from(text, strongDirection).filter((d) => d !== null);
      const rtl = dirs.filter((d) => d === 'rtl').length;
      return rtl * 2 > dirs.length ? 'rtl' : rtl * 2 < dirs.length ? 'ltr' : (dirs[0] ?? null);
    };
    const pieces = fc.oneof(
      arabic,
      latin,
      neutral,
      fc.constantFrom('𐐀', '𞤀', '𝐀', '😀', '\u{10900}', '\uD800', '\uDC00', 'ـ', 'ۀ', 'Ω', 'א', '\u0640x'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(paragraphDirection(text)).toBe(reference(text));
      }),
      RUNS,
    );
  });

  it('is not moved by digits, punctuation, spaces or marks put anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(arabic, latin), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), neutral), { maxLength: 30 }),
        (letters, inserts) => {
          const chars = [...letters];
          for (const [at, ch] of inserts) chars.splice(at % (chars.length + 1), 0, ch);
          expect(paragraphDirection(chars.join(''))).toBe(paragraphDirection(letters.join('')));
        },
      ),
      RUNS,
    );
  });

  it('turns round when every Arabic letter is swapped for a Latin one and back', () => {
    const swap = (ch: string): string => {
      const a = ARABIC_LETTERS.indexOf(ch);
      if (a >= 0) return LATIN_LETTERS[a % LATIN_LETTERS.length];
      const l = LATIN_LETTERS.indexOf(ch);
      return l >= 0 ? ARABIC_LETTERS[l % ARABIC_LETTERS.length] : ch;
    };
    fc.assert(
      fc.property(mixed, ({ text }) => {
        const d = paragraphDirection(text);
        const turned = paragraphDirection(Array.from(text).map(swap).join(''));
        expect(turned).toBe(d === null ? null : d === 'rtl' ? 'ltr' : 'rtl');
      }),
      RUNS,
    );
  });
});

describe('latinRuns', () => {
  it('isolates the attribution with its punctuation and numbers, leaving the spaces around it to the Arabic', () => {
    expect(latinRuns('— dpa news agency (@dpa_intl) November 6, 2024وجاء في البيان')).toEqual([
      { text: '— ', isolate: false },
      { text: 'dpa news agency (@dpa_intl) November 6, 2024', isolate: true },
      { text: 'وجاء في البيان', isolate: false },
    ]);
    // Laid out right without an isolate (a figure after a Latin letter turns left to right, a neutral between two goes with them): no element.
    expect(latinRuns('تاريخ النشر: 11th, April 2024 GMT')).toEqual([
      { text: 'تاريخ النشر: 11th, April 2024 GMT', isolate: false },
    ]);
    expect(latinRuns('قال Olaf Scholz، وأضاف CNN: 25 قتيلا')).toEqual([
      { text: 'قال Olaf Scholz، وأضاف CNN: 25 قتيلا', isolate: false },
    ]);
    expect(latinRuns('ذكرت Reuters (2024) أن')).toEqual([
      { text: 'ذكرت ', isolate: false },
      { text: 'Reuters (2024', isolate: true },
      { text: ') أن', isolate: false },
    ]);
    expect(latinRuns('قال بايدن.')).toEqual([{ text: 'قال بايدن.', isolate: false }]);
    expect(latinRuns('')).toEqual([{ text: '', isolate: false }]);
  });

  it('isolates a run only when it holds a bracket, an Arabic-Indic digit, a tab or a character not checked, or has a figure or sign beside it', () => {
    const needs = (before: string, run: string, after: string): boolean =>
      runNeedsIsolate(Array.from(before + run + after), Array.from(before).length, Array.from(before + run).length);
    for (const run of ['Olaf Scholz', 'April 2024', '11th, April 2024 GMT', "O'Brien-Smith: 5% @dpa #1", '𝐀𝐁𝐂 café'])
      expect(needs('قال ', run, '، وأضاف'), run).toBe(false);
    expect(needs('', 'CNN', '')).toBe(false);
    expect(needs('وجاء', 'CNN', 'في')).toBe(false);
    for (const run of ['Reuters (2024)', 'a [b', 'CNN ٢٠٢٤ BBC', 'a\tb', 'a 😀 b', 'a <b> c'])
      expect(needs('قال ', run, ' في'), run).toBe(true);
    expect(needs('٢٠٢٤', 'GMT', ' في')).toBe(true);
    expect(needs('25%', 'café', ' في')).toBe(true);
    expect(needs('قال ', 'April 2024', '% في')).toBe(true);
    expect(needs('قال (', 'GMT', ') في')).toBe(true);
  });

  it('joins back to the text; isolated pieces are whole left-to-right runs that need it; every other run stays in the plain pieces', () => {
    fc.assert(
      fc.property(mixed, ({ text }) => {
        const pieces = latinRuns(text);
        expect(pieces.map((p) => p.text).join('')).toBe(text);
        const chars = Array.from(text);
        const runs = leftToRightRuns(chars).filter((r) => runNeedsIsolate(chars, r.start, r.end));
        expect(pieces.filter((p) => p.isolate).map((p) => p.text)).toEqual(
          runs.map((r) => chars.slice(r.start, r.end).join('')),
        );
        for (const p of pieces) {
          const dirs = Array.from(p.text).map(strongDirection);
          if (p.isolate) {
            expect(dirs.find((d) => d !== null)).toBe('ltr');
            expect(/^[0-9]*$/.test(p.text.slice(0, p.text.search(/[^0-9]/)))).toBe(true);
            expect(dirs).not.toContain('rtl');
          }
        }
        // Two plain pieces never sit side by side: a run left in place joins the text around it (one text node).
        for (let i = 1; i < pieces.length; i++) expect(pieces[i].isolate || pieces[i - 1].isolate).toBe(true);
      }),
      RUNS,
    );
  });

  it('finds runs from a left-to-right letter (or figures glued to one) to the last such letter or digit before a right-to-left one', () => {
    fc.assert(
      fc.property(mixed, ({ text }) => {
        const chars = Array.from(text);
        let from = 0;
        for (const { start, end } of leftToRightRuns(chars)) {
          const inside = chars.slice(start, end);
          expect(inside.map(strongDirection)).not.toContain('rtl');
          expect(chars.slice(from, start).map(strongDirection)).not.toContain('ltr');
          expect(/[0-9]|\p{L}/u.test(inside[inside.length - 1])).toBe(true);
          from = end;
        }
        expect(chars.slice(from).map(strongDirection)).not.toContain('ltr');
      }),
      RUNS,
    );
  });

  it('answers every code point as the Unicode-property regexes do (its fast paths for ASCII and Arabic letters)', () => {
    const letter = /[\p{L}]/u;
    const rtl =
      /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCodePoint(code);
      const expected = !letter.test(ch) ? null : rtl.test(ch) ? 'rtl' : 'ltr';
      if (strongDirection(ch) !== expected)
        expect([code.toString(16), strongDirection(ch)]).toEqual([code.toString(16), expected]);
    }
  });
});
