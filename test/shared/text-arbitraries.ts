// fast-check generators shared by the text engine tests: texts that mix Arabic,
// English, emoji, flags, combining marks and CRLF, and random edits and spans on them.
import fc from 'fast-check';
import type { Edit } from '../../shared/model';

/** Pieces that stress code-point handling: astral characters, marks, bidi text, line ends. */
export const TEXT_PIECES = [
  'a',
  'Z',
  'news',
  ' ',
  ' ',
  '\n',
  '\r\n',
  '.',
  ',',
  '!',
  '?',
  '"',
  'ب',
  'ا',
  'ي',
  'د',
  'ن',
  'بايدن',
  'الشمالية',
  'عمّان',
  'أ',
  'إ',
  'آ',
  'ى',
  'ة',
  'ـ',
  '،',
  '؟',
  '«',
  '»',
  '\u064E', // fatha on its own (a combining mark)
  'e\u0301', // e + combining acute
  '😀',
  '🇸🇦',
  '🇺🇸',
  '👨‍👩‍👧',
  '👍🏽',
  '𝒳',
  '١٢',
  '٫',
  '82.10',
];

export const textArb = (maxPieces = 40): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: maxPieces }).map((parts) => parts.join(''));

/** Short replacement texts, including '' (deletion). */
export const replacementArb: fc.Arbitrary<string> = fc.oneof(fc.constant(''), textArb(4));

export function cpLength(s: string): number {
  return Array.from(s).length;
}

export function cpSlice(s: string, start: number, end: number): string {
  return Array.from(s).slice(start, end).join('');
}

/** Sorted, non-overlapping (possibly touching) edits on a text of `length` code points. */
export function editsArb(source: string, maxEdits = 6): fc.Arbitrary<Edit[]> {
  const length = cpLength(source);
  return fc
    .array(fc.record({ gap: fc.nat({ max: 8 }), len: fc.nat({ max: 6 }), replacement: replacementArb }), {
      maxLength: maxEdits,
    })
    .map((specs) => {
      const edits: Edit[] = [];
      let pos = 0;
      specs.forEach((spec, i) => {
        const start = pos + spec.gap;
        const end = start + spec.len;
        if (end > length) return;
        edits.push({
          id: `e${i}`,
          start,
          end,
          text: cpSlice(source, start, end),
          replacement: spec.replacement,
          kind: 'typo',
        });
        pos = end;
      });
      return edits;
    });
}

/** A span [start, end) with 0 <= start <= end <= length. */
export function spanArb(length: number): fc.Arbitrary<{ start: number; end: number }> {
  return fc
    .tuple(fc.nat({ max: length }), fc.nat({ max: length }))
    .map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) }));
}

/** Straightforward reference: apply edits on an array of code points. */
export function naiveApplyEdits(source: string, edits: readonly Edit[]): string {
  const cps = Array.from(source);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    if (e.orphaned) continue;
    out += cps.slice(pos, e.start).join('') + e.replacement;
    pos = e.end;
  }
  return out + cps.slice(pos).join('');
}
