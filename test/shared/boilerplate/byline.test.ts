import { describe, expect, test } from 'vitest';
import { byline, isBylineLine } from '../../../shared/boilerplate/byline';
import { removed } from './rule-harness';

describe('byline', () => {
  test.each([
    'By Jane Doe',
    'By Jane Doe and John Smith, Reuters',
    'By JOHN SMITH',
    'Reporting by Maha El Dahan; Editing by Alex Richardson',
    'كتب: محمد أحمد',
    'بقلم سامي كليب',
    'أبوظبي - سكاي نيوز عربية',
    'Diplomatic correspondent',
    'BBC News, Washington',
  ])('byline %s', (line) => expect(isBylineLine(line)).toBe(true));

  test.each([
    'By Tuesday, the talks had collapsed.',
    'By the end of the year, prices had doubled.',
    'By contrast, exports rose sharply in March.',
    'كتب الرئيس رسالة إلى نظيره الفرنسي يدعوه فيها إلى زيارة البلاد قريبا.',
    'The correspondent said the city was quiet on Monday evening.',
  ])('not a byline: %s', (line) => expect(isBylineLine(line)).toBe(false));

  test('a dateline under the title, and an author name above a Follow button', () => {
    expect(removed(byline, 'أمطار غزيرة على الإمارات\nدبي: «الخليج»\nشهدت مناطق متفرقة أمطارا.')).toEqual([
      'دبي: «الخليج»\n',
    ]);
    expect(removed(byline, 'Title here\nDaniel Park\nFollow\nText.')).toEqual(['Daniel Park\n']);
    expect(removed(byline, 'عنوان\nفرانس24/ أ ف ب\nنص.')).toEqual(['فرانس24/ أ ف ب\n']);
    expect(removed(byline, 'Title\nNEWS PROVIDED BY\nSunGrid Energy\nText.')).toEqual([
      'NEWS PROVIDED BY\nSunGrid Energy\n',
    ]);
    // Far from the title, "X: Y" is a subheading or a quote lead, not a dateline.
    expect(removed(byline, 'T\n1\n2\n3\n4\n5\n6\n7\nالخلاصة: لا اتفاق\n')).toEqual([]);
  });

  test('a name line above a correspondent title goes with it', () => {
    expect(removed(byline, 'Headline\nJane Doe\nMiddle East correspondent\nBody text.')).toEqual([
      'Jane Doe\nMiddle East correspondent\n',
    ]);
  });
});

// Sites we do not have (made-up names): Anadolu's "place/ reporter/ agency", an Egyptian portal.
test.each(['أنقرة/ محمد علي/ الأناضول', 'القاهرة - بوابة الأهرام'])('byline: removes %s', (line) => {
  expect(removed(byline, `${line}\nقال الوزير إن المفاوضات ستستأنف.\n`)).toEqual([`${line}\n`]);
});

// A tatweel dash ("بيروت ـ العربي الجديد"), an outlet before its place with an en dash, a colon before a
// known outlet on the first line.
test.each(['بيروت ـ العربي الجديد', 'غزة ــ العربي الجديد', 'عنب بلدي – ريف حلب', 'عنب بلدي – خاص', 'دبي: «الخليج»'])(
  'byline: removes the dateline line %s',
  (line) => {
    expect(removed(byline, `${line}\nقال الوزير إن المفاوضات ستستأنف.\n`)).toEqual([`${line}\n`]);
  },
);
