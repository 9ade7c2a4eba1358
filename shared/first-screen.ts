// The first screen of a long document: the start of its source that early.js paints before app.js has run
// (renderer/text/early-paint.ts), and what `tahrir serve`'s first answer carries every entity of, the document's
// other entities following in the same answer (shared/start-answer-wire.ts): at 50,000 entities the page waited for
// 6 MB and parsed all of it before it could paint a screen that shows a few hundred of them.
import { codePointLength } from './code-points';

/** UTF-16 units of source read for the first screen: well past firstScreenCount's 6,000 characters. */
export const FIRST_SCREEN_UNITS = 12_000;

/** Where the first screen's source ends: its first FIRST_SCREEN_UNITS units, cut at a line end. */
export function firstScreenCut(source: string): { units: number; codePoints: number } {
  const found = source.length <= FIRST_SCREEN_UNITS ? -1 : source.indexOf('\n', FIRST_SCREEN_UNITS);
  const units = found < 0 ? source.length : found;
  return {
    units,
    codePoints: units === source.length ? codePointLength(source) : codePointLength(source.slice(0, units)),
  };
}

/**
 * `spans` in two runs: those that start before `codePoints` (the first screen's, nested and crossing ones included)
 * and the rest, so that the first run followed by the second is `spans` again. Null when no such cut exists (a span
 * starting before it comes after one starting at or after it: a sidecar not in file order) or the rest is empty.
 */
export function splitAtFirstScreen<T extends { start: number }>(
  spans: readonly T[],
  codePoints: number,
): { head: T[]; rest: T[] } | null {
  let cut = 0;
  while (cut < spans.length && spans[cut].start < codePoints) cut++;
  if (cut === spans.length) return null;
  for (let i = cut; i < spans.length; i++) if (spans[i].start < codePoints) return null;
  return { head: spans.slice(0, cut), rest: spans.slice(cut) };
}
