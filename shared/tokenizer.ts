// Tokens for the token-level exports (CoNLL, Hugging Face): words and punctuation as
// separate tokens in Arabic and English alike, numbers, URLs, handles and emoji kept
// whole, and tokens split at entity edges so a tag never covers part of a token.
// Hand-written rules rather than Intl.Segmenter, so exports do not change with the ICU
// version of whatever runs them. Offsets are code points.

import { codePointLength } from './code-points';
import { lowerBound } from './sorted-search';

export interface Token {
  text: string;
  /** Code point offsets, half-open. */
  start: number;
  end: number;
}

// Word characters. Arabic letters and other runs (Latin letters, digits of any script)
// are separate words, so text a scraper glued together ("2024وجاء", "Koreaكوريا") and a
// conjunction on a number ("و١٢") split; marks stay with their base and ZWNJ/ZWJ join
// parts of Persian and Urdu words.
const AR_START = '(?=\\p{scx=Arabic})\\p{L}';
const AR_CONT = '(?:(?=\\p{scx=Arabic})\\p{L}|\\p{M}|[\\u200C\\u200D])';
const OTHER_START = '(?:(?!\\p{scx=Arabic})\\p{L}|\\p{N})';
const OTHER_CONT = '(?:(?!\\p{scx=Arabic})\\p{L}|\\p{N}|\\p{M})';
const WORD = `(?:${AR_START}${AR_CONT}*(?:['’\\-]${AR_START}${AR_CONT}*)*|${OTHER_START}${OTHER_CONT}*(?:['’\\-]${OTHER_START}${OTHER_CONT}*)*)`;
const EMOJI_PART = '\\p{Extended_Pictographic}(?:\\p{Emoji_Modifier}|\\uFE0F|\\u20E3|[\\u{E0020}-\\u{E007F}])*';

interface TokenPatterns {
  /** Token patterns, tried in order at each position (sticky). */
  tokens: RegExp[];
  skip: RegExp;
  marks: RegExp;
  urlTrailing: RegExp;
  digit: RegExp;
}

// Made by the first tokenize, not when the module loads: making a RegExp parses its \p classes into Unicode sets,
// 24M instructions (valgrind) of a 1-document `tahrir export` of 701M, paid at every export's start though only CoNLL
// and HF tokenize.
let patterns: TokenPatterns | undefined;
function tokenPatterns(): TokenPatterns {
  return (patterns ??= {
    tokens: [
      // URLs, until whitespace or a bracket/quote; trailing punctuation is trimmed below.
      /(?:https?:\/\/|www\.)[^\s<>"«»\u200B-\u200F\u202A-\u202E\u2066-\u2069]+/iuy,
      // E-mail addresses.
      /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy,
      // @handles and #tags.
      /[@#][\p{L}\p{N}\p{M}_]+/uy,
      // Numbers with separators: 82.10, 1,000, ١٢٫٥, 10:30 (a trailing separator is not part of it).
      /\p{Nd}+(?:[.,٫٬:]\p{Nd}+)+/uy,
      // Words (with inner apostrophes and hyphens), and a trailing + or ++ on a name: أوبك+, C++.
      new RegExp(`${WORD}(?:\\+{1,2}(?![\\p{L}\\p{N}]))?`, 'uy'),
      // Emoji: flags (regional indicator pairs), modifier, keycap, tag and ZWJ sequences.
      new RegExp(`\\p{Regional_Indicator}{2}|${EMOJI_PART}(?:\\u200D${EMOJI_PART})*`, 'uy'),
      // Runs of one repeated punctuation character (..., !!, --), marks attached.
      /([^\s\p{L}\p{N}\p{M}])\1*\p{M}*/uy,
    ],
    skip: /[\s\p{Cf}]+/uy,
    marks: /\p{M}+/uy,
    urlTrailing: /[.,;:!?،؛؟)\]}'"»›”’]+$/u,
    digit: /^\p{Nd}$/u,
  });
}

/** Which patterns can start with this character (cheap guards: most tokens are plain words). */
function mayMatch(k: number, ch: string, digit: RegExp): boolean {
  switch (k) {
    case URL_PATTERN:
      return ch === 'h' || ch === 'w' || ch === 'H' || ch === 'W';
    case EMAIL_PATTERN:
      return ch !== '@' && ch !== '#';
    case HANDLE_PATTERN:
      return ch === '@' || ch === '#';
    case NUMBER_PATTERN:
      return digit.test(ch);
    default:
      return true;
  }
}
const URL_PATTERN = 0;
const EMAIL_PATTERN = 1;
const HANDLE_PATTERN = 2;
const NUMBER_PATTERN = 3;

