import { describe, expect, test } from 'vitest';
import { dateLine, isDateLine, isReadingTimeLine } from '../../../shared/boilerplate/date-line';
import { findNewsDate, parseNewsDate } from '../../../shared/boilerplate/news-date';
import { removed } from './rule-harness';

describe('published-line', () => {
  test.each([
    'تاريخ النشر: 11th, April 2024 GMT',
    'الأحد 02 يونيو 2024 - 15:30',
    'نشر في: السبت، ١٥ حزيران ٢٠٢٤ الساعة 05:30 م',
    'آخر تحديث: منذ 3 ساعات',
    '12 June 2024 14:05 BST',
    'Published 12 June 2024, updated 13 June 2024',
    'Last updated: Thursday, April 11, 2024 at 3:30 pm EDT',
    'Published On 11 Apr 202411 Apr 2024',
    'Updated 2 hours ago',
    '2024-06-12 09:41',
    'نُشر: 16:05-12 يونيو 2024 م ـ 06 ذو الحجّة 1445 هـ',
    'قبل 4 ساعة',
    'TOI News Desk / Updated: May 30, 2024, 14:22 IST',
    'نشرت في: 08/02/2024 - 14:22',
  ])('removes the date line %s', (line) => {
    expect(isDateLine(line)).toBe(true);
    expect(removed(dateLine, `عنوان\n${line}\nنص المقال.`)).toEqual([`${line}\n`]);
  });

  test.each([
    'في 12 يونيو 2024 أعلنت الحكومة خطة جديدة لدعم المزارعين.',
    'وقال الوزير الأحد 02 يونيو 2024 إن المحادثات ستستأنف.',
    'Published in 2020, the report found that emissions rose.',
    'On 12 June 2024 the minister resigned after the vote.',
    'تاريخ طويل من العلاقات بين البلدين',
    'Updated guidance was issued to schools.',
    'Sales rose sharply in the quarter / 12 June 2024 was the record day for the chain.',
  ])('keeps the sentence %s', (line) => {
    expect(isDateLine(line)).toBe(false);
  });
});

describe('reading-time', () => {
  test.each(['6 min read', 'مدة القراءة: 3 دقائق', '4 دقائق قراءة'])('reading time %s', (line) =>
    expect(isReadingTimeLine(line)).toBe(true),
  );
  test.each(['It takes 6 min to read the report.', '3 دقائق', 'مدة القراءة طويلة'])('not reading time %s', (line) =>
    expect(isReadingTimeLine(line)).toBe(false),
  );
});

describe('news dates', () => {
  test.each([
    ['11th, April 2024 GMT', '2024-04-11'],
    ['الأحد 02 يونيو 2024 - 15:30', '2024-06-02T15:30'],
    ['12 June 2024 14:05 BST', '2024-06-12T14:05+01:00'],
    ['١١ نيسان ٢٠٢٤', '2024-04-11'],
    ['11 نيسان/أبريل 2024', '2024-04-11'],
    ['3 كانون الثاني 2023', '2023-01-03'],
    ['November 6, 2024', '2024-11-06'],
    ['السبت، 15 يونيو 2024 05:30 م', '2024-06-15T17:30'],
    ['14:05 GMT, 12 June 2024', '2024-06-12T14:05Z'],
    ['2024/03/05', '2024-03-05'],
    ['Updated 10:42 AM EDT, Thu June 20, 2024', '2024-06-20T10:42-04:00'],
    ['نشر في: 29 فبراير ,2024: 09:15 ص GST', '2024-02-29T09:15+04:00'],
    ['25/12/2023', '2023-12-25'],
  ])('%s → %s', (text, iso) => {
    expect(parseNewsDate(text)).toBe(iso);
  });

  test('impossible dates are not dates', () => {
    expect(parseNewsDate('31 February 2024')).toBeUndefined();
    expect(parseNewsDate('a 12 storey building')).toBeUndefined();
    expect(findNewsDate('no date here')).toBeUndefined();
  });
});

test('a date label alone above its date goes with it; alone elsewhere it stays', () => {
  expect(removed(dateLine, 'Title\nPublished\n3 hours ago\nText.\n')).toEqual(['Published\n3 hours ago\n']);
  expect(removed(dateLine, 'Title\nآخر تحديث:\n12 مارس 2025 - 10:15\nنص.\n')).toEqual([
    'آخر تحديث:\n12 مارس 2025 - 10:15\n',
  ]);
  expect(removed(dateLine, 'Title\nPublished\nThe book came out last year.\n')).toEqual([]);
});

test('published-line: the bare dates heading the entries of a dated list stay; a lone stamp goes', () => {
  const entry = 'The board spoke with an expert on the state of the pandemic and what comes next.';
  const list = `Intro of the collection.\n\nApril 8, 2020\n\n${entry}\n\nMarch 24, 2020\n\n${entry}\n`;
  expect(removed(dateLine, list)).toEqual([]);
  expect(removed(dateLine, `April 8, 2020\n\n${entry}\n`)).toEqual(['April 8, 2020\n']);
  expect(removed(dateLine, `${entry}\n\nPublished: April 8, 2020\n\n${entry}\n`)).toEqual([
    'Published: April 8, 2020\n',
  ]);
});
