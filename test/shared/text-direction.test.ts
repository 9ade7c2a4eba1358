// Each paragraph's direction by most of its strong characters (issue 19), with property tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latinRuns, paragraphDirection, strongDirection } from '../../shared/text-direction';

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
    expect(latinRuns('تاريخ النشر: 11th, April 2024 GMT')).toEqual([
      { text: 'تاريخ النشر: ', isolate: false },
      { text: '11th, April 2024 GMT', isolate: true },
    ]);
    expect(latinRuns('قال بايدن.')).toEqual([{ text: 'قال بايدن.', isolate: false }]);
    expect(latinRuns('')).toEqual([{ text: '', isolate: false }]);
  });

  it('joins back to the text; isolated pieces start with a left-to-right letter (or figures glued to one) and hold no right-to-left one; the others hold no left-to-right letter', () => {
    fc.assert(
      fc.property(mixed, ({ text }) => {
        const pieces = latinRuns(text);
        expect(pieces.map((p) => p.text).join('')).toBe(text);
        for (const p of pieces) {
          const dirs = Array.from(p.text).map(strongDirection);
          if (p.isolate) {
            expect(dirs.find((d) => d !== null)).toBe('ltr');
            expect(/^[0-9]*$/.test(p.text.slice(0, p.text.search(/[^0-9]/)))).toBe(true);
            expect(dirs).not.toContain('rtl');
          } else expect(dirs).not.toContain('ltr');
        }
      }),
      RUNS,
    );
  });
});
