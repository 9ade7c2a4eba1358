import { describe, expect, test } from 'vitest';
import { isRelatedHeading, relatedBlock } from '../../../shared/boilerplate/related-block';
import { removed } from './rule-harness';

describe('related', () => {
  test('in the footer (after source or keyword lines) the block runs to the end', () => {
    const text =
      'نص المقال.\nالمصدر: وكالات\nإقرأ أيضاً:\nعنوان مقال آخر\nفقرة كاملة من المقال الآخر تنتهي بنقطة.\nفقرة ثانية.';
    expect(removed(relatedBlock, text)).toEqual([
      'إقرأ أيضاً:\nعنوان مقال آخر\nفقرة كاملة من المقال الآخر تنتهي بنقطة.\nفقرة ثانية.',
    ]);
  });

  test('mid-article, only the listed headlines go', () => {
    const text = [
      'The talks resumed on Monday.',
      'Related',
      'Inflation falls to 2.3% in April',
      '- Why the Fed is in no hurry to cut rates',
      '',
      'Officials said the meeting lasted four hours and ended without a statement.',
    ].join('\n');
    expect(removed(relatedBlock, text)).toEqual([
      'Related\nInflation falls to 2.3% in April\n- Why the Fed is in no hurry to cut rates\n',
    ]);
  });

  test.each([
    'إقرأ أيضاً:',
    'اقرأ ايضا',
    'مواضيع ذات صلة',
    'الأكثر قراءة',
    'أخبار متعلقة:',
    'Related articles',
    'More on this story',
    'You may also like',
    'Most read',
    'See also:',
  ])('heading %s', (line) => expect(isRelatedHeading(line)).toBe(true));

  test.each([
    'اقرأ أيضا التقرير الكامل على موقع الوزارة.',
    'Related costs rose sharply.',
    'More than 100 people attended.',
    'الأكثر قراءة بين الطلاب كانت الروايات.',
  ])('not a heading: %s', (line) => expect(isRelatedHeading(line)).toBe(false));
});

test('a listed headline ending in an abbreviation ("D.C.") stays in the list', () => {
  const text =
    'Story.\n\nMore coverage\n\nFloods hit the capital region\n\nWhat it means for Maryland and D.C.\n\nSchools across the county reopen after the storm\n\nThe story goes on here with a full sentence of text.\n';
  expect(removed(relatedBlock, text)).toEqual([
    'More coverage\n\nFloods hit the capital region\n\nWhat it means for Maryland and D.C.\n\nSchools across the county reopen after the storm\n',
  ]);
});

test('a read-also heading ending in dots, with its headline on the next line', () => {
  expect(
    removed(
      relatedBlock,
      'نص الخبر.\nاقرأ أيضا..\nالحكومة تعلن موعد الامتحانات النهائية\nويتابع النص هنا بجملة كاملة عن الموضوع نفسه.\n',
    ),
  ).toEqual(['اقرأ أيضا..\nالحكومة تعلن موعد الامتحانات النهائية\n']);
});

test('a read-also heading in guillemets takes its headline along', () => {
  expect(
    removed(
      relatedBlock,
      'نص الخبر.\n«اقرأ أيضاً»\nالحكومة تعلن موعد الامتحانات النهائية\nويتابع النص هنا بجملة كاملة.\n',
    ),
  ).toEqual(['«اقرأ أيضاً»\nالحكومة تعلن موعد الامتحانات النهائية\n']);
});

test('a "most read from" heading takes its headlines along', () => {
  expect(
    removed(
      relatedBlock,
      'Most Read from Bloomberg\nTalks Stall as Deadline Nears in Vienna\nMarkets Slide as Investors Brace for Higher Rates\nThe minister told reporters on Tuesday that talks would resume next week.\n',
    ),
  ).toEqual([
    'Most Read from Bloomberg\nTalks Stall as Deadline Nears in Vienna\nMarkets Slide as Investors Brace for Higher Rates\n',
  ]);
});
