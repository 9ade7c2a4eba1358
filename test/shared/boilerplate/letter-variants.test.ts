import { describe, expect, test } from 'vitest';
import { letterVariants, normalizeLetterVariants } from '../../../shared/boilerplate/letter-variants';
import { run, slice } from './rule-harness';

describe('letter-variants', () => {
  test('Persian keheh and yeh in Arabic words become Arabic letters, one edit a word', () => {
    const text = '🇯🇵 كلمات دلالية: واشنطن کوریا الشمالیة';
    const edits = run(letterVariants, text);
    expect(edits.map((e) => [e.text, e.replacement, e.kind])).toEqual([
      ['کوریا', 'كوريا', 'normalize'],
      ['الشمالیة', 'الشمالية', 'normalize'],
    ]);
    // Offsets are code points: the flag before counts as two (two regional indicators), as in Python.
    for (const e of edits) expect(slice(text, e.start, e.end)).toBe(e.text);
  });

  test('stretching tatweel goes; tatweel before a number or a Latin word stays', () => {
    expect(normalizeLetterVariants('الـــرئيس')).toBe('الرئيس');
    expect(normalizeLetterVariants('الـ')).toBe('الـ');
    expect(run(letterVariants, 'قال الـــرئيس إن الـ20 مليونا وصلت بـGoogle').map((e) => e.replacement)).toEqual(['الرئيس']);
  });

  test('punctuation next to a word stays out of the edit', () => {
    expect(run(letterVariants, 'الاثنین، و«کوریا»').map((e) => e.text)).toEqual(['الاثنین', 'کوریا']);
  });

  test('Persian text is left alone', () => {
    expect(run(letterVariants, 'این کتاب برای کودکان است')).toEqual([]);
    expect(run(letterVariants, 'گزارش کامل')).toEqual([]);
  });

  test('combining marks stay: عمّان', () => {
    expect(normalizeLetterVariants('عمّان')).toBe('عمّان');
    expect(run(letterVariants, 'عمّان والـــعقبة').map((e) => e.replacement)).toEqual(['والعقبة']);
  });
});
