import { describe, expect, test } from 'vitest';
import { findGluePoint, readMore } from '../../../shared/boilerplate/read-more';
import { removed, run } from './rule-harness';

describe('read-more', () => {
  test('finds the glue point of a headline glued to the next sentence (the sample)', () => {
    const text =
      'مقدمة.\nإقرأ المزيد بايدن يتلقى هدايا "سوبر ماريو" وألعاب "نينتندو" اليابانية من ضيفه كيشيداوبحسب وكالة "اسوشيتد برس" بحث رئيس الوزراء.\n';
    const edits = run(readMore, text);
    expect(edits.filter((e) => e.kind === 'boilerplate').map((e) => e.text)).toEqual([
      'إقرأ المزيد بايدن يتلقى هدايا "سوبر ماريو" وألعاب "نينتندو" اليابانية من ضيفه كيشيدا',
    ]);
    // The headline is known, so where it ends inside the letters "كيشيداوبحسب" is a certain split.
    expect(edits.filter((e) => e.kind === 'split').map((e) => [e.start, e.replacement])).toEqual([[edits[0].end, ' ']]);
  });

  test.each([
    [
      'اقرأ أيضا: ترامب يهاجم منافسيه في ولاية أيوا وقال المتحدث باسم الحملة إن الجولة ستستمر أسبوعا.',
      'اقرأ أيضا: ترامب يهاجم منافسيه في ولاية أيوا ',
    ],
    [
      'شاهد أيضاً.. فيضانات تجتاح ليبيا2024وأعلنت السلطات حالة الطوارئ في المدينة.',
      'شاهد أيضاً.. فيضانات تجتاح ليبيا2024',
    ],
    [
      'Read more: Biden meets Kishida at the White HouseThe two leaders discussed trade and security.',
      'Read more: Biden meets Kishida at the White House',
    ],
    [
      'READ MORE: Floods hit Libya as storm Daniel makes landfall.The government declared an emergency.',
      'READ MORE: Floods hit Libya as storm Daniel makes landfall.',
    ],
  ])('cuts %s at the glue point', (line, headline) => {
    const edits = run(readMore, `${line}\n`);
    expect(edits.filter((e) => e.kind === 'boilerplate').map((e) => e.text)).toEqual([headline]);
    // Glued without a space, the glue point is offered as a split too (kept only if the removal is rejected).
    const glued = !/\s$/u.test(headline);
    expect(edits.filter((e) => e.kind === 'split').map((e) => e.start)).toEqual(glued ? [[...headline].length] : []);
  });

  test('a headline alone on its line goes with its line break', () => {
    expect(removed(readMore, 'نص.\nاقرأ أيضاً: الحكومة تعلن موازنة جديدة\nنص آخر.')).toEqual([
      'اقرأ أيضاً: الحكومة تعلن موازنة جديدة\n',
    ]);
    expect(removed(readMore, 'Text.\nRead more: Inflation falls to 2.3% in April\nMore text.')).toEqual([
      'Read more: Inflation falls to 2.3% in April\n',
    ]);
    expect(removed(readMore, 'Text.\nRelated: How the Fed decides on rates\n')).toEqual([
      'Related: How the Fed decides on rates\n',
    ]);
  });

  test('a trigger after a sentence end, mid-paragraph, takes the space before it and keeps the sentence', () => {
    const text = 'وصل الوفد إلى القاهرة. اقرأ أيضا: مصر تستضيف جولة جديدة من المفاوضات\n';
    expect(removed(readMore, text)).toEqual([' اقرأ أيضا: مصر تستضيف جولة جديدة من المفاوضات']);
  });

  test.each([
    'وقال إن على القراء أن يقرأوا المزيد عن تاريخ المنطقة قبل الحكم.',
    'Read more about the plan in the full report, the minister told MPs on Tuesday.',
    'Readers who want to read more can find the report online.',
    'أشار التقرير إلى أن الطلاب الذين يقرأون أيضا الصحف يتفوقون.',
    'Related costs rose by 4% over the year, the company said.',
    'إقرأ أيضاً:',
    'اقرأ أيضا ما قاله الخبراء في الحلقة النقاشية التي نظمتها الجامعة الأسبوع الماضي، فقد اتفق معظمهم على أن التطبيق سيكون صعبا.',
  ])('keeps prose that mentions reading: %s', (line) => {
    expect(run(readMore, `مقدمة\n${line}\n`)).toEqual([]);
  });

  test('glue points', () => {
    expect(findGluePoint('headline without glue')).toBe(-1);
    expect(findGluePoint('عنوان قصير من ضيفه كيشيداوبحسب وكالة')).toBe('عنوان قصير من ضيفه كيشيدا'.length);
  });
});

test('"Go deeper:" and "WATCH:" teasers', () => {
  expect(removed(readMore, 'Text.\nGo deeper: Cities try free buses for students\nMore text.')).toEqual([
    'Go deeper: Cities try free buses for students\n',
  ]);
  expect(removed(readMore, 'Text.\nWATCH: How the storm formed over the gulf\nMore text.')).toEqual([
    'WATCH: How the storm formed over the gulf\n',
  ]);
  expect(removed(readMore, 'Text.\nWatch what happens when the tide comes in, he said.\n')).toEqual([]);
});

// A label in capitals before another story's headline (sites we do not have; made-up headlines).
test.each(['RELATED: Talks stall as the deadline nears', 'MORE: Talks stall as the deadline nears'])(
  'read-more: removes %s',
  (line) => {
    expect(removed(readMore, `The talks resumed.\n${line}\nThe minister spoke.`)).toEqual([`${line}\n`]);
  },
);

test('read-more: a word in capitals that opens a sentence stays', () => {
  expect(removed(readMore, 'MORE than 100 people were hurt, officials said on Monday.\n')).toEqual([]);
});
