// The quote scorer: 50% overlap matching, one prediction per gold quote, conlleval counts per
// language and kind, and the speaker check of found direct quotes.
import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../shared/code-points';
import { quotesMatch, scoreQuotes, speakerIsRight, type ScoredQuote } from '../../shared/quote-eval';

const q = (
  start: number,
  end: number,
  kind: 'direct' | 'indirect' = 'direct',
  speaker: [number, number] | null = null,
) => ({ start, end, kind, speaker: speaker && { start: speaker[0], end: speaker[1] } }) satisfies ScoredQuote;

describe('quotesMatch', () => {
  it('half of the longer span must be shared', () => {
    expect(quotesMatch({ start: 0, end: 10 }, { start: 0, end: 10 })).toBe(true);
    expect(quotesMatch({ start: 0, end: 10 }, { start: 5, end: 15 })).toBe(true);
    expect(quotesMatch({ start: 0, end: 10 }, { start: 6, end: 15 })).toBe(false);
    // A sentence-long guess does not match a short quote it holds.
    expect(quotesMatch({ start: 0, end: 4 }, { start: 0, end: 40 })).toBe(false);
    expect(quotesMatch({ start: 0, end: 4 }, { start: 4, end: 8 })).toBe(false);
  });
});

describe('scoreQuotes', () => {
  it('counts per language and kind; a gold quote matches one prediction; kinds do not cross', () => {
    const text = 'x'.repeat(200);
    const r = scoreQuotes([
      {
        lang: 'en',
        text,
        gold: [q(0, 10), q(20, 30), q(40, 60, 'indirect')],
        predicted: [q(0, 10), q(1, 10), q(40, 60, 'direct'), q(100, 110, 'indirect')],
      },
      { lang: 'ar', text, gold: [q(0, 10)], predicted: [] },
    ]);
    const row = (lang: string, kind: string) => r.rows.find((x) => x.lang === lang && x.kind === kind)!;
    expect(row('en', 'direct')).toMatchObject({ gold: 2, predicted: 3, correct: 1 });
    expect(row('en', 'direct').precision).toBeCloseTo(1 / 3);
    expect(row('en', 'direct').recall).toBeCloseTo(1 / 2);
    expect(row('en', 'direct').f1).toBeCloseTo(0.4);
    expect(row('en', 'indirect')).toMatchObject({ gold: 1, predicted: 1, correct: 0, f1: 0 });
    expect(row('ar', 'direct')).toMatchObject({ gold: 1, predicted: 0, correct: 0, precision: 0, recall: 0 });
  });

  it('speaker accuracy over the direct quotes found', () => {
    const text = 'Jones said: "a b c". Later "d e f," said Mary Lee. And "g h i," he said.';
    const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];
    const quote = (s: string, speaker: [number, number] | null) => q(...at(s), 'direct', speaker);
    const r = scoreQuotes([
      {
        lang: 'en',
        text,
        gold: [quote('a b c', at('Jones')), quote('d e f,', at('Mary Lee')), quote('g h i,', at('Mary Lee'))],
        // Right, wrong person, and none where the gold has one.
        predicted: [quote('a b c', at('Jones')), quote('d e f,', at('Jones')), quote('g h i,', null)],
      },
    ]);
    expect(r.speakers).toEqual([{ lang: 'en', matched: 3, right: 1, accuracy: 1 / 3 }]);
  });
});

describe('speakerIsRight', () => {
  const text = 'قال وزير الخارجية أحمد سعيد كلاما. وأضاف سعيد شيئا. Newsha Ghaeli said it, Ghaeli said.';
  const index = new CodePointIndex(text);
  const span = (s: string, from = 0) => {
    const at = Array.from(text.slice(0, text.indexOf(s, from))).length;
    return { start: at, end: at + Array.from(s).length };
  };
  it('the same span, an overlapping one, or the same name elsewhere (one name holds the other)', () => {
    expect(speakerIsRight(index, span('أحمد سعيد'), span('وزير الخارجية أحمد سعيد'))).toBe(true);
    expect(speakerIsRight(index, span('سعيد', 40), span('أحمد سعيد'))).toBe(true);
    expect(speakerIsRight(index, span('Ghaeli', 70), span('Newsha Ghaeli'))).toBe(true);
    expect(speakerIsRight(index, span('Newsha Ghaeli'), span('وزير الخارجية'))).toBe(false);
    expect(speakerIsRight(index, null, null)).toBe(true);
    expect(speakerIsRight(index, span('Ghaeli', 70), null)).toBe(false);
    expect(speakerIsRight(index, null, span('Ghaeli', 70))).toBe(false);
  });

  it('Arabic words compared without the article and the clitics before it (للخارجية، الخارجية)', () => {
    const ar = 'وقالت وزارة الخارجية الأمريكية كلاما. ووفقا للخارجية الأمريكية شيئا. وذكرت الأعمال بشركة اتصالات ذلك.';
    const at = new CodePointIndex(ar);
    const of = (s: string) => {
      const k = Array.from(ar.slice(0, ar.indexOf(s))).length;
      return { start: k, end: k + Array.from(s).length };
    };
    expect(speakerIsRight(at, of('للخارجية الأمريكية'), of('وزارة الخارجية الأمريكية'))).toBe(true);
    // (But not ب / ل before a noun with no article: بشركة اتصالات names another company than الشركة.)
    const other = 'وقالت الشركة كلاما. وذكرت الأعمال بشركة اتصالات ذلك.';
    const at2 = new CodePointIndex(other);
    const k = Array.from(other.slice(0, other.indexOf('الأعمال'))).length;
    expect(speakerIsRight(at2, { start: 6, end: 12 }, { start: k, end: k + 'الأعمال بشركة اتصالات'.length })).toBe(
      false,
    );
  });
});
