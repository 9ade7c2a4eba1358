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
  // Most characters of a news text answered without the two Unicode-property regexes (asked of every character of
  // every paragraph a document renders): ASCII, and the Arabic letters ء–ي.
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 'ltr' : null;
  if (code >= 0x621 && code <= 0x64a && code !== 0x640 && ch.length === 1) return 'rtl'; // tatweel: the regexes'
  if (!LETTER.test(ch)) return null;
  return STRONG_RTL.test(ch) ? 'rtl' : 'ltr';
}

/**
 * The direction of most of the strong characters; on a tie, the first one's (as dir="auto");
 * null when there is none (the paragraph takes its surroundings'). Asked of every paragraph a document renders
 * (1.5 MB of text on opening a long article): read by code unit, a string made only for a character outside ASCII
 * and the Arabic letters ء–ي (the iterator's string per character took ~4× as long).
 */
export function paragraphDirection(text: string): TextDirection | null {
  let rtl = 0;
  let ltr = 0;
  let first: TextDirection | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let d: TextDirection | null;
    if (code < 0x80) d = (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 'ltr' : null;
    else if (code >= 0x621 && code <= 0x64a && code !== 0x640) d = 'rtl';
    else {
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
      const next = pair ? text.charCodeAt(i + 1) : 0;
      const wide = pair && next >= 0xdc00 && next <= 0xdfff;
      d = strongDirection(wide ? text.slice(i, i + 2) : text[i]);
      if (wide) i++;
    }
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
 * What a left-to-right run may hold and still be laid out the same without an isolate: letters,
 * marks, spaces, European digits and the common punctuation that is not a bracket. Inside a run
 * (from a Latin letter to the last Latin letter or figure) the bidi algorithm resolves these to
 * left to right on its own: a neutral between two left-to-right characters takes their direction
 * (rule N1), a figure after a Latin letter becomes left to right (W7). What it would get wrong is
 * a bracket (paired across the run's ends, rule N0), an Arabic-Indic digit (class AN, which counts
 * as right to left for the neutrals beside it), a tab (reset to the paragraph's level, L1), and
 * anything else not checked here, which keeps its isolate.
 */
const PLAIN_RUN = /^[\p{L}\p{M} 0-9.,:;!?'"\u2018\u2019\u201C\u201D\u2013\u2014@#%&*+\-_/=$\u20AC\u00A3]*$/u;
/**
 * What may stand just before or after such a run: its end, a space, a right-to-left letter, or
 * punctuation that goes with the Arabic around it. Not a figure or an Arabic-Indic digit (laid out
 * at the run's level, it would join the run), nor a sign that joins figures (%, $, +, -: W5).
 */
const PLAIN_BEFORE = /^[ "\u00AB\u00BB\u2013\u2014\u201C\u201D]$/u;
const PLAIN_AFTER = /^[ .,:;!?\u060C\u061B\u061F"\u00AB\u00BB\u2013\u2014\u201C\u201D]$/u;

/**
 * Whether the left-to-right run chars[start, end) of a right-to-left paragraph needs an isolate to
 * be laid out as written. An isolate is an element per run: a long Arabic article quoting English
 * names had 8,000 of them, and every edit and scroll paid for them; most runs need none.
 */
export function runNeedsIsolate(chars: readonly string[], start: number, end: number): boolean {
  const before = chars[start - 1];
  const after = chars[end];
  if (before !== undefined && !PLAIN_BEFORE.test(before) && strongDirection(before) !== 'rtl') return true;
  if (after !== undefined && !PLAIN_AFTER.test(after) && strongDirection(after) !== 'rtl') return true;
  return !PLAIN_RUN.test(chars.slice(start, end).join(''));
}

/**
 * The left-to-right runs of a text, as code point ranges: each goes from a strong left-to-right
 * character (and the figures glued before it, "11th") to the last such character or digit before
 * the next right-to-left one ("dpa news agency (@dpa_intl) November 6, 2024"), so the punctuation
 * and numbers inside it stay with it, and the spaces and punctuation around it go with the Arabic.
 */
export function leftToRightRuns(chars: readonly string[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let from = 0;
  let i = 0;
  while (i < chars.length) {
    if (strongDirection(chars[i]) !== 'ltr') {
      i++;
      continue;
    }
    let start = i;
    while (start > from && EUROPEAN_DIGIT.test(chars[start - 1])) start--;
    let end = i + 1;
    for (let j = i + 1; j < chars.length; j++) {
      const d = strongDirection(chars[j]);
      if (d === 'rtl') break;
      if (d === 'ltr' || EUROPEAN_DIGIT.test(chars[j])) end = j + 1;
    }
    runs.push({ start, end });
    from = i = end;
  }
  return runs;
}

/**
 * A right-to-left paragraph cut into pieces, its left-to-right runs (leftToRightRuns) that need it
 * marked for isolation; a run the bidi algorithm lays out right by itself (runNeedsIsolate) stays
 * in the text around it. The pieces joined are the text.
 */
export function latinRuns(text: string): { text: string; isolate: boolean }[] {
  const chars = Array.from(text);
  const pieces: { text: string; isolate: boolean }[] = [];
  let plainFrom = 0;
  for (const { start, end } of leftToRightRuns(chars)) {
    if (!runNeedsIsolate(chars, start, end)) continue;
    if (start > plainFrom) pieces.push({ text: chars.slice(plainFrom, start).join(''), isolate: false });
    pieces.push({ text: chars.slice(start, end).join(''), isolate: true });
    plainFrom = end;
  }
  if (plainFrom < chars.length || pieces.length === 0)
    pieces.push({ text: chars.slice(plainFrom).join(''), isolate: false });
  return pieces;
}
