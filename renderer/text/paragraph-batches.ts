// How a long document's paragraphs are rendered: a screenful first, then batches of about
// the same cost while the browser is idle (see Paragraphs in DocumentView); and in blocks of
// a few thousand characters, each laid out only when near the view (content-visibility).
import { blankLine, type Paragraph } from '../../shared/text-view';

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

/**
 * Characters per block: a screen or two of text. The browser checks each block (not each paragraph) every frame.
 * Tried (scroll15, one traced 10k scroll each, load 3-17 for 4,000, 17 for 2,000): 2,000 characters. A block's first
 * layout fell only from 3.9 to 3.3 ms (mean of the frames laying one out: 212 -> 401 such frames), and each block
 * coming near or leaving still repaints the ranged text (block repaints 1,102 -> 2,401, a work count the load does not
 * change); Layout 1.0 -> 1.7 s, frames over 16.7 ms of thread time 15 -> 58. Not taken.
 */
const BLOCK_CHARS = 4_000;
/** The space between paragraphs (app.css `.document-text .para` margin), in em. */
const PARAGRAPH_GAP_EM = 0.9;

export interface ParagraphRun {
  /** Index of the first paragraph. */
  first: number;
  /** One past the last. */
  end: number;
  /** Estimated height of the run's paragraphs, in em (for the room kept before they are laid out or rendered). */
  estimateEm: number;
}

function estimatedEm(paragraphs: readonly Paragraph[], first: number, end: number): number {
  let em = 0;
  for (let i = first; i < end; i++) {
    // A blank line takes one line of line-height 1, the blank lines after it none (app.css `.para.blank`).
    const blank = blankLine(paragraphs, i);
    em +=
      blank === 'first'
        ? 1
        : blank === 'more'
          ? 0
          : estimatedLines(paragraphs[i].display.length) * 2 + PARAGRAPH_GAP_EM;
  }
  return em;
}

/**
 * The document's paragraphs cut into blocks of about BLOCK_CHARS characters (a longer paragraph makes a block alone).
 */
export function paragraphBlocks(paragraphs: readonly Paragraph[]): ParagraphRun[] {
  const blocks: ParagraphRun[] = [];
  let first = 0;
  let chars = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    chars += paragraphs[i].display.length + 1;
    if (chars >= BLOCK_CHARS || i === paragraphs.length - 1) {
      blocks.push({ first, end: i + 1, estimateEm: estimatedEm(paragraphs, first, i + 1) });
      first = i + 1;
      chars = 0;
    }
  }
  return blocks;
}

/** Estimated height of paragraphs [first, end), in em. */
export function paragraphsEm(paragraphs: readonly Paragraph[], first: number, end: number): number {
  return estimatedEm(paragraphs, first, end);
}
