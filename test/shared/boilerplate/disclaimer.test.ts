import { describe, expect, test } from 'vitest';
import { isDisclaimerLine } from '../../../shared/boilerplate/disclaimer';

describe('disclaimer', () => {
  test.each([
    'هذه المقالة بقلم سامي يوسف، والآراء الواردة فيها تعبر عن رأي الكاتب ولا تعكس بالضرورة وجهة نظر الموقع.',
    'المقال يعبر عن رأي كاتبه.',
    'ولا تعكس الآراء المنشورة بالضرورة موقف الصحيفة.',
    'هذا المقال بقلم ليلى حسن،',
    'The views expressed in this commentary are solely those of the author.',
    "The opinions expressed here are the author's own and do not necessarily reflect the views of the publisher.",
    'Correction: An earlier version of this story misstated the date of the vote.',
    'This article has been updated to include a response from the company.',
    'Prices are accurate at the time of publication.',
    'We may earn a commission when you buy through links on our site.',
  ])('note %s', (line) => expect(isDisclaimerLine(line)).toBe(true));

  test.each([
    'The views expressed by the minister were welcomed by the opposition.',
    'وقال إن الآراء تباينت حول الخطة الجديدة.',
    'He issued a correction to the report on Monday, officials said.',
    'Prices rose at the fastest pace since 1990.',
  ])('prose %s', (line) => expect(isDisclaimerLine(line)).toBe(false));
});

test('a study’s caveat with “not necessarily” is prose', () => {
  expect(isDisclaimerLine('وأقر الباحثون بأن نتائج الفحص قد لا تعكس بالضرورة حالة المرضى على المدى الطويل.')).toBe(
    false,
  );
  expect(
    isDisclaimerLine(
      'The researchers said the samples do not necessarily reflect infection rates in the wider population.',
    ),
  ).toBe(false);
});

test('a funding note', () => {
  expect(
    isDisclaimerLine(
      'The Associated Press science desk receives support from a private foundation. The AP is solely responsible for all content.',
    ),
  ).toBe(true);
  expect(isDisclaimerLine('The hospital receives support from the state, the governor said.')).toBe(false);
});

test('the note opens its line; inside a sentence it is reported speech', () => {
  expect(isDisclaimerLine('أكدت الوزارة أن الآراء الواردة في التقرير تعبر عن رأي كاتبيه من الخبراء المستقلين.')).toBe(
    false,
  );
  expect(isDisclaimerLine('The ministry said the views expressed in the report are those of the authors.')).toBe(false);
  expect(isDisclaimerLine('Disclaimer: The views expressed here are those of the author.')).toBe(true);
  expect(isDisclaimerLine('Opinions expressed by Forum contributors are their own.')).toBe(true);
});

test('a wire’s note on what its public page carries', () => {
  expect(isDisclaimerLine('الأخبار المنشورة على موقع الوكالة هي ملخص لما يقدم لعملائها من خدمات إخبارية.')).toBe(true);
  expect(isDisclaimerLine('وقال إن الأخبار المنشورة عن الحادث غير دقيقة.')).toBe(false);
});

// An opinion page's note that introduces the writer first (made-up, in CNN's style).
test("disclaimer: an editor's note with the views clause second", () => {
  expect(
    isDisclaimerLine(
      'Editor’s Note: Jane Doe is a professor of history. The views expressed in this commentary are her own.',
    ),
  ).toBe(true);
  expect(isDisclaimerLine('Editor’s Note: Jane Doe is a professor of history at the state university.')).toBe(false);
});

// A wire's note on a new version, alone in brackets (Reuters', Bloomberg's).
test.each([
  '(Corrects day to Monday from Tuesday in paragraph 3)',
  '(Updates with minister’s comment in third paragraph.)',
  '(Adds details on the vote)',
])('disclaimer: the wire note %s', (line) => expect(isDisclaimerLine(line)).toBe(true));
test('disclaimer: a bracketed aside in a sentence is not a wire note', () => {
  expect(isDisclaimerLine('The ministry (which updates its figures weekly) reported 40 new cases.')).toBe(false);
});
