// Issue 17: quotation marks other sites use, and a speaker that runs into its quote (quotes39). Made-up sentences.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { findQuotes } from '../../shared/quote-finder';
import { cpSlice } from './text-arbitraries';

vi.setConfig({ testTimeout: 120_000 });
const RUNS = { numRuns: Math.max(1000, Number(process.env.TAHRIR_PROPERTY_RUNS ?? 0)) };

const texts = (source: string) =>
  findQuotes(source).map((q) => ({
    text: cpSlice(source, q.start, q.end),
    kind: q.kind,
    speaker: q.speaker && cpSlice(source, q.speaker.start, q.speaker.end),
  }));
const direct = (source: string) => texts(source).filter((q) => q.kind === 'direct');

describe('findQuotes: marks other sites use', () => {
  it('ASCII doubled angle marks, << … >> (and >> … << the Arabic way round), are « »', () => {
    expect(direct('وقال الوزير: << لن نتراجع عن هذه الخطة أبدا >>.')).toEqual([
      { text: 'لن نتراجع عن هذه الخطة أبدا', kind: 'direct', speaker: 'الوزير' },
    ]);
    expect(direct('وقال الوزير: >> لن نتراجع عن هذه الخطة أبدا <<.').map((q) => q.text)).toEqual([
      'لن نتراجع عن هذه الخطة أبدا',
    ]);
  });

  it('doubled curly single marks, ‘‘ … ’’, are one double mark; ’’ also closes a “', () => {
    expect(direct('وقال المتحدث: ‘‘لن نسمح بذلك مطلقا’’')).toEqual([
      { text: 'لن نسمح بذلك مطلقا', kind: 'direct', speaker: 'المتحدث' },
    ]);
    expect(direct('“We will keep the shops open for everyone,’’ said Jane Doe.')).toEqual([
      { text: 'We will keep the shops open for everyone,', kind: 'direct', speaker: 'Jane Doe' },
    ]);
  });

  it("doubled ASCII apostrophes, ''…'', leave no stray ' in the quote", () => {
    expect(direct("وأضاف الرئيس: ''سنواصل العمل حتى النهاية''.").map((q) => q.text)).toEqual([
      'سنواصل العمل حتى النهاية',
    ]);
  });

  it('doubled guillemets, ‹‹ … ›› and «« … »», leave no inner mark in the quote', () => {
    expect(direct('وقال: ‹‹ لن نسمح بذلك مطلقا ››').map((q) => q.text)).toEqual(['لن نسمح بذلك مطلقا']);
    expect(direct('وقال الوزير: ««لن نتراجع عن هذه الخطة أبدا»».').map((q) => q.text)).toEqual([
      'لن نتراجع عن هذه الخطة أبدا',
    ]);
  });

  it('a « closed by a straight mark, and a straight one closed by », pair', () => {
    expect(direct('وقال الوزير: «لن نتراجع عن هذه الخطة أبدا".').map((q) => q.text)).toEqual([
      'لن نتراجع عن هذه الخطة أبدا',
    ]);
    expect(direct('وقال الوزير: "لن نتراجع عن هذه الخطة أبدا».').map((q) => q.text)).toEqual([
      'لن نتراجع عن هذه الخطة أبدا',
    ]);
    // (A straight mark that can only open does not close the « before it: «قال "…" …» nests.)
    expect(direct('وقال الوزير: «لن نقبل بما سماه "الخطة البديلة" أبدا».').map((q) => q.text)).toEqual([
      'لن نقبل بما سماه "الخطة البديلة" أبدا',
    ]);
  });

  it('full-width marks, ＂…＂, are straight ones', () => {
    expect(direct('The minister said, ＂We will never give up on this plan.＂').map((q) => q.text)).toEqual([
      'We will never give up on this plan.',
    ]);
    expect(direct('وقال الوزير: ＂لن نتراجع عن هذه الخطة أبدا＂.').map((q) => q.text)).toEqual([
      'لن نتراجع عن هذه الخطة أبدا',
    ]);
  });
});

describe('findQuotes: a speaker never runs into a quote', () => {
  it('a verb of saying, its subject, then the quote with no colon: the subject stops at the mark', () => {
    expect(texts('وأكد الوزير «لن نسمح بذلك مطلقا»، مشيرا إلى أن الحكومة ستتحرك.')).toEqual([
      { text: 'لن نسمح بذلك مطلقا', kind: 'direct', speaker: 'الوزير' },
      { text: 'الحكومة ستتحرك', kind: 'indirect', speaker: 'الوزير' },
    ]);
    // (A name in marks after the noun is still part of the subject: مؤسسة "الحدود الإلكترونية".)
    expect(direct('وقالت مؤسسة "الحدود الإلكترونية" إن: «القانون الجديد يهدد حرية التعبير».')).toEqual([
      { text: 'القانون الجديد يهدد حرية التعبير', kind: 'direct', speaker: 'مؤسسة "الحدود الإلكترونية"' },
    ]);
  });

  it('property: no speaker span overlaps a direct quote found, over random mixes of marks, verbs, subjects and words', () => {
    const pieces = [
      ...['«', '»', '“', '”', '"', '‘', '’', "'", '<<', '>>', '‹‹', '››', "''", '„'],
      ...[' ', ' ', ' ', ':', '،', ',', '.', '\n'],
      ...['وقال', 'وأكد', 'وأضاف', 'مشيرا إلى أن', 'وقال إن', 'said', 'he said', 'according to'],
      ...['الوزير', 'المتحدث باسم الحكومة', 'الرئيس محمد علي', 'مؤسسة', 'the minister', 'Jane Doe'],
      ...['لن نسمح بذلك مطلقا', 'الحكومة ستتحرك', 'سنواصل العمل', 'We will not back down', 'now'],
    ];
    // A verb of saying, a subject, then a quotation in any marks and what follows it, among the pieces.
    const said = fc
      .tuple(
        fc.constantFrom('وأكد', 'وقال', 'وأضاف', 'said'),
        fc.constantFrom('الوزير', 'المتحدث باسم الحكومة', 'مؤسسة', 'Jane Doe', 'the minister'),
        fc.constantFrom('«', '“', '"', '<<', '‹‹', "''", '‘‘', ' « '),
        fc.constantFrom('لن نسمح بذلك مطلقا', 'We will not back down', 'سنواصل العمل حتى النهاية'),
        fc.constantFrom('»', '”', '"', '>>', '››', "''", '’’', ' » '),
        fc.constantFrom('، مشيرا إلى أن الحكومة ستتحرك.', '.', ', he said.', ' وقال إن الحكومة ستتحرك'),
      )
      .map(([verb, subject, open, words, close, after]) => `${verb} ${subject} ${open}${words}${close}${after}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), said), { maxLength: 16 }), (parts) => {
        const source = parts.join(' ').replace(/ {2,}/gu, ' ');
        const quotes = findQuotes(source);
        for (const q of quotes) {
          if (!q.speaker) continue;
          const { start, end } = q.speaker;
          const into = quotes.find((o) => o.kind === 'direct' && o.start < end && start < o.end);
          expect(into && { source, speaker: cpSlice(source, start, end) }).toBeUndefined();
        }
      }),
      RUNS,
    );
  });
});