/** The token at UTF-16 offset i (never empty). */
function matchAt(text: string, i: number, hasAt: boolean, { tokens, digit, urlTrailing }: TokenPatterns): string {
  const ch = text[i];
  for (let k = 0; k < tokens.length; k++) {
    if (!mayMatch(k, ch, digit) || (k === EMAIL_PATTERN && !hasAt)) continue;
    const re = tokens[k];
    re.lastIndex = i;
    const m = re.exec(text);
    if (m && m[0].length > 0) {
      if (k === 0) {
        const trimmed = m[0].replace(urlTrailing, '');
        if (trimmed.length > 'www.'.length) return trimmed;
        continue;
      }
      return m[0];
    }
  }
  // A lone mark or anything unmatched: one code point.
  return String.fromCodePoint(text.codePointAt(i)!);
}

/**
 * Words and punctuation of `text` as tokens; whitespace and invisible format characters
 * separate them. Each token is split at every offset in `boundaries` (code points,
 * e.g. entity starts and ends) that falls inside it.
 */
export function tokenize(text: string, boundaries: readonly number[] = []): Token[] {
  const tokens: Token[] = [];
  const hasAt = text.includes('@');
  const p = tokenPatterns();
  const { skip, marks } = p;
  let i = 0; // UTF-16
  let cp = 0;
  while (i < text.length) {
    skip.lastIndex = i;
    const skipped = skip.exec(text);
    if (skipped) {
      i += skipped[0].length;
      cp += codePointLength(skipped[0]);
      continue;
    }
    // Combining marks after any token belong to its last character.
    const first = matchAt(text, i, hasAt, p);
    marks.lastIndex = i + first.length;
    const piece = first + (marks.exec(text)?.[0] ?? '');
    const len = codePointLength(piece);
    tokens.push({ text: piece, start: cp, end: cp + len });
    i += piece.length;
    cp += len;
  }
  return boundaries.length === 0 ? tokens : splitAtBoundaries(tokens, boundaries);
}

/** Splits tokens at every boundary strictly inside one. */
export function splitAtBoundaries(tokens: readonly Token[], boundaries: readonly number[]): Token[] {
  const cuts = [...new Set(boundaries)].sort((a, b) => a - b);
  const out: Token[] = [];
  let k = 0;
  for (const token of tokens) {
    while (k < cuts.length && cuts[k] <= token.start) k++;
    if (k >= cuts.length || cuts[k] >= token.end) {
      out.push(token);
      continue;
    }
    const chars = Array.from(token.text);
    let from = token.start;
    while (k < cuts.length && cuts[k] < token.end) {
      out.push({ text: chars.slice(from - token.start, cuts[k] - token.start).join(''), start: from, end: cuts[k] });
      from = cuts[k];
      k++;
    }
    out.push({ text: chars.slice(from - token.start).join(''), start: from, end: token.end });
  }
  return out;
}

const TERMINATOR = /^[.!?؟…。]+$/u;
/** Closing quotes and brackets that stay with the sentence they end. */
const CLOSER = /^[»”’"')\]}›]+$/u;

/**
 * Groups tokens into sentences: a sentence ends after . ! ? ؟ (and the closing quotes
 * right after them) and at every line break. A period after a single capital letter
 * (U.S., J. Biden) does not end one.
 */
export function splitSentences(text: string, tokens: Token[]): Token[][] {
  // Code point offsets of line breaks, ascending.
  const breaks: number[] = [];
  let cp = 0;
  for (const ch of text) {
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') breaks.push(cp);
    cp++;
  }
  const sentences: Token[][] = [];
  let current: Token[] = [];
  let ended = false;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (current.length > 0) {
      const prevEnd = current[current.length - 1].end;
      const closesSentence = ended && token.start === prevEnd && CLOSER.test(token.text);
      if (hasBreakIn(breaks, prevEnd, token.start) || (ended && !closesSentence)) {
        sentences.push(current);
        current = [];
        ended = false;
      }
    }
    current.push(token);
    if (TERMINATOR.test(token.text) && !isInitial(tokens, t)) ended = true;
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

/** True when a line break lies in [from, to). */
function hasBreakIn(breaks: readonly number[], from: number, to: number): boolean {
  const at = lowerBound(breaks, from);
  return at < breaks.length && breaks[at] < to;
}

/** A period after a lone capital letter (U.S., J.) is an initial, not a sentence end. */
function isInitial(tokens: readonly Token[], t: number): boolean {
  if (tokens[t].text !== '.' || t === 0) return false;
  const prev = tokens[t - 1];
  return prev.end === tokens[t].start && /^\p{Lu}$/u.test(prev.text);
}
