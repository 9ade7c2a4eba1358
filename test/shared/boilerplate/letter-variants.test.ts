import { describe, expect, test } from 'vitest';
import { finalYehFromText, letterVariants, normalizeLetterVariants } from '../../../shared/boilerplate/letter-variants';
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
    expect(run(letterVariants, 'قال الـــرئيس إن الـ20 مليونا وصلت بـGoogle').map((e) => e.replacement)).toEqual([
      'الرئيس',
    ]);
  });

  test('punctuation next to a word stays out of the edit', () => {
    expect(run(letterVariants, 'الاثنین، و«کوریا»').map((e) => e.text)).toEqual(['الاثنین', 'کوریا']);
  });

  test('Persian text is left alone', () => {
    expect(run(letterVariants, 'این کتاب برای کودکان است')).toEqual([]);
    expect(run(letterVariants, 'گزارش کامل')).toEqual([]);
  });

  test('a word-final ی becomes alef maksura ى in words Arabic ends with it (على، إلى، مستشفى), else yeh ي', () => {
    expect(normalizeLetterVariants('علی')).toBe('على');
    expect(normalizeLetterVariants('وإلی')).toBe('وإلى');
    expect(normalizeLetterVariants('المستشفی')).toBe('المستشفى');
    expect(normalizeLetterVariants('فی')).toBe('في');
    expect(normalizeLetterVariants('الأمریکی')).toBe('الأمريكي');
    expect(normalizeLetterVariants('یحیی')).toBe('يحيى'); // only the last ی can be ى
    const text = 'وقال الرئيس الأمریکی فی بیان علی موقعه إن المستشفی مغلق';
    expect(run(letterVariants, text).map((e) => [e.text, e.replacement])).toEqual([
      ['الأمریکی', 'الأمريكي'],
      ['فی', 'في'],
      ['بیان', 'بيان'],
      ['علی', 'على'],
      ['المستشفی', 'المستشفى'],
    ]);
  });

  test('a word-final ی follows how the same text writes that word in Arabic letters', () => {
    // قوى (forces) and قوي (strong) are both words: the text decides.
    expect(run(letterVariants, 'قوى الأمن و قوی الجيش').map((e) => e.replacement)).toEqual(['قوى']);
    expect(run(letterVariants, 'موقف قوي وجيش قوی').map((e) => e.replacement)).toEqual(['قوي']);
    // The name علي, written in Arabic letters in the same article, outweighs the list.
    expect(run(letterVariants, 'قال علي إن علي سيحضر، وأكد علی ذلك').map((e) => e.replacement)).toEqual(['علي']);
    // With harakat the word still counts; a tie falls back to the list.
    expect(finalYehFromText('عَلَى عليّ')('عل')).toBe('ى');
  });

  test('combining marks stay: عمّان', () => {
    expect(normalizeLetterVariants('عمّان')).toBe('عمّان');
    expect(run(letterVariants, 'عمّان والـــعقبة').map((e) => e.replacement)).toEqual(['والعقبة']);
  });

  test('Urdu and Kurdish hehs and Persian heh with hamza in Arabic words become Arabic letters', () => {
    const text = 'وقال مسؤول إن ھذا القرار مھم للمدرسە وللدولۀ';
    expect(run(letterVariants, text).map((e) => [e.text, e.replacement])).toEqual([
      ['ھذا', 'هذا'],
      ['مھم', 'مهم'],
      ['للمدرسە', 'للمدرسه'],
      ['وللدولۀ', 'وللدولة'],
    ]);
  });

  test('Persian digits among Arabic-Indic ones become Arabic-Indic, one edit a number', () => {
    const text = 'وصل عدد الزوار إلى ١٢۴۵ زائرا في عام ۲۰۲۴ مقابل ٩٠٠ في العام السابق';
    expect(run(letterVariants, text).map((e) => [e.text, e.replacement])).toEqual([
      ['١٢۴۵', '١٢٤٥'],
      ['۲۰۲۴', '٢٠٢٤'],
    ]);
  });

  test('a Persian quote or a word with a letter Arabic lacks stays; the Arabic words around it are fixed', () => {
    const quote = 'وهتف المتظاهرون «مرگ بر آمریکا» فی شوارع طهران';
    expect(run(letterVariants, quote).map((e) => [e.text, e.replacement])).toEqual([['فی', 'في']]);
    const name = 'والتقت الممثلة گلشیفته فراهانی بالصحفیین';
    expect(run(letterVariants, name).map((e) => [e.text, e.replacement])).toEqual([
      ['فراهانی', 'فراهاني'],
      ['بالصحفیین', 'بالصحفيين'],
    ]);
    // A Persian name written with letters Arabic has: spelled as an Arabic editor would.
    expect(run(letterVariants, 'بقلم کاملیا انتخابی').map((e) => e.replacement)).toEqual(['كامليا', 'انتخابي']);
    // Words Arabic and Persian share (ما، هم، الکرد) make no quote Persian.
    expect(run(letterVariants, 'وقال «ما حدث هم الکرد فی المدینة»').map((e) => e.replacement)).toEqual([
      'الكرد',
      'في',
      'المدينة',
    ]);
    // Urdu and Kurdish lines are left alone.
    expect(run(letterVariants, 'یہ ایک اچھی کتاب ہے')).toEqual([]);
    expect(run(letterVariants, 'ئەو کتێبە لە کوردستان چاپ کرا')).toEqual([]);
  });
});
