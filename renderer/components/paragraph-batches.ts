// How a long document's paragraphs are rendered: a screenful first, then batches of about
// the same cost while the browser is idle (see Paragraphs in DocumentView).
import type { Paragraph } from '../store/text-view';

/** Characters in a first screen with room to spare (19px text in a 46rem column: ~85 per line, ~20 lines). */
const FIRST_SCREEN_CHARS = 6_000;
/** Characters per idle batch: a few milliseconds of rendering. */
const BATCH_CHARS = 40_000;
/** Characters per line of the document column, for estimating the height of paragraphs not yet shown. */
const CHARS_PER_LINE = 85;

/** Lines a paragraph of this many characters takes, about (at least one). */
export function estimatedLines(chars: number): number {
  return Math.max(1, Math.ceil(chars / CHARS_PER_LINE));
}

function countUpTo(paragraphs: readonly Paragraph[], from: number, chars: number, atLeast: number): number {
  let n = from;
  let total = 0;
  while (n < paragraphs.length && (total < chars || n - from < atLeast)) total += paragraphs[n++].display.length + 1;
  return n;
}

/** Paragraphs rendered first: enough to fill the first screen. */
export function firstScreenCount(paragraphs: readonly Paragraph[]): number {
  return countUpTo(paragraphs, 0, FIRST_SCREEN_CHARS, 20);
}

/** Paragraphs rendered after the next idle batch, from `count` rendered. */
export function nextBatchCount(paragraphs: readonly Paragraph[], count: number): number {
  return countUpTo(paragraphs, count, BATCH_CHARS, 50);
}
