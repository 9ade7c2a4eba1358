import { describe, expect, test } from 'vitest';
import { gluedWords } from '../../../shared/boilerplate/glued-words';
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
    for (const e of run(gluedWords, text)) expect([e.kind, e.start === e.end, e.replacement]).toEqual(['split', true, ' ']);
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
