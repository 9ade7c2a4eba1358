import { describe, expect, test } from 'vitest';
import { dateline, gluedDatelineLength, isWireDatelineLine } from '../../../shared/boilerplate/dateline';
import { removed } from './rule-harness';

describe('dateline', () => {
  test.each([
    ['LONDON (Reuters) - Shares in the carmaker fell on Friday.', 'LONDON (Reuters) - '],
    ['(Reuters) - The central bank held rates.', '(Reuters) - '],
    ['PARIS (AFP) — Protesters marched again.', 'PARIS (AFP) — '],
    ['SPRINGFIELD, Ill. (AP) — The governor signed the bill.', 'SPRINGFIELD, Ill. (AP) — '],
    ['CHICAGO – The city council voted on Tuesday.', 'CHICAGO – '],
    ['SAN DIEGO, Calif. — Beaches reopened.', 'SAN DIEGO, Calif. — '],
    ['الرباط، المغرب (CNN)-- أعلنت الحكومة عن خطة جديدة.', 'الرباط، المغرب (CNN)-- '],
    ['عمّان (رويترز) - قال مسؤولون إن المحادثات انتهت.', 'عمّان (رويترز) - '],
  ])('glued: %s', (line, prefix) => {
    expect(line.slice(0, gluedDatelineLength(line))).toBe(prefix);
  });

  test.each([
    'The minister (Reuters reported) left early.',
    'NATO — the alliance of 32 countries — met again.',
    'A – B testing is common.',
    'In NEW YORK – as elsewhere – prices rose.',
    'قال الوزير (CNN) إن الخطة جاهزة.',
  ])('not a dateline: %s', (line) => {
    expect(gluedDatelineLength(line)).toBe(0);
  });

  test('a wire line with place, Hijri and Gregorian dates and the agency', () => {
    expect(isWireDatelineLine(' جدة 3 رجب 1440 هـ الموافق 10 مارس 2019 م واس')).toBe(true);
    expect(isWireDatelineLine('أبوظبي 12 يناير 2021 وام')).toBe(true);
    expect(isWireDatelineLine('وصل الوفد إلى جدة في 10 مارس 2019 بدعوة من واس')).toBe(false);
  });

  test('only the first lines: a dateline further down opens another story', () => {
    const text = 'Headline of the story\nCHICAGO – The council voted.\nMore text.\n';
    expect(removed(dateline, text)).toEqual(['CHICAGO – ']);
    const late = `Headline\n${'A paragraph.\n'.repeat(5)}BOSTON (AP) — Another story starts.\n`;
    expect(removed(dateline, late)).toEqual([]);
  });
});

test.each([
  ['LONDON, May 18 (Reuters) - Oil prices rose.', 'LONDON, May 18 (Reuters) - '],
  ['Paris (AFP) - Les Bleus won.', 'Paris (AFP) - '],
  ['Atlanta (CNN)The storm moved north.', 'Atlanta (CNN)'],
  ['القاهرة - أ ش أ: أعلنت وزارة الصحة عن حملة جديدة.', 'القاهرة - أ ش أ: '],
])('more dateline forms: %s', (line, prefix) => {
  expect(line.slice(0, gluedDatelineLength(line))).toBe(prefix);
});

test('a dateline dated in figures', () => {
  const line = 'الكويت - 3 - 11 (كونا) -- افتتح وزير الصحة مستشفى جديدا.';
  expect(line.slice(0, gluedDatelineLength(line))).toBe('الكويت - 3 - 11 (كونا) -- ');
});

// Agencies we do not know by name (made-up ones): the brackets and the dash say it is a dateline.
test.each([
  ['BEIRUT (NNA) - The cabinet met on Monday.', 'BEIRUT (NNA) - '],
  ['الرباط (ومع) - قال وزير الخارجية إن المفاوضات ستستأنف.', 'الرباط (ومع) - '],
  ['دبي، الإمارات العربية المتحدة (KTV)-- أعلنت الشركة عن نتائجها.', 'دبي، الإمارات العربية المتحدة (KTV)-- '],
])('dateline: an agency we do not know by name, %s', (line, prefix) => {
  expect(gluedDatelineLength(line)).toBe(prefix.length);
});

test.each(['The company (Apple) said it would appeal.', 'الرئيس (يسار) يصافح الوزير خلال اللقاء.'])(
  'dateline: no dash, no dateline: %s',
  (line) => {
    expect(gluedDatelineLength(line)).toBe(0);
  },
);

test('dateline: a wire line closed by an agency we do not know by name', () => {
  expect(isWireDatelineLine(' بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م ومس')).toBe(true);
});
