import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../shared/code-points';
import { spanContext, wordsBackFrom, wordsOnFrom } from '../../shared/span-context';

/** Code point offset of the n-th occurrence of `needle`. */
function at(text: string, needle: string, n = 0): [number, number] {
  let u = -1;
  for (let i = 0; i <= n; i++) u = text.indexOf(needle, u + 1);
  const start = Array.from(text.slice(0, u)).length;
  return [start, start + Array.from(needle).length];
}

describe('spanContext', () => {
  const text =
    'بايدن يدعم مساعي اليابان لعقد قمة\r\nقال الرئيس 🇺🇸 إن مساعي اليابان لعقد قمة مع كوريا الشمالية أمر جيد، مؤكدا استعداد إدارته.\r\nاليابان\n';
  const index = new CodePointIndex(text);

  it('tells occurrences of one word apart by the words around them, within their line', () => {
    expect(spanContext(index, ...at(text, 'اليابان', 0), 3)).toEqual({
      before: 'بايدن يدعم مساعي ',
      span: 'اليابان',
      after: ' لعقد قمة',
      direction: 'rtl',
    });
    // After an emoji flag (two code points of two UTF-16 units each): the offsets are code points.
    expect(spanContext(index, ...at(text, 'اليابان', 1), 3)).toEqual({
      before: '… 🇺🇸 إن مساعي ',
      span: 'اليابان',
      after: ' لعقد قمة مع …',
      direction: 'rtl',
    });
    // Alone on its line: nothing around it, the span's own direction.
    expect(spanContext(index, ...at(text, 'اليابان', 2), 3)).toEqual({
      before: '',
      span: 'اليابان',
      after: '',
      direction: 'rtl',
    });
  });

  it('reads left to right for English, and keeps combining marks with their word', () => {
    const en = 'Kishida met Yoon in Seoul on Monday, and Japan’s Kishida spoke. Café́ Kishida';
    const i = new CodePointIndex(en);
    expect(spanContext(i, ...at(en, 'Kishida', 1), 2)).toEqual({
      before: '… and Japan’s ',
      span: 'Kishida',
      after: ' spoke. Café́ …',
      direction: 'ltr',
    });
    expect(spanContext(i, ...at(en, 'Kishida', 2), 2).before).toBe('… spoke. Café́ ');
  });

  it('cuts a line without spaces short instead of showing all of it', () => {
    const long = `${'x'.repeat(1000)}NAME${'y'.repeat(1000)}`;
    const c = spanContext(new CodePointIndex(long), 1000, 1004);
    expect(c.before.length).toBeLessThan(200);
    expect(c.after.length).toBeLessThan(200);
    expect(c.span).toBe('NAME');
  });

  it('finds the words around by a scan that agrees with the regexes it replaced (spaces, tabs, NBSP, emoji, marks)', () => {
    // A seeded generator: the same texts on every run.
    let seed = 21;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['قال', 'x', ' ', '  ', '\t', '\u00a0', '\u2003', '😀', 'é́', 'الرئيس', '\r', 'Kishida'];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let k = Math.floor(random() * 12); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)];
      for (const words of [0, 1, 2, 4]) {
        const left = text.match(new RegExp(`(?:\\S+\\s+){0,${words}}\\S*$`, 'u'))![0];
        const right = text.match(new RegExp(`^\\S*(?:\\s+\\S+){0,${words}}`, 'u'))![0];
        expect(text.slice(wordsBackFrom(text, words)), JSON.stringify([text, words])).toBe(left);
        expect(text.slice(0, wordsOnFrom(text, words)), JSON.stringify([text, words])).toBe(right);
      }
    }
  });
});
