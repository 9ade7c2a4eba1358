// Which way a paragraph runs, by its content: the direction most of its strong characters
// have. The browser's dir="auto" takes the first strong character only, so an Arabic
// paragraph that opens with an English tweet's attribution ("— dpa news agency (@dpa_intl)
// November 6, 2024وجاء في البيان…") was laid out left to right.

export type TextDirection = 'rtl' | 'ltr';

/** Strong right-to-left characters (bidi classes R and AL): the scripts written right to left. */
const STRONG_RTL =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
/** Arabic-Indic digits, Arabic marks and signs are in the Arabic script but not strong: only its letters count. */
const LETTER = /[\p{L}]/u;

/** The direction of a strong character; null for what is not one (digits, punctuation, spaces, marks, symbols). */
export function strongDirection(ch: string): TextDirection | null {
  if (!LETTER.test(ch)) return null;
  return STRONG_RTL.test(ch) ? 'rtl' : 'ltr';
}

/**
 * The direction of most of the strong characters; on a tie, the first one's (as dir="auto");
 * null when there is none (the paragraph takes its surroundings').
 */
export function paragraphDirection(text: string): TextDirection | null {
  let rtl = 0;
  let ltr = 0;
  let first: TextDirection | null = null;
  for (const ch of text) {
    const d = strongDirection(ch);
    if (!d) continue;
    first ??= d;
    if (d === 'rtl') rtl++;
    else ltr++;
  }
  if (rtl !== ltr) return rtl > ltr ? 'rtl' : 'ltr';
  return first;
}

const EUROPEAN_DIGIT = /[0-9]/;

/**
 * A right-to-left paragraph cut into pieces, the left-to-right runs marked for isolation: each
 * runs from a strong left-to-right character (and the figures glued before it) to the last such character or digit
 * before the next
 * right-to-left one ("dpa news agency (@dpa_intl) November 6, 2024"), so the punctuation and
 * numbers inside it stay with it, and the spaces and punctuation around it go with the Arabic.
 * The pieces joined are the text.
 */
export function latinRuns(text: string): { text: string; isolate: boolean }[] {
  const chars = Array.from(text);
  const pieces: { text: string; isolate: boolean }[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < chars.length) {
    if (strongDirection(chars[i]) !== 'ltr') {
      i++;
      continue;
    }
    // Figures glued before it belong to it ("11th").
    let start = i;
    while (start > plainFrom && EUROPEAN_DIGIT.test(chars[start - 1])) start--;
    let end = i + 1;
    for (let j = i + 1; j < chars.length; j++) {
      const d = strongDirection(chars[j]);
      if (d === 'rtl') break;
      if (d === 'ltr' || EUROPEAN_DIGIT.test(chars[j])) end = j + 1;
    }
    if (start > plainFrom) pieces.push({ text: chars.slice(plainFrom, start).join(''), isolate: false });
    pieces.push({ text: chars.slice(start, end).join(''), isolate: true });
    plainFrom = end;
    i = end;
  }
  if (plainFrom < chars.length || pieces.length === 0)
    pieces.push({ text: chars.slice(plainFrom).join(''), isolate: false });
  return pieces;
}
