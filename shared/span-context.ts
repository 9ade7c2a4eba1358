// The words around a span, for the side panel's lists: five rows of "اليابان" read apart by what
// surrounds each. Taken from one line of the text (a headline's words are not the next
// paragraph's), a few words on each side, with the direction the snippet reads in.
import type { CodePointIndex } from './code-points';
import { paragraphDirection, type TextDirection } from './text-direction';

export interface SpanContext {
  /** The words before the span, `…` first when the line goes on before them. */
  before: string;
  span: string;
  /** The words after the span, `…` last when the line goes on after them. */
  after: string;
  /** The direction of the snippet's strong characters (the span's own when the words around have none). */
  direction: TextDirection;
}

/** Looked at on each side at most (UTF-16 units): enough for a few long words, never a whole paragraph. */
const REACH = 160;

const SPACE = /\s/;
const isSpace = (text: string, i: number): boolean => SPACE.test(text[i]);

/**
 * Where `(?:\S+\s+){0,words}\S*$` matches `text`, by a scan back from its end: the regex tried every start
 * position, ~35 ms (against ~0.5) for the side panel's 350 first rows on a long document, before its first fill.
 */
export function wordsBackFrom(text: string, words: number): number {
  let at = text.length;
  while (at > 0 && !isSpace(text, at - 1)) at--;
  for (let n = 0; n < words; n++) {
    let word = at;
    while (word > 0 && isSpace(text, word - 1)) word--;
    if (word === at || word === 0) break; // no word before this space
    while (word > 0 && !isSpace(text, word - 1)) word--;
    at = word;
  }
  return at;
}

/** Where `^\S*(?:\s+\S+){0,words}` ends in `text`, by a scan on from its start. */
export function wordsOnFrom(text: string, words: number): number {
  let at = 0;
  while (at < text.length && !isSpace(text, at)) at++;
  for (let n = 0; n < words; n++) {
    let word = at;
    while (word < text.length && isSpace(text, word)) word++;
    if (word === at || word === text.length) break; // no word after this space
    while (word < text.length && !isSpace(text, word)) word++;
    at = word;
  }
  return at;
}

/**
 * The `words` words before and after the span [start, end) (code points of `index.text`), within
 * its line; whitespace inside the snippet is shown as single spaces.
 */
export function spanContext(index: CodePointIndex, start: number, end: number, words = 4): SpanContext {
  const text = index.text;
  const from = index.toUtf16(start);
  const to = index.toUtf16(end);
  const lineStart = Math.max(text.lastIndexOf('\n', from - 1) + 1, from - REACH);
  let lineEnd = text.indexOf('\n', to);
  if (lineEnd < 0) lineEnd = text.length;
  lineEnd = Math.min(lineEnd, to + REACH);
  const left = text.slice(lineStart, from).replace(/\r$/, '');
  const right = text.slice(to, lineEnd).replace(/\r$/, '');
  // The last `words` words on the left (the one the span starts inside counts), the first on the right.
  const leftWords = left.slice(wordsBackFrom(left, words));
  const rightWords = right.slice(0, wordsOnFrom(right, words));
  const squeeze = (s: string) => s.replace(/\s+/gu, ' ');
  const before = (leftWords.length < left.length ? '… ' : '') + squeeze(leftWords.trimStart());
  const after = squeeze(rightWords.trimEnd()) + (rightWords.length < right.trimEnd().length ? ' …' : '');
  const span = squeeze(text.slice(from, to));
  return {
    before: before === '… ' ? '…' : before,
    span,
    after,
    direction: paragraphDirection(`${before}${span}${after}`) ?? paragraphDirection(span) ?? 'ltr',
  };
}
