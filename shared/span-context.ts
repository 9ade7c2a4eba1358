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
  const leftWords = left.match(new RegExp(`(?:\\S+\\s+){0,${words}}\\S*$`, 'u'))?.[0] ?? '';
  const rightWords = right.match(new RegExp(`^\\S*(?:\\s+\\S+){0,${words}}`, 'u'))?.[0] ?? '';
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
