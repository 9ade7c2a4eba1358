import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { gluedWords } from '../../../shared/boilerplate/glued-words';
import { suggestEdits } from '../../../shared/boilerplate/index';
import { run } from './rule-harness';

function split(text: string): string {
  // Apply the insertions (code points) to show the result.
  const chars = [...text];
  for (const e of run(gluedWords, text).reverse()) chars.splice(e.start, 0, e.replacement);
  return chars.join('');
}

describe('glued-words', () => {
  test.each([
    ['November 6, 2024وجاء في البيان', 'November 6, 2024 وجاء في البيان'],
    ['غوغلGoogle فيسبوك', 'غوغل Google فيسبوك'],
    ['في عام2021 بدأ', 'في عام 2021 بدأ'],
    ['he said.The minister left', 'he said. The minister left'],
    ['Dominic Cummings.In a statement', 'Dominic Cummings. In a statement'],
    ['😀 في عام2021', '😀 في عام 2021'],
  ])('%s → %s', (text, expected) => {
    expect(split(text)).toBe(expected);
    for (const e of run(gluedWords, text))
      expect([e.kind, e.start === e.end, e.replacement]).toEqual(['split', true, ' ']);
  });

  test.each([
    'عام 2024م شهد تحولات',
    'دفع ب5 ملايين و3 آلاف',
    'الـBBC قالت',
    'see https://t.co/AbCdEf and @dpa_intl #غزة2024',
    'U.S. officials and iPhone users on YouTube',
    'McDonald and JavaScript, LinkedIn',
    'مسافة 5كم',
    // Inside a run of Arabic letters nothing is certain: clitics make these one word.
    'من ضيفه كيشيداوبحسب وكالة',
    'رفع العقوبات والمشروبات للعقوبات',
    'في المدرسةوالبيت',
  ])('leaves %s', (text) => {
    expect(run(gluedWords, text)).toEqual([]);
  });
});

// Arabic words as clitics build them: conjunction, preposition, article, stem, pronoun suffix.
// The stems include ones that end in what a sentence opener starts with ("…وبات", "…قال") and
// ones ending in ة or ى, which take ت or ا/ي before a suffix, as Arabic spells them.
const STEMS = [
  'مشروبات',
  'عقوبات',
  'صعوبات',
  'مدرسة',
  'حكومة',
  'مستشفى',
  'بات',
  'قال',
  'جاء',
  'كان',
  'فيما',
  'بحسب',
  'وزارة',
  'وفد',
  'كتاب',
  'اقتصاد',
  'مفاوضات',
  'تقرير',
  'أعلن',
  'بعض',
  'ذكرى',
  'مبنى',
  'وقت',
  'فريق',
  'مواطن',
];
const PROCLITICS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ل', 'ك', 'س'];
const SUFFIXES = ['', 'ه', 'ها', 'هم', 'هما', 'كم', 'نا', 'ي'];

const arabicWord = fc
  .record({
    c: fc.constantFrom(...PROCLITICS),
    p: fc.constantFrom(...PREPOSITIONS),
    al: fc.boolean(),
    stem: fc.constantFrom(...STEMS),
    s: fc.constantFrom(...SUFFIXES),
  })
  .map(({ c, p, al, stem, s }) => {
    let word = stem;
    if (s) word = word.replace(/ة$/u, 'ت').replace(/ى$/u, 'ا');
    // ل + ال is written لل.
    const article = al && !s ? (p === 'ل' ? 'ل' : 'ال') : '';
    return `${c}${p}${article}${word}${article ? '' : s}`;
  });
const arabicText = fc
  .array(fc.oneof(arabicWord, arabicWord, arabicWord, fc.constantFrom('2024', 'CNN', '،', '.', '\n')), {
    minLength: 1,
    maxLength: 30,
  })
  .map((ws) => ws.join(' '));

/** Whether the insertion point sits between two Arabic letters (or a letter and a mark). */
function insideLetterRun(text: string, at: number): boolean {
  const chars = [...text];
  const letter = /[\u0621-\u064A\u0671-\u06D3\u064B-\u0652\u0640]/u;
  return at > 0 && at < chars.length && letter.test(chars[at - 1]) && letter.test(chars[at]);
}

describe('splits only with evidence', () => {
  test('no split inside a run of Arabic letters, whatever clitics the words carry', () => {
    fc.assert(
      fc.property(arabicText, (text) => {
        const splits = suggestEdits(text).filter((e) => e.kind === 'split');
        for (const e of splits) expect(insideLetterRun(text, e.start), `${text} @${e.start}`).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  test.each(['والمشروبات', 'للعقوبات', 'العقوبات', 'والمدرسة', 'فالحكومة', 'لبعضهما', 'بالمستشفى', 'وبكتابه'])(
    '%s is one word',
    (word) => {
      expect(run(gluedWords, `قال إن ${word} مهمة.`)).toEqual([]);
    },
  );
});

// "the read-more headlines glued into sentences" (made-up headlines, in the corpus's usatoday style).
describe("a label's colon glued to its headline", () => {
  test.each([
    ['More:Talks stall as the deadline nears', 'More: Talks stall as the deadline nears'],
    ['Ferry sales up 11%:Operator adds routes', 'Ferry sales up 11%: Operator adds routes'],
    ["'A new normal':Cities rethink their parks", "'A new normal': Cities rethink their parks"],
    ['Is it safe to fly?:Airlines explain', 'Is it safe to fly?: Airlines explain'],
    ['Your guide to COVID-19:What to know', 'Your guide to COVID-19: What to know'],
  ])('%s', (glued, fixed) => {
    expect(split(glued)).toBe(fixed);
  });

  test.each(['The meeting starts at 10:30 in Room 4.', 'See https://example.com/Story', 'Note: The office is closed.'])(
    'keeps %s',
    (text) => {
      expect(split(text)).toBe(text);
    },
  );

  test('offered once the editor rejects the removal of the teaser line', () => {
    const source = 'The talks resumed.\n\nMore:Talks stall as the deadline nears\n\nThe minister spoke.';
    const rejected = [];
    let edits = suggestEdits(source);
    while (edits.some((e) => e.kind === 'boilerplate')) {
      rejected.push(
        ...edits
          .filter((e) => e.kind === 'boilerplate')
          .map((e) => ({ rule: e.rule, start: e.start, end: e.end, text: e.text })),
      );
      edits = suggestEdits(source, { rejected });
    }
    expect(edits.filter((e) => e.kind === 'split').map((e) => e.start)).toEqual([source.indexOf('Talks stall')]);
  });
});
