// What a line looks like: headline, prose, short label line. The rules use these to
// tell scraped page furniture from the article's own sentences.

/** Arabic letters proper (hamza … yeh), without tatweel, marks or digits. */
export const ARABIC_LETTER = '\\u0621-\\u063A\\u0641-\\u064A\\u0671-\\u06D3';
const arabicLetter = new RegExp(`[${ARABIC_LETTER}]`);
const latinLetter = /[A-Za-z]/;

export function words(text: string): string[] {
  return text
    .trim()
    .split(/\s+/u)
    .filter((w) => w.length > 0);
}

export function wordCount(text: string): number {
  return words(text).length;
}

export function hasArabic(text: string): boolean {
  return arabicLetter.test(text);
}

export function hasLatin(text: string): boolean {
  return latinLetter.test(text);
}

/** Ends like a sentence of prose: a full stop (or …) possibly followed by closing quotes. */
export function endsWithFullStop(text: string): boolean {
  return /[.…]["'”’»)\]]*\s*$/u.test(text);
}

/** A list item marker scrapers keep: "-", "•", "*", "»", "◄" … */
export function stripBullet(text: string): string {
  return text.replace(/^\s*(?:[-–—•*·▪►»◄›>]|\d{1,2}[.)])\s+/u, '');
}

/**
 * A line that reads as a headline or a link title rather than a paragraph: short,
 * no sentence full stop at the end. Questions and exclamations still count.
 */
export function isHeadlineLike(text: string, maxWords = 20): boolean {
  const t = stripBullet(text).trim();
  if (t.length === 0 || t.length > 180) return false;
  // "… in Virginia, Maryland and D.C.": an abbreviation's point is no sentence end.
  if (endsWithFullStop(t) && !/\.\.\s*$/.test(t) && !/(?<![\p{L}.])(?:\p{Lu}\.){2,}["'”’]?\s*$/u.test(t)) return false;
  const n = wordCount(t);
  return n >= 1 && n <= maxWords;
}

/** Letters of the text in the script it is mostly written in. */
export function mainScript(text: string): 'ar' | 'en' | 'none' {
  let ar = 0;
  let en = 0;
  for (const ch of text) {
    if (arabicLetter.test(ch)) ar++;
    else if (latinLetter.test(ch)) en++;
  }
  if (ar === 0 && en === 0) return 'none';
  return ar >= en ? 'ar' : 'en';
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The literals as printed in Title, lower and UPPER case. A large alternation compiled with the
 * `i` flag under `u` costs V8 hundreds of milliseconds on first use; listing the cases does not.
 */
export function caseVariants(literals: readonly string[]): string[] {
  const out = new Set<string>();
  for (const l of literals) {
    out.add(l);
    out.add(l.toLowerCase());
    out.add(l.toUpperCase());
    out.add(l.charAt(0).toUpperCase() + l.slice(1).toLowerCase());
  }
  return [...out];
}

/** One alternation of literals, longest first so the regex engine prefers them. */
export function alternation(literals: readonly string[]): string {
  return [...literals]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}
