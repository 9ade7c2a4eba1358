// A document's title in the list, cut to its row with an ellipsis, keeps its numbers whole. The browser's ellipsis
// cuts between any two characters, and at the visual end of a right-to-left title that is the start of a
// left-to-right number: "أوبك+ تمدد خفض الإنتاج حتى نهاية 2025.." was shown as "…نهاية 5". Each number is a
// part of its own (the list draws it as one box, shown whole or not at all), followed by a mark that keeps it
// where the bidi algorithm put it: a box counts as a neutral character, which takes its neighbours' direction,
// where the number took the direction of the strong letter before it (rule W7) or counted as right to left (N1).
import { strongDirection, type TextDirection } from './text-direction';

export interface TitlePart {
  text: string;
  /** A number, with the signs that go with it (2025, 0.7%, 09:20, 2024-06-03). */
  number: boolean;
  /** After a number: LEFT-TO-RIGHT MARK or RIGHT-TO-LEFT MARK, its direction as the title had it. */
  mark?: '\u200E' | '\u200F';
}

const DIGIT = String.raw`[0-9\u0660-\u0669\u06F0-\u06F9]`;
/**
 * A number standing apart: digits with the separators between them and a currency or per cent sign (bidi classes
 * ET and CS, which join the digits: W4, W5); not glued to a letter or digit ("عام2025", "5G", "COVID19" are left
 * whole as words: a box inside one would reorder it).
 */
const APART_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const APART_AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;
const FIGURES = String.raw`[$€£#]?${DIGIT}+(?:[.,:/\-\u066B\u066C]${DIGIT}+)*[%\u066A\u2030°]?`;
const NUMBER = new RegExp(APART_BEFORE + FIGURES + APART_AFTER, 'gu');
const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/;

/** The direction of the last strong character of `text`; null when it has none. */
function lastStrong(text: string): TextDirection | null {
  const chars = Array.from(text);
  for (let i = chars.length - 1; i >= 0; i--) {
    const d = strongDirection(chars[i]);
    if (d) return d;
  }
  return null;
}

/** The direction of the first strong character of `text` (as dir="auto" reads it); left to right when none. */
function firstStrong(text: string): TextDirection {
  for (const ch of text) {
    const d = strongDirection(ch);
    if (d) return d;
  }
  return 'ltr';
}

/** The title as text and numbers, in order; one text part when it holds no number standing apart. */
export function titleParts(title: string): TitlePart[] {
  const parts: TitlePart[] = [];
  let at = 0;
  for (const m of title.matchAll(NUMBER)) {
    const before = title.slice(at, m.index);
    if (before) parts.push({ text: before, number: false });
    // Arabic-Indic digits count as right to left for what is around them; European ones take the direction of the
    // strong letter before them, else the title's (the paragraph's, rule W2 / W7).
    const direction = ARABIC_INDIC.test(m[0])
      ? 'rtl'
      : (lastStrong(title.slice(0, m.index)) ?? firstStrong(title.slice(m.index + m[0].length)));
    parts.push({ text: m[0], number: true, mark: direction === 'rtl' ? '\u200F' : '\u200E' });
    at = m.index + m[0].length;
  }
  if (at < title.length || parts.length === 0) parts.push({ text: title.slice(at), number: false });
  return parts;
}
